import { uuidv7 } from 'uuidv7';
import { allocateOrder, type ItemStock, type Reservation, type StockMap } from '../../shared/domain/orders/allocate';
import type { OrderRules, OrderStatus } from '../../shared/schemas/orders';
import { bulk } from '../db/bulk';
import type { Sql } from '../db/types';
import { writeLedger, type LedgerLine } from '../events/write-effects';
import { recordTransitions, type Transition } from './history';
import { refreshOrderStatus } from './order-status';

/** Docks are pickable (cross-docking received backorders) but only after every bin. */
const DOCK_PATH_PENALTY = 1_000_000;

interface DemandRow {
  orderId: string;
  channel: string;
  status: OrderStatus;
  lineNo: number;
  itemId: string;
  open: number;
  allocated: number;
  qty: number;
}

async function loadStock(tx: Sql, itemIds: readonly string[]): Promise<{ stock: StockMap; warehouses: { id: string; code: string; kind: string }[] }> {
  const warehouses = await tx.query<{ id: string; code: string; kind: string }>(`SELECT id, code, kind FROM warehouses WHERE NOT deleted`);
  const slots = await tx.query<{ w: string; l: string; zone: string; path: number; kind: string; i: string; lot: string | null; expiry: string | null; qty: number }>(
    // Units on a licence plate at the dock are the plate's: they go to a bin with it, so they are not allocated where they stand.
    `SELECT w, l, zone, path, kind, i, lot, expiry, (qty - on_plates)::int AS qty FROM (
       SELECT b.warehouse_id AS w, b.location_id AS l, loc.zone, loc.path_seq AS path, loc.kind, b.item_id AS i, b.lot,
              to_char(b.expiry, 'YYYY-MM-DD') AS expiry, b.qty,
              CASE WHEN loc.kind = 'dock' THEN available_on_plates(b.warehouse_id, b.location_id, b.item_id, b.lot) ELSE 0 END AS on_plates
       FROM balances b JOIN locations loc ON loc.warehouse_id = b.warehouse_id AND loc.id = b.location_id
       WHERE b.item_id = ANY($1::uuid[]) AND b.status = 'available' AND b.qty > 0
         AND loc.kind IN ('bin', 'dock') AND NOT loc.deleted
     ) s WHERE qty > on_plates`,
    [itemIds],
  );
  const policies = await tx.query<{ w: string; i: string; safety: number }>(
    `SELECT warehouse_id AS w, item_id AS i, safety_stock AS safety FROM stock_policies WHERE item_id = ANY($1::uuid[])`,
    [itemIds],
  );
  const reserves = await tx.query<{ w: string; i: string; channel: string; qty: number }>(
    `SELECT warehouse_id AS w, item_id AS i, channel, qty FROM channel_reserves WHERE item_id = ANY($1::uuid[]) AND qty > 0`,
    [itemIds],
  );
  const stock: StockMap = new Map();
  const entry = (w: string, i: string): ItemStock => {
    const items = stock.get(w) ?? new Map<string, ItemStock>();
    stock.set(w, items);
    const s = items.get(i) ?? { slots: [], safetyStock: 0, reserves: {} };
    items.set(i, s);
    return s;
  };
  for (const s of slots) {
    entry(s.w, s.i).slots.push({ locationId: s.l, zone: s.zone, pathSeq: s.path + (s.kind === 'dock' ? DOCK_PATH_PENALTY : 0), lot: s.lot, expiry: s.expiry, qty: s.qty });
  }
  for (const p of policies) entry(p.w, p.i).safetyStock = p.safety;
  for (const r of reserves) entry(r.w, r.i).reserves[r.channel] = r.qty;
  return { stock, warehouses };
}

/** Warehouses in the order the rules prefer; the rest by code, stores after warehouses. */
function priority(rules: OrderRules, warehouses: readonly { id: string; code: string; kind: string }[]): string[] {
  const rank = (w: { code: string; kind: string }) => {
    const i = rules.warehousePriority.indexOf(w.code);
    return i >= 0 ? i : rules.warehousePriority.length + (w.kind === 'store' ? 1000 : 0);
  };
  return [...warehouses].sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code)).map((w) => w.id);
}

/**
 * Allocates the open quantity of the given orders (oldest first): moves the
 * promised units from `available` to `allocated` in the ledger at their
 * location, records location-bound reservations, and sets each order to
 * allocated or backordered. Runs inside a write transaction.
 */
