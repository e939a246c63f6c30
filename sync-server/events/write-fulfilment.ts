import { withCheckDigit } from '../../shared/barcode/check-digit';
import type { LedgerState, OrderState } from '../../shared/domain/state';
import type { OrderStatus } from '../../shared/schemas/orders';
import { bulk } from '../db/bulk';
import type { Sql } from '../db/types';
import { recordTransitions, type Transition } from '../orders/history';
import { refreshOrderStatus } from '../orders/order-status';
import type { AppliedEvent } from './write-effects';

/** GS1 company prefix for the SSCCs on our cartons (GS1's example prefix in the demo). */
export const SSCC_COMPANY_PREFIX = '0950600';

export function ssccFor(serial: number): string {
  // SSCC = extension digit + company prefix + serial reference, 17 digits, + check digit (GS1 GenSpecs 2.2).
  return withCheckDigit(`0${SSCC_COMPANY_PREFIX}${String(serial).padStart(16 - SSCC_COMPANY_PREFIX.length, '0')}`);
}

const pick = <T>(ids: Iterable<string>, map: Map<string, T>): T[] => [...new Set(ids)].map((id) => map.get(id)).filter((x): x is T => x !== undefined);

/** Persists what floor events changed: pick tasks, reservations, order lines and states, cartons, shipments. */
export async function writeFulfilment(tx: Sql, applied: readonly AppliedEvent[], state: LedgerState, at: string, userId: string): Promise<void> {
  const tasks = pick(applied.flatMap((a) => a.effects.tasks.map((t) => t.id)), state.tasks);
  await bulk(
    tx,
    `UPDATE pick_tasks t SET status = x.status, qty_picked = x."qtyPicked", tote = x.tote, seq = nextval('repl_seq'), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "warehouseId" uuid, status text, "qtyPicked" int, tote text)
     WHERE t.warehouse_id = x."warehouseId" AND t.id = x.id`,
    tasks,
  );
  // A reservation follows its task: picked when done; after a short pick it keeps what was picked
  // (and ships with it), or is released when nothing was.
  await bulk(
    tx,
    `UPDATE reservations r SET
       status = CASE WHEN x.status = 'picked' OR (x.status = 'short' AND x.picked > 0) THEN 'picked'
                     WHEN x.status = 'short' THEN 'released' ELSE r.status END,
       qty = CASE WHEN x.status = 'short' AND x.picked > 0 THEN x.picked ELSE r.qty END
     FROM jsonb_to_recordset($1::jsonb) AS x("reservationId" uuid, "warehouseId" uuid, status text, picked int)
     WHERE r.warehouse_id = x."warehouseId" AND r.id = x."reservationId"`,
    tasks.map((t) => ({ reservationId: t.reservationId, warehouseId: t.warehouseId, status: t.status, picked: t.qtyPicked })),
  );

  const orders = pick(applied.flatMap((a) => a.effects.orders.map((o) => o.id)), state.orders);
  await bulk(
    tx,
    `UPDATE order_lines l SET qty_allocated = x."qtyAllocated", qty_picked = x."qtyPicked", qty_shipped = x."qtyShipped",
       qty_backordered = l.qty - x."qtyAllocated"
     FROM jsonb_to_recordset($1::jsonb) AS x("orderId" uuid, "lineNo" int, "qtyAllocated" int, "qtyPicked" int, "qtyShipped" int)
     WHERE l.order_id = x."orderId" AND l.line_no = x."lineNo"`,
    orders.flatMap((o) => o.lines.map((l) => ({ orderId: o.id, lineNo: l.lineNo, qtyAllocated: l.qtyAllocated, qtyPicked: l.qtyPicked, qtyShipped: l.qtyShipped }))),
  );
  await recordOrderStatuses(tx, orders, at, userId);
  await writeCartons(tx, applied, state);
  // Last: the documents read the reservations, lines, statuses and cartons written above.
  const cartonOrders = applied.flatMap((a) => a.effects.cartons.map((c) => c.orderId));
  await refreshOrderStatus(tx, [...tasks.map((t) => t.orderId), ...orders.map((o) => o.id), ...cartonOrders]);
}

