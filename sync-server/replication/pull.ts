import type { PullCheckpoint, PullCollection } from '../../shared/schemas/docs';
import type { Sql } from '../db/types';
import { COLLECTIONS, type CollectionSpec } from './collections';

export interface PullScope {
  warehouseId: string;
  deviceId: string;
}

export interface PullResult {
  documents: Record<string, unknown>[];
  checkpoint: PullCheckpoint;
  /** Documents still to come after this page (when asked for): drives a new device's progress bar. */
  remaining?: number;
}

/** `seq > $1` plus the collection's scope; the scope's values follow as $2, $3. */
function scoped(spec: CollectionSpec, scope: PullScope): { where: string; values: string[] } {
  if (spec.scope === 'warehouse') return { where: 'seq > $1 AND warehouse_id = $2', values: [scope.warehouseId] };
  if (spec.scope === 'device') return { where: 'seq > $1 AND warehouse_id = $2 AND device_id = $3', values: [scope.warehouseId, scope.deviceId] };
  return { where: 'seq > $1', values: [] };
}

/**
 * Documents changed after the checkpoint, in `seq` order. `seq` is handed out
 * under the replication lock (db/types.ts), so no row can later commit with
 * a seq below one a device has already passed: nothing is ever skipped.
 */
export async function pull(
  db: Sql,
  collection: PullCollection,
  checkpoint: PullCheckpoint | null,
  limit: number,
  scope: PullScope,
  withRemaining = false,
): Promise<PullResult> {
  const spec = COLLECTIONS[collection];
  const after = checkpoint?.seq ?? 0;
  const { where, values } = scoped(spec, scope);
  const documents = await db.query<Record<string, unknown> & { seq: number }>(
    `SELECT ${spec.select} FROM ${spec.table} WHERE ${where} ORDER BY seq LIMIT ${Math.trunc(limit)}`,
    [after, ...values],
  );
  const last = documents[documents.length - 1];
  const next = { seq: last ? last.seq : after };
  if (!withRemaining) return { documents, checkpoint: next };
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${spec.table} WHERE ${where}`, [next.seq, ...values]);
  return { documents, checkpoint: next, remaining: count?.n ?? 0 };
}
