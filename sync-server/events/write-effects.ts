import { balanceId, type Movement } from '../../shared/domain/ledger';
import type { Effects } from '../../shared/domain/effects';
import type { LedgerState } from '../../shared/domain/state';
import type { DeviceEvent } from '../../shared/schemas/events';
import { uuidv7 } from 'uuidv7';
import { bulk } from '../db/bulk';
import type { Sql } from '../db/types';
import { writeFulfilment } from './write-fulfilment';
import { upsertLicencePlates } from './write-licence-plates';

export interface AppliedEvent {
  event: DeviceEvent;
  bodyHash: string;
  effects: Effects;
}

function outcomeReason(e: Effects): string | null {
  return e.reasons.length > 0 ? e.reasons.join(',') : e.note;
}

/** Persists what a batch of events meant: each step one set-based statement. */
export async function writeEffects(tx: Sql, applied: readonly AppliedEvent[], state: LedgerState, at: string, userId: string): Promise<void> {
  await insertEvents(tx, applied);
  await writeLedger(tx, applied.flatMap((a) => a.effects.movements.map((m) => ({ ...m, eventId: a.event.id }))));
  await upsertDocuments(tx, applied, state);
  await upsertLicencePlates(tx, applied, state);
  await upsertSerials(tx, applied);
  await insertExceptions(tx, applied);
  await writeFulfilment(tx, applied, state, at, userId);
}

/** The event, its body hash and its outcome in one row: one insert per event, not two. */
function insertEvents(tx: Sql, applied: readonly AppliedEvent[]) {
  return bulk(
    tx,
    `INSERT INTO events (warehouse_id, id, type, schema_version, device_id, user_id, occurred_at, body, body_hash, status, reason, seq)
     SELECT w, id, type, v, d, u, at, body, hash, status, reason, nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x(w uuid, id uuid, type text, v int, d uuid, u uuid, at timestamptz,
       body jsonb, hash text, status text, reason text)`,
    applied.map(({ event: e, bodyHash, effects }) => ({
      w: e.warehouseId,
      id: e.id,
      type: e.type,
      v: e.schemaVersion,
      d: e.deviceId,
      u: e.userId,
      at: e.occurredAt,
      body: e,
      hash: bodyHash,
      status: effects.status,
      reason: outcomeReason(effects),
    })),
  );
}

/** A ledger line as written: a movement and, when an event caused it, the event's id. */
export type LedgerLine = Movement & { eventId: string | null };

/**
 * Writes ledger movements and folds them into balances and valuations, as
 * deltas: they commute, so the order of writers never matters. Every writer
 * of stock (events, allocation, commands) goes through here.
 */
export async function writeLedger(tx: Sql, lines: readonly LedgerLine[]): Promise<void> {
  await insertMovements(tx, lines);
  await upsertBalanceDeltas(tx, lines);
  await upsertValuationDeltas(tx, lines);
}

function insertMovements(tx: Sql, lines: readonly LedgerLine[]) {
  return bulk(
    tx,
    `INSERT INTO movements (warehouse_id, id, location_id, item_id, lot, expiry, status, qty, value, cause, event_id, lpn)
     SELECT "warehouseId", id, "locationId", "itemId", lot, expiry, status, qty, value, cause, "eventId", lpn
     FROM jsonb_to_recordset($1::jsonb) AS x("warehouseId" uuid, id uuid, "locationId" uuid, "itemId" uuid,
       lot text, expiry date, status text, qty bigint, value bigint, cause text, "eventId" uuid, lpn text)`,
    lines.map((m) => ({ ...m, id: uuidv7() })),
  );
}

function upsertBalanceDeltas(tx: Sql, movements: readonly Movement[]) {
  const deltas = new Map<string, { w: string; id: string; l: string; i: string; lot: string | null; expiry: string | null; status: string; qty: number }>();
  for (const m of movements) {
    const id = balanceId(m);
    const key = `${m.warehouseId}|${id}`;
    const row = deltas.get(key);
    if (row) {
      row.qty += m.qty;
      row.expiry = m.expiry ?? row.expiry;
    } else {
      deltas.set(key, { w: m.warehouseId, id, l: m.locationId, i: m.itemId, lot: m.lot, expiry: m.expiry, status: m.status, qty: m.qty });
    }
  }
  return bulk(
    tx,
    `INSERT INTO balances AS b (warehouse_id, id, location_id, item_id, lot, expiry, status, qty, seq, deleted)
     SELECT w, id, l, i, lot, expiry, status, qty, nextval('repl_seq'), qty = 0
     FROM jsonb_to_recordset($1::jsonb) AS x(w uuid, id text, l uuid, i uuid, lot text, expiry date, status text, qty bigint)
     ON CONFLICT (warehouse_id, id) DO UPDATE SET
       qty = b.qty + excluded.qty,
       expiry = coalesce(excluded.expiry, b.expiry),
       seq = excluded.seq,
       updated_at = now(),
       deleted = (b.qty + excluded.qty = 0)`,
    [...deltas.values()],
  );
}