/** New cartons (with their SSCCs, order number and ship-to name), carton status changes, shipments. */
async function writeCartons(tx: Sql, applied: readonly AppliedEvent[], state: LedgerState): Promise<void> {
  const cartons = pick(applied.flatMap((a) => a.effects.cartons.map((c) => c.id)), state.cartons);
  if (cartons.length === 0) return;
  const fresh = await tx.query<{ id: string }>(`SELECT id FROM cartons WHERE id = ANY($1::uuid[])`, [cartons.map((c) => c.id)]);
  const known = new Set(fresh.map((f) => f.id));
  const created = cartons.filter((c) => !known.has(c.id));
  const serials = created.length === 0 ? [] : await tx.query<{ n: number }>(`SELECT nextval('sscc_serial') AS n FROM generate_series(1, $1::int)`, [created.length]);
  const eventOf = new Map(applied.flatMap((a) => a.effects.cartons.map((c) => [c.id, a.event.id] as const)));
  await bulk(
    tx,
    `INSERT INTO cartons (warehouse_id, id, order_id, order_number, ship_to_name, sscc, lines, weight_grams, status, event_id, seq)
     SELECT x."warehouseId", x.id, x."orderId", coalesce(o.order_number, ''), coalesce(o.ship_to->>'name', ''), x.sscc, x.lines, x."weightGrams", x.status, x."eventId",
            nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x("warehouseId" uuid, id uuid, "orderId" uuid, sscc text, lines jsonb, "weightGrams" int, status text, "eventId" uuid)
     LEFT JOIN orders o ON o.id = x."orderId"`,
    created.map((c, i) => ({ ...c, sscc: ssccFor(serials[i]?.n ?? 0), eventId: eventOf.get(c.id) })),
  );
  await bulk(
    tx,
    `UPDATE cartons c SET status = x.status, seq = nextval('repl_seq'), updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "warehouseId" uuid, status text)
     WHERE c.warehouse_id = x."warehouseId" AND c.id = x.id`,
    cartons.filter((c) => known.has(c.id)).map(({ id, warehouseId, status }) => ({ id, warehouseId, status })),
  );

  const shipments = applied.flatMap((a) => (a.event.type === 'ship.confirmed' && a.effects.cartons.length > 0 ? [{ w: a.event.warehouseId, id: a.event.id, ...a.event.payload }] : []));
  await bulk(
    tx,
    `INSERT INTO shipments (warehouse_id, id, order_id, carrier, tracking_number, carton_ids)
     SELECT w, id, "orderId", carrier, "trackingNumber", ARRAY(SELECT jsonb_array_elements_text(x."cartonIds"))::uuid[]
     FROM jsonb_to_recordset($1::jsonb) AS x(w uuid, id uuid, "orderId" uuid, carrier text, "trackingNumber" text, "cartonIds" jsonb)`,
    shipments,
  );
  if (shipments.length > 0) {
    await tx.query(`UPDATE reservations SET status = 'shipped' WHERE order_id = ANY($1::uuid[]) AND status = 'picked'`, [shipments.map((s) => s.orderId)]);
  }
}

async function recordOrderStatuses(tx: Sql, orders: readonly OrderState[], at: string, userId: string): Promise<void> {
  if (orders.length === 0) return;
  const current = await tx.query<{ id: string; status: OrderStatus }>(`SELECT id, status FROM orders WHERE id = ANY($1::uuid[])`, [orders.map((o) => o.id)]);
  const before = new Map(current.map((c) => [c.id, c.status]));
  const transitions: Transition[] = orders.flatMap((o): Transition[] => {
    const from = before.get(o.id);
    const to = o.status as OrderStatus;
    return from && from !== to ? [{ orderId: o.id, from, to, reason: null }] : [];
  });
  await recordTransitions(tx, transitions, at, userId);
}
