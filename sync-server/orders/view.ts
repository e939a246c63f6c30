import type { Sql } from '../db/types';

/** The supervisor's / customer service's view of one order: state, holds, lines with allocation and backorders, history. */
export async function orderView(db: Sql, id: string) {
  const [order] = await db.query<Record<string, unknown>>(
    `SELECT id, channel, external_id AS "externalId", order_number AS "orderNumber", placed_at AS "placedAt", status, holds, total, customer,
            ship_to AS "shipTo", shipping, payment, fraud_score AS "fraudScore", carrier, cutoff
     FROM orders WHERE id = $1`,
    [id],
  );
  if (!order) return null;
  const lines = await db.query<{ lineNo: number } & Record<string, unknown>>(
    `SELECT line_no AS "lineNo", sku, channel_sku AS "channelSku", item_id AS "itemId", qty, unit_price AS "unitPrice",
            discount, tax, qty_allocated AS "qtyAllocated", qty_backordered AS "qtyBackordered", qty_picked AS "qtyPicked",
            qty_shipped AS "qtyShipped"
     FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
    [id],
  );
  const reservations = await db.query<{ lineNo: number } & Record<string, unknown>>(
    `SELECT r.id, r.line_no AS "lineNo", r.warehouse_id AS "warehouseId", w.code AS "warehouseCode", r.location_id AS "locationId",
            l.code AS "locationCode", r.lot, r.qty, r.status
     FROM reservations r JOIN warehouses w ON w.id = r.warehouse_id
     JOIN locations l ON l.warehouse_id = r.warehouse_id AND l.id = r.location_id
     WHERE r.order_id = $1 ORDER BY r.line_no, r.created_at`,
    [id],
  );
  const history = await db.query(
    `SELECT n, at, from_status AS "from", to_status AS "to", reason, user_id AS "userId" FROM order_history WHERE order_id = $1 ORDER BY n`,
    [id],
  );
  return {
    ...order,
    lines: lines.map((l) => ({ ...l, allocations: reservations.filter((r) => r.lineNo === l.lineNo).map(({ lineNo: _n, ...r }) => r) })),
    history,
  };
}