function upsertValuationDeltas(tx: Sql, movements: readonly Movement[]) {
  const deltas = new Map<string, { w: string; i: string; qty: number; value: number }>();
  for (const m of movements) {
    const key = `${m.warehouseId}|${m.itemId}`;
    const row = deltas.get(key) ?? { w: m.warehouseId, i: m.itemId, qty: 0, value: 0 };
    row.qty += m.qty;
    row.value += m.value;
    deltas.set(key, row);
  }
  return bulk(
    tx,
    `INSERT INTO valuations AS v (warehouse_id, item_id, qty, value)
     SELECT w, i, qty, value FROM jsonb_to_recordset($1::jsonb) AS x(w uuid, i uuid, qty bigint, value bigint)
     ON CONFLICT (warehouse_id, item_id) DO UPDATE SET qty = v.qty + excluded.qty, value = v.value + excluded.value`,
    [...deltas.values()],
  );
}

/** Documents are written once per batch in their final state, however many events touched them. */
async function upsertDocuments(tx: Sql, applied: readonly AppliedEvent[], state: LedgerState) {
  const receiptIds = new Set(applied.flatMap((a) => a.effects.receipts.map((r) => r.id)));
  const poIds = new Set(applied.flatMap((a) => a.effects.pos.map((p) => p.id)));
  const asnIds = new Set(applied.flatMap((a) => a.effects.asns.map((p) => p.id)));
  const pick = <T>(ids: Set<string>, map: Map<string, T>): T[] =>
    [...ids].map((id) => map.get(id)).filter((x): x is T => x !== undefined);

  await bulk(
    tx,
    `INSERT INTO receipts AS r (warehouse_id, id, po_id, asn_id, status, lines, discrepancies, opened_at, closed_at, seq)
     SELECT "warehouseId", id, "poId", "asnId", status, lines, discrepancies, "openedAt", "closedAt", nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x("warehouseId" uuid, id uuid, "poId" uuid, "asnId" uuid, status text,
       lines jsonb, discrepancies jsonb, "openedAt" timestamptz, "closedAt" timestamptz)
     ON CONFLICT (warehouse_id, id) DO UPDATE SET status = excluded.status, lines = excluded.lines,
       discrepancies = excluded.discrepancies, closed_at = excluded.closed_at, seq = excluded.seq, updated_at = now()`,
    pick(receiptIds, state.receipts),
  );
  await bulk(
    tx,
    `UPDATE purchase_orders p SET status = x.status, lines = x.lines, seq = nextval('repl_seq'), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "warehouseId" uuid, status text, lines jsonb)
     WHERE p.warehouse_id = x."warehouseId" AND p.id = x.id`,
    pick(poIds, state.pos),
  );
  await bulk(
    tx,
    `UPDATE asns a SET status = x.status, seq = nextval('repl_seq'), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "warehouseId" uuid, status text)
     WHERE a.warehouse_id = x."warehouseId" AND a.id = x.id`,
    pick(asnIds, state.asns).map(({ id, warehouseId, status }) => ({ id, warehouseId, status })),
  );
}

function upsertSerials(tx: Sql, applied: readonly AppliedEvent[]) {
  const bySerial = new Map(applied.flatMap((a) => a.effects.serials).map((s) => [`${s.warehouseId}|${s.itemId}|${s.serial}`, s]));
  return bulk(
    tx,
    `INSERT INTO serials AS s (warehouse_id, item_id, serial, location_id, status)
     SELECT "warehouseId", "itemId", serial, "locationId", status
     FROM jsonb_to_recordset($1::jsonb) AS x("warehouseId" uuid, "itemId" uuid, serial text, "locationId" uuid, status text)
     ON CONFLICT (warehouse_id, item_id, serial) DO UPDATE SET location_id = excluded.location_id,
       status = excluded.status, updated_at = now()`,
    [...bySerial.values()],
  );
}

function insertExceptions(tx: Sql, applied: readonly AppliedEvent[]) {
  const rows = applied.flatMap((a) =>
    a.effects.exceptions.map((x) => ({ w: a.event.warehouseId, id: uuidv7(), e: a.event.id, kind: x.kind, reason: x.reason })),
  );
  return bulk(
    tx,
    `INSERT INTO exceptions (warehouse_id, id, event_id, kind, reason, status, seq)
     SELECT w, id, e, kind, reason, 'open', nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x(w uuid, id uuid, e uuid, kind text, reason text)`,
    rows,
  );
}
