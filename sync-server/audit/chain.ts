import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { Sql } from '../db/types';
import { eventHash } from '../events/hash';

export interface AuditEntry {
  at: string;
  userId: string | null;
  deviceId: string | null;
  warehouseId: string | null;
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

interface ChainedEntry extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

function entryHash(seq: number, e: AuditEntry, prevHash: string): string {
  return createHash('sha256')
    .update(canonicalJson([seq, e.at, e.userId, e.deviceId, e.warehouseId, e.action, e.subject, e.data, prevHash]))
    .digest('hex');
}

/**
 * Appends entries to the hash chain. Must run inside a write transaction:
 * the replication lock serializes appenders, so the chain never forks.
 */
export async function appendAudit(tx: Sql, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const rows: ChainedEntry[] = entries.map((e) => {
    seq += 1;
    const hash = entryHash(seq, e, prev);
    const row = { ...e, seq, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await tx.query(
    `INSERT INTO audit_log (seq, at, user_id, device_id, warehouse_id, action, subject, data, prev_hash, hash)
     SELECT seq, at, "userId", "deviceId", "warehouseId", action, subject, data, "prevHash", hash
     FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, at timestamptz, "userId" uuid, "deviceId" uuid,
       "warehouseId" uuid, action text, subject text, data jsonb, "prevHash" text, hash text)`,
    [JSON.stringify(rows)],
  );
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** First entry whose hash or link does not match, when broken. */
  brokenAt: number | null;
  /** Stored events checked against the chain. */
  events: number;
  /** An event whose body no longer matches what the chain recorded, or that the chain never recorded. */
  tamperedEvent: string | null;
}

/**
 * Recomputes the whole chain (any edit, deletion or reordering of entries
 * shows up as a break), then checks every stored event against the hash the
 * chain recorded for it when it was applied.
 */
export async function verifyAuditChain(db: Sql, pageSize = 5000): Promise<ChainVerdict> {
  const recorded = new Map<string, string>();
  const chain = await verifyEntries(db, pageSize, (e) => {
    const events = e.action === 'events.applied' ? e.data.events : undefined;
    if (Array.isArray(events)) {
      for (const ref of events as unknown[]) {
        if (Array.isArray(ref) && typeof ref[0] === 'string' && typeof ref[1] === 'string') recorded.set(ref[0], ref[1]);
      }
    }
  });
  if (!chain.ok) return { ...chain, events: 0, tamperedEvent: null };
  let events = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{ id: string; body: DeviceEvent; hash: string }>(
      'SELECT id, body, body_hash AS hash FROM events WHERE id > $1 ORDER BY id LIMIT $2',
      [after, pageSize],
    );
    for (const r of rows) {
      events += 1;
      if (recorded.get(r.id) !== r.hash || eventHash(r.body) !== r.hash) {
        return { ...chain, ok: false, events, tamperedEvent: r.id };
      }
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return { ...chain, events, tamperedEvent: null };
    after = last.id;
  }
}

async function verifyEntries(db: Sql, pageSize: number, visit: (e: ChainedEntry) => void): Promise<Omit<ChainVerdict, 'events' | 'tamperedEvent'>> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db.query<ChainedEntry>(
      `SELECT seq, at, user_id AS "userId", device_id AS "deviceId", warehouse_id AS "warehouseId",
              action, subject, data, prev_hash AS "prevHash", hash
       FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, pageSize],
    );
    for (const r of rows) {
      if (r.seq !== expectedSeq || r.prevHash !== prev || entryHash(r.seq, r, prev) !== r.hash) {
        return { ok: false, entries, brokenAt: expectedSeq };
      }
      visit(r);
      prev = r.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < pageSize) return { ok: true, entries, brokenAt: null };
  }
}
