import { uuidv7 } from 'uuidv7';
import { decide, evolve } from '../../shared/domain/apply';
import type { DeviceEvent, EventDoc, PushResult, PushRow } from '../../shared/schemas/events';
import { appendAudit, type AuditEntry } from '../audit/chain';
import { bulk } from '../db/bulk';
import type { Db, Sql } from '../db/types';
import { eventHash } from './hash';
import { loadLedgerState } from './load-state';
import { allocateOrders, backorderedOrdersFor } from '../orders/allocation';
import { loadOrderRules } from '../orders/rules';
import { writeEffects, type AppliedEvent } from './write-effects';

export interface PushContext {
  deviceId: string;
  warehouseId: string;
  userId: string;
  log: { warn(obj: object, msg: string): void };
}

/** The event as stored and hashed: RxDB's replication flag is not part of the fact. */
function toEvent(doc: EventDoc): DeviceEvent {
  const { _deleted: _ignored, ...event } = doc;
  return event as DeviceEvent;
}


type Classified =
  | { kind: 'new'; event: DeviceEvent; hash: string }
  | { kind: 'duplicate'; event: DeviceEvent }
  | { kind: 'refused'; event: DeviceEvent; stored: DeviceEvent };

/** Idempotency (guarantee 2): a known id with the same body is a retry; with another body, an alarm. */
async function classify(tx: Sql, warehouseId: string, events: readonly DeviceEvent[]): Promise<Classified[]> {
  const known = await tx.query<{ id: string; body: DeviceEvent; hash: string }>(
    'SELECT id, body, body_hash AS hash FROM events WHERE warehouse_id = $1 AND id = ANY($2::uuid[])',
    [warehouseId, events.map((e) => e.id)],
  );
  const seen = new Map(known.map((k) => [k.id, { body: k.body, hash: k.hash }]));
  return events.map((event) => {
    const hash = eventHash(event);
    const prior = seen.get(event.id);
    if (!prior) {
      seen.set(event.id, { body: event, hash });
      return { kind: 'new', event, hash };
    }
    return prior.hash === hash ? { kind: 'duplicate', event } : { kind: 'refused', event, stored: prior.body };
  });
}

/** Stock that became available (receipts, returns to stock) goes first to orders waiting for it; short-picked orders try again. */
async function allocateArrivals(tx: Sql, applied: readonly AppliedEvent[], at: string, userId: string): Promise<void> {
  const arrived = [...new Set(applied.flatMap((a) => a.effects.movements.filter((m) => m.status === 'available' && m.qty > 0).map((m) => m.itemId)))];
  const shorted = applied.flatMap((a) => a.effects.reallocate);
  const waiting = [...new Set([...shorted, ...(await backorderedOrdersFor(tx, arrived))])];
  if (waiting.length > 0) await allocateOrders(tx, waiting, await loadOrderRules(tx), at, userId);
}

/**
 * One chained audit entry per applied batch, naming every event it applied
 * with its body hash and outcome. Attribution (user, device, time) is inside
 * each hashed body, so editing, adding or removing any stored event breaks
 * the chain (see verifyAuditChain), at one audit row per push instead of
 * one per scan.
 */
function batchAudit(applied: readonly AppliedEvent[], ctx: PushContext, at: string): AuditEntry[] {
  if (applied.length === 0) return [];
  return [
    {
      at,
      userId: ctx.userId,
      deviceId: ctx.deviceId,
      warehouseId: ctx.warehouseId,
      action: 'events.applied',
      subject: `device:${ctx.deviceId}`,
      data: { events: applied.map((a) => [a.event.id, a.bodyHash, a.effects.status]) },
    },
  ];
}

/**
 * Applies a pushed batch in ONE transaction: classify -> load state ->
 * decide/evolve each new event through the shared reducers -> write ledger,
 * balances, documents, exceptions -> audit chain. Answers after commit.
 */
export async function pushEvents(db: Db, rows: readonly PushRow[], ctx: PushContext, now: () => Date = () => new Date()): Promise<PushResult> {
  const events = rows.map((r) => toEvent(r.newDocumentState));
  return db.writeTransaction(async (tx) => {
    const classified = await classify(tx, ctx.warehouseId, events);
    const fresh = classified.filter((c): c is Extract<Classified, { kind: 'new' }> => c.kind === 'new');
    const state = await loadLedgerState(tx, fresh.map((c) => c.event));

    const applied: AppliedEvent[] = fresh.map(({ event, hash }) => {
      const effects = decide(state, event);
      evolve(state, effects);
      return { event, bodyHash: hash, effects };
    });
    const at = now().toISOString();
    await writeEffects(tx, applied, state, at, ctx.userId);
    await allocateArrivals(tx, applied, at, ctx.userId);

    const refused = classified.filter((c): c is Extract<Classified, { kind: 'refused' }> => c.kind === 'refused');
    for (const r of refused) {
      ctx.log.warn({ alarm: 'event_body_mismatch', eventId: r.event.id, deviceId: ctx.deviceId }, 'known event id pushed with a different body: refused');
    }
    await bulk(
      tx,
      `INSERT INTO alarms (id, kind, event_id, device_id, user_id, detail)
       SELECT id, 'event_body_mismatch', e, d, u, detail FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, e uuid, d uuid, u uuid, detail jsonb)`,
      refused.map((r) => ({ id: uuidv7(), e: r.event.id, d: ctx.deviceId, u: ctx.userId, detail: { pushed: r.event } })),
    );
    await appendAudit(tx, [
      ...batchAudit(applied, ctx, at),
      ...refused.map((r) => ({
        at,
        userId: ctx.userId,
        deviceId: ctx.deviceId,
        warehouseId: ctx.warehouseId,
        action: 'alarm.event_body_mismatch',
        subject: `event:${r.event.id}`,
        data: { pushedHash: eventHash(r.event) },
      })),
    ]);
    await tx.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [ctx.deviceId]);

    const effectsById = new Map(applied.map((a) => [a.event.id, a.effects]));
    return {
      conflicts: refused.map((r) => ({ ...r.stored, _deleted: false })),
      results: classified.map((c) => {
        if (c.kind === 'duplicate') return { id: c.event.id, status: 'duplicate' as const, reason: null };
        if (c.kind === 'refused') return { id: c.event.id, status: 'refused' as const, reason: 'event_body_mismatch' };
        const e = effectsById.get(c.event.id);
        return {
          id: c.event.id,
          status: e?.status ?? 'applied',
          reason: e && e.reasons.length > 0 ? e.reasons.join(',') : (e?.note ?? null),
        };
      }),
    };
  });
}
