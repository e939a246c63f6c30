import type { PullCheckpoint, PullCollection } from '../../shared/schemas/docs';
import type { Sql } from '../db/types';
import { COLLECTIONS } from './collections';

export interface PullScope {
  warehouseId: string;
  deviceId: string;
}

export interface PullResult {
  documents: Record<string, unknown>[];
  checkpoint: PullCheckpoint;
}

/**
 * Documents changed after the checkpoint, in `seq` order. `seq` is handed out
 * under the replication lock (db/types.ts), so no row can later commit with
 * a seq below one a device has already passed: nothing is ever skipped.
 */
export async function pull(db: Sql, collection: PullCollection, checkpoint: PullCheckpoint | null, limit: number, scope: PullScope): Promise<PullResult> {
  const spec = COLLECTIONS[collection];
  const after = checkpoint?.seq ?? 0;
  const params: (string | number)[] = [after, limit];
  let where = 'seq > $1';
  if (spec.scope === 'warehouse') {
    params.push(scope.warehouseId);
    where += ' AND warehouse_id = $3';
  } else if (spec.scope === 'device') {
    params.push(scope.warehouseId, scope.deviceId);
    where += ' AND warehouse_id = $3 AND device_id = $4';
  }
  const documents = await db.query<Record<string, unknown> & { seq: number }>(
    `SELECT ${spec.select} FROM ${spec.table} WHERE ${where} ORDER BY seq LIMIT $2`,
    params,
  );
  const last = documents[documents.length - 1];
  return { documents, checkpoint: { seq: last ? last.seq : after } };
}
