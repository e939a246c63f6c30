import { uuidv7 } from 'uuidv7';
import type { TransferReservationBody } from '../../shared/schemas/orders';
import { appendAudit } from '../audit/chain';
import type { Db, Sql } from '../db/types';
import { writeLedger, type LedgerLine } from '../events/write-effects';
import { badRequest, conflict, notFound } from '../http/errors';
import { refreshOrderStatus } from './order-status';

export interface TransferredReservation {
  id: string;
  orderId: string;
  lineNo: number;
  locationId: string;
  qty: number;
  status: string;
  /** The pick task that now walks to the new location (waved reservations). */
  taskId: string | null;
}

interface ReservationRow {
  warehouseId: string;
  id: string;
  orderId: string;
  lineNo: number;
  itemId: string;
  locationId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  status: string;
}

/**
 * Reservations are bound to a location: the picker is sent there, and a
 * pick anywhere else is refused. When the promised units are better taken
 * from another bin (the bin is blocked, the stock was moved), a supervisor
 * transfers the reservation: the units go back to `available` where they
 * were and are `allocated` at the new location, in the ledger, and a waved
 * reservation's open pick task walks to the new bin. Audited with the
 * reason. A task already being picked is not moved: the picker records a
 * short pick instead, which re-allocates.
 */
export async function transferReservation(
  db: Db,
  reservationId: string,
  body: TransferReservationBody,
  userId: string,
  at: string,
): Promise<TransferredReservation[]> {
  return db.writeTransaction(async (tx) => {
    const [r] = await tx.query<ReservationRow>(
      `SELECT warehouse_id AS "warehouseId", id, order_id AS "orderId", line_no AS "lineNo", item_id AS "itemId", location_id AS "locationId",
              lot, to_char(expiry, 'YYYY-MM-DD') AS expiry, qty, status
       FROM reservations WHERE id = $1 FOR UPDATE`,
      [reservationId],
    );
    if (!r) throw notFound('No such reservation.');
    if (r.status !== 'open' && r.status !== 'waved') throw conflict(`The reservation is ${r.status}: only open or waved reservations can move.`);
    const qty = body.qty ?? r.qty;
    if (qty > r.qty) throw badRequest('validation', `qty ${qty} is more than the reservation holds (${r.qty}).`);
    if (body.toLocationId === r.locationId) throw badRequest('validation', 'The reservation is already at that location.');

    const [task] = await tx.query<{ id: string; status: string; qtyPicked: number }>(
      `SELECT id, status, qty_picked AS "qtyPicked" FROM pick_tasks WHERE warehouse_id = $1 AND reservation_id = $2 FOR UPDATE`,
      [r.warehouseId, r.id],
    );
    if (task && (task.status !== 'open' || task.qtyPicked > 0)) {
      throw conflict('Picking has started on this reservation: record a short pick at the bin instead (it re-allocates).');
    }
    if (task && qty < r.qty) throw conflict('A waved reservation moves whole: leave out qty, or transfer before the wave.');

    const [target] = await tx.query<{ kind: string; pathSeq: number }>(
      `SELECT kind, path_seq AS "pathSeq" FROM locations WHERE warehouse_id = $1 AND id = $2 AND NOT deleted`,
      [r.warehouseId, body.toLocationId],
    );
    if (!target) throw notFound('No such location in the reservation\'s warehouse.');
    if (target.kind !== 'bin' && target.kind !== 'dock') throw conflict(`Stock is not allocated from a ${target.kind} location.`);
    const available = await availableAt(tx, r, body.toLocationId);
    if (available < qty) throw conflict(`Only ${available} available of this item${r.lot ? ` (lot ${r.lot})` : ''} at that location; ${qty} needed.`);

    const cause = `reservation-transfer:${r.id}`;
    const line = (locationId: string, status: 'available' | 'allocated', delta: number): LedgerLine => ({
      warehouseId: r.warehouseId,
      locationId,
      itemId: r.itemId,
      lot: r.lot,
      expiry: r.expiry,
      status,
      qty: delta,
      value: 0,
      cause,
      eventId: null,
    });
    await writeLedger(tx, [
      line(r.locationId, 'allocated', -qty),
      line(r.locationId, 'available', qty),
      line(body.toLocationId, 'available', -qty),
      line(body.toLocationId, 'allocated', qty),
    ]);

    const moved: TransferredReservation[] = [];
    if (qty === r.qty) {
      await tx.query(`UPDATE reservations SET location_id = $3 WHERE warehouse_id = $1 AND id = $2`, [r.warehouseId, r.id, body.toLocationId]);
      moved.push({ id: r.id, orderId: r.orderId, lineNo: r.lineNo, locationId: body.toLocationId, qty, status: r.status, taskId: task?.id ?? null });
    } else {
      // Part of an unwaved reservation: the rest stays where it was.
      const id = uuidv7();
      await tx.query(`UPDATE reservations SET qty = qty - $3 WHERE warehouse_id = $1 AND id = $2`, [r.warehouseId, r.id, qty]);
      await tx.query(
        `INSERT INTO reservations (warehouse_id, id, order_id, line_no, item_id, location_id, lot, expiry, qty, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open')`,
        [r.warehouseId, id, r.orderId, r.lineNo, r.itemId, body.toLocationId, r.lot, r.expiry, qty],
      );
      moved.push({ id, orderId: r.orderId, lineNo: r.lineNo, locationId: body.toLocationId, qty, status: 'open', taskId: null });
    }
    if (task) await moveTask(tx, r.warehouseId, task.id, body.toLocationId, target.pathSeq);
    await refreshOrderStatus(tx, [r.orderId]);
    await appendAudit(tx, [
      {
        at,
        userId,
        deviceId: null,
        warehouseId: r.warehouseId,
        action: 'reservation.transferred',
        subject: `reservation:${r.id}`,
        data: { orderId: r.orderId, from: r.locationId, to: body.toLocationId, qty, reason: body.reason },
      },
    ]);
    return moved;
  });
}

