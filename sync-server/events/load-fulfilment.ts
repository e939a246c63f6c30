import { balanceKey } from '../../shared/domain/ledger';
import { valuationKey, type CartonState, type LedgerState, type OrderLineState, type PickTaskState } from '../../shared/domain/state';
import type { StockStatus } from '../../shared/schemas/common';
import type { Sql } from '../db/types';

export interface FulfilmentKeys {
  warehouseIds: Set<string>;
  taskIds: Set<string>;
  orderIds: Set<string>;
  /** Locations whose current stock a reducer checks (put-away source, pick bin). */
  balanceKeys: { w: string; l: string; i: string }[];
  /** Orders shipping in this batch: their cartons and valuations are needed. */
  shippedOrders: string[];
}

/** The floor's state a batch of put-away / pick / pack / ship events reads, set-based. */
export async function loadFulfilment(tx: Sql, state: LedgerState, keys: FulfilmentKeys): Promise<void> {
  if (keys.taskIds.size > 0) {
    const tasks = await tx.query<PickTaskState>(
      `SELECT id, warehouse_id AS "warehouseId", order_id AS "orderId", line_no AS "lineNo", reservation_id AS "reservationId",
              item_id AS "itemId", location_id AS "locationId", lot, qty, status, qty_picked AS "qtyPicked", tote
       FROM pick_tasks WHERE warehouse_id = ANY($1::uuid[]) AND id = ANY($2::uuid[])`,
      [[...keys.warehouseIds], [...keys.taskIds]],
    );
    for (const t of tasks) {
      state.tasks.set(t.id, t);
      keys.orderIds.add(t.orderId);
    }
  }
  if (keys.orderIds.size > 0) {
    const lines = await tx.query<OrderLineState & { orderId: string; status: string }>(
      `SELECT o.id AS "orderId", o.status, l.line_no AS "lineNo", l.item_id AS "itemId", l.qty, l.qty_allocated AS "qtyAllocated",
              l.qty_picked AS "qtyPicked", l.qty_shipped AS "qtyShipped"
       FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = ANY($1::uuid[]) ORDER BY o.id, l.line_no`,
      [[...keys.orderIds]],
    );
    for (const { orderId, status, ...line } of lines) {
      const o = state.orders.get(orderId) ?? { id: orderId, status, lines: [] };
      o.lines.push(line);
      state.orders.set(orderId, o);
    }
    const cartons = await tx.query<CartonState>(
      `SELECT id, warehouse_id AS "warehouseId", order_id AS "orderId", lines, weight_grams AS "weightGrams", status
       FROM cartons WHERE order_id = ANY($1::uuid[])`,
      [[...keys.orderIds]],
    );
    for (const c of cartons) state.cartons.set(c.id, c);
  }
  if (keys.balanceKeys.length > 0) {
    const rows = await tx.query<{ w: string; l: string; i: string; lot: string | null; status: StockStatus; qty: number }>(
      `SELECT b.warehouse_id AS w, b.location_id AS l, b.item_id AS i, b.lot, b.status, b.qty
       FROM balances b JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS k(w, l, i)
         ON b.warehouse_id = k.w AND b.location_id = k.l AND b.item_id = k.i`,
      [keys.balanceKeys.map((k) => k.w), keys.balanceKeys.map((k) => k.l), keys.balanceKeys.map((k) => k.i)],
    );
    // Absolute balances seed the working state so reducers can check stock; written back as deltas of movements.
    for (const r of rows) {
      state.balances.set(balanceKey({ warehouseId: r.w, locationId: r.l, itemId: r.i, lot: r.lot, status: r.status }), {
        warehouseId: r.w,
        locationId: r.l,
        itemId: r.i,
        lot: r.lot,
        expiry: null,
        status: r.status,
        qty: r.qty,
      });
    }
  }
  if (keys.shippedOrders.length > 0) {
    const vals = await tx.query<{ w: string; i: string; qty: number; value: number }>(
      `SELECT v.warehouse_id AS w, v.item_id AS i, v.qty, v.value FROM valuations v
       WHERE (v.warehouse_id, v.item_id) IN (SELECT c.warehouse_id, (l->>'itemId')::uuid FROM cartons c, jsonb_array_elements(c.lines) l WHERE c.order_id = ANY($1::uuid[]))`,
      [keys.shippedOrders],
    );
    for (const v of vals) state.valuations.set(valuationKey(v.w, v.i), { qty: v.qty, value: v.value });
  }
}
