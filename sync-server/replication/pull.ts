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
 * Documents changed after the checkpoint, in `seq` order, as the JSON text
 * of the answer: the database renders the page (json_agg), which is about
 * four times faster than reading rows into Node and serializing them again.
 * `seq` is handed out under the replication lock (db/types.ts), so no row
 * can later commit with a seq below one a device has already passed:
 * nothing is ever skipped.
 */
export async function pullJson(
  db: Sql,
  collection: PullCollection,
  checkpoint: PullCheckpoint | null,
  limit: number,
  scope: PullScope,
  withRemaining = false,
): Promise<string> {
  const spec = COLLECTIONS[collection];
  const after = checkpoint?.seq ?? 0;
  const { where, values } = scoped(spec, scope);
  const [page] = await db.query<{ docs: string; last: number | string | null }>(
    `SELECT coalesce(json_agg(t ORDER BY t.seq), '[]')::text AS docs, max(t.seq) AS last
       FROM (SELECT ${spec.select} FROM ${spec.table} WHERE ${where} ORDER BY seq LIMIT ${Math.trunc(limit)}) t`,
    [after, ...values],
  );
  const last = page?.last === null || page?.last === undefined ? after : Number(page.last);
  const head = `{"documents":${page?.docs ?? '[]'},"checkpoint":{"seq":${last}}`;
  if (!withRemaining) return `${head}}`;
  const [count] = await db.query<{ n: number | string }>(`SELECT count(*)::int8 AS n FROM ${spec.table} WHERE ${where}`, [last, ...values]);
  return `${head},"remaining":${Number(count?.n ?? 0)}}`;
}

/** The same page as an object (tests, tools). */
export async function pull(...args: Parameters<typeof pullJson>): Promise<PullResult> {
  return JSON.parse(await pullJson(...args)) as PullResult;
}