/** Available units of the reservation's item and lot at a location, less what stands on licence plates there. */
async function availableAt(tx: Sql, r: ReservationRow, locationId: string): Promise<number> {
  const [row] = await tx.query<{ qty: number | string | null }>(
    `SELECT (coalesce(sum(b.qty), 0) - available_on_plates($1, $2, $3, $4))::int8 AS qty
     FROM balances b
     WHERE b.warehouse_id = $1 AND b.location_id = $2 AND b.item_id = $3 AND b.lot IS NOT DISTINCT FROM $4 AND b.status = 'available'`,
    [r.warehouseId, locationId, r.itemId, r.lot],
  );
  return Number(row?.qty ?? 0);
}

/** The open task walks to the new bin; its wave's open tasks are put back in path order (devices pull what changed). */
async function moveTask(tx: Sql, warehouseId: string, taskId: string, locationId: string, pathSeq: number): Promise<void> {
  const [task] = await tx.query<{ waveId: string }>(
    `UPDATE pick_tasks SET location_id = $3, path_seq = $4, seq = nextval('repl_seq'), updated_at = now()
     WHERE warehouse_id = $1 AND id = $2 RETURNING wave_id AS "waveId"`,
    [warehouseId, taskId, locationId, pathSeq],
  );
  if (!task) return;
  await tx.query(
    `UPDATE pick_tasks t SET sequence = o.n, seq = nextval('repl_seq'), updated_at = now()
     FROM (SELECT id, (row_number() OVER (ORDER BY path_seq, id))::int AS n FROM pick_tasks WHERE warehouse_id = $1 AND wave_id = $2) o
     WHERE t.warehouse_id = $1 AND t.id = o.id AND t.sequence <> o.n`,
    [warehouseId, task.waveId],
  );
}
