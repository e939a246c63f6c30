import type { Sql } from '../db/types';

/**
 * Brings the replicated `order_status` documents of these orders up to date
 * (one per order and warehouse it is allocated in) and gives each one that
 * changed a new `seq`, so a device's next pull sees the order's latest state.
 * The computation is the SQL function `refresh_order_status` (migration
 * 0006), the one definition shared with the backfill.
 *
 * Call it inside the `Db.writeTransaction` that changed the orders, after
 * its last write to them (status, lines, reservations, cartons): seq must be
 * handed out under the replication lock, or a pull could skip the document.
 */
export async function refreshOrderStatus(tx: Sql, orderIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return;
  await tx.query(`SELECT refresh_order_status($1::uuid[])`, [ids]);
}
