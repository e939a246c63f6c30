import type { Db } from '../db/types';

/** Finished orders stay on the devices' Orders screen this long after their last change. */
export const FINISHED_ORDER_DAYS = 14;
const FINISHED = ['shipped', 'cancelled', 'invoiced', 'settled'];

/**
 * Devices replicate `order_status` to show, offline, where orders stand;
 * finished orders would pile up there for ever. Their documents become
 * tombstones two weeks after their last change (with a new `seq`, so every
 * device drops them at its next pull); the order itself and its history
 * stay on the server.
 */
export async function expireFinishedOrderStatus(db: Db, now: Date, days = FINISHED_ORDER_DAYS): Promise<number> {
  return db.writeTransaction(async (tx) => {
    const rows = await tx.query<{ orderId: string }>(
      `UPDATE order_status SET deleted = true, seq = nextval('repl_seq'), updated_at = $1
       WHERE NOT deleted AND status = ANY($2::text[]) AND updated_at < $1::timestamptz - make_interval(days => $3::int)
       RETURNING order_id AS "orderId"`,
      [now.toISOString(), FINISHED, days],
    );
    return rows.length;
  });
}

/** Runs the expiry now and every hour while the server runs; returns the stopper. */
export function startHousekeeping(db: Db, now: () => Date, log: (msg: string, err?: unknown) => void): () => void {
  const run = () =>
    void expireFinishedOrderStatus(db, now()).then(
      (n) => n > 0 && log(`Expired ${n} finished order(s) from the devices' order lists.`),
      (err: unknown) => log('Order-status housekeeping failed', err),
    );
  run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
