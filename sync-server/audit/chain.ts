import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { Sql } from '../db/types';

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
}

/** Recomputes the whole chain; any edit, deletion or reordering shows up as a break. */
export async function verifyAuditChain(db: Sql, pageSize = 5000): Promise<ChainVerdict> {
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
      prev = r.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < pageSize) return { ok: true, entries, brokenAt: null };
  }
}