export async function allocateOrders(tx: Sql, orderIds: readonly string[], rules: OrderRules, at: string, userId: string | null): Promise<Map<string, 'allocated' | 'backordered'>> {
  if (orderIds.length === 0) return new Map();
  const demand = await tx.query<DemandRow>(
    `SELECT o.id AS "orderId", o.channel, o.status, l.line_no AS "lineNo", l.item_id AS "itemId", l.qty,
            l.qty_allocated AS allocated, l.qty - l.qty_allocated AS open
     FROM orders o JOIN order_lines l ON l.order_id = o.id
     WHERE o.id = ANY($1::uuid[]) AND l.item_id IS NOT NULL
     ORDER BY o.placed_at, o.id, l.line_no`,
    [orderIds],
  );
  const { stock, warehouses } = await loadStock(tx, [...new Set(demand.map((d) => d.itemId))]);
  const order = priority(rules, warehouses);

  const byOrder = new Map<string, DemandRow[]>();
  for (const d of demand) byOrder.set(d.orderId, [...(byOrder.get(d.orderId) ?? []), d]);

  const reservations: (Reservation & { id: string; orderId: string })[] = [];
  const lineUpdates: { o: string; n: number; allocated: number; backordered: number }[] = [];
  const outcome = new Map<string, 'allocated' | 'backordered'>();
  const transitions: Transition[] = [];
  for (const [orderId, lines] of byOrder) {
    const open = lines.filter((l) => l.open > 0).map((l) => ({ lineNo: l.lineNo, itemId: l.itemId, qty: l.open }));
    const result = allocateOrder(open, lines[0]?.channel ?? '', stock, order, rules.splitPolicy);
    for (const r of result.reservations) reservations.push({ ...r, id: uuidv7(), orderId });
    for (const l of lines) {
      const got = result.reservations.filter((r) => r.lineNo === l.lineNo).reduce((s, r) => s + r.qty, 0);
      lineUpdates.push({ o: orderId, n: l.lineNo, allocated: l.allocated + got, backordered: l.qty - l.allocated - got });
    }
    const anyAllocated = lines.some((l) => l.allocated > 0) || result.reservations.length > 0;
    outcome.set(orderId, anyAllocated ? 'allocated' : 'backordered');
    const from = lines[0]?.status ?? 'released';
    // An order already on the floor stays there while its re-allocated units join the next wave.
    const next: OrderStatus = from === 'picking' && anyAllocated ? 'picking' : anyAllocated ? 'allocated' : 'backordered';
    if (from !== next) transitions.push({ orderId, from, to: next, reason: result.backorders.length > 0 ? 'partly backordered' : null });
  }

  const ledger: LedgerLine[] = reservations.flatMap((r) => {
    const base = { warehouseId: r.warehouseId, locationId: r.locationId, itemId: r.itemId, lot: r.lot, expiry: r.expiry, value: 0, cause: `allocation:${r.orderId}`, eventId: null };
    // A status change inside the warehouse: quantity moves, value stays (the valuation does not change).
    return [
      { ...base, status: 'available' as const, qty: -r.qty },
      { ...base, status: 'allocated' as const, qty: r.qty },
    ];
  });
  await writeLedger(tx, ledger);
  await bulk(
    tx,
    `INSERT INTO reservations (warehouse_id, id, order_id, line_no, item_id, location_id, lot, expiry, qty, status)
     SELECT "warehouseId", id, "orderId", "lineNo", "itemId", "locationId", lot, expiry, qty, 'open'
     FROM jsonb_to_recordset($1::jsonb) AS x("warehouseId" uuid, id uuid, "orderId" uuid, "lineNo" int, "itemId" uuid,
       "locationId" uuid, lot text, expiry date, qty int)`,
    reservations,
  );
  await bulk(
    tx,
    `UPDATE order_lines l SET qty_allocated = x.allocated, qty_backordered = x.backordered
     FROM jsonb_to_recordset($1::jsonb) AS x(o uuid, n int, allocated int, backordered int)
     WHERE l.order_id = x.o AND l.line_no = x.n`,
    lineUpdates,
  );
  await recordTransitions(tx, transitions, at, userId);
  await refreshOrderStatus(tx, byOrder.keys());
  return outcome;
}

/** Backordered orders waiting for any of these items, oldest first: called when stock arrives. */
export async function backorderedOrdersFor(tx: Sql, itemIds: readonly string[]): Promise<string[]> {
  if (itemIds.length === 0) return [];
  // The partial index on backordered lines makes this a near-free probe on every receipt batch.
  const rows = await tx.query<{ id: string }>(
    `SELECT DISTINCT o.id, o.placed_at FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE l.qty_backordered > 0 AND l.item_id = ANY($1::uuid[]) AND o.status IN ('allocated', 'backordered')
     ORDER BY o.placed_at, o.id`,
    [itemIds],
  );
  return rows.map((r) => r.id);
}
