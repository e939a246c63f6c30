import {
  emptyLedgerState,
  serialKey,
  type AsnFacts,
  type ItemFacts,
  type LedgerState,
  type PoFacts,
  type ReceiptState,
  type SerialState,
} from '../../shared/domain/state';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { Sql } from '../db/types';
import { loadFulfilment } from './load-fulfilment';
import { loadLicencePlates, plateKeys } from './load-licence-plates';

/**
 * Loads exactly the slice of authoritative state a batch of events can read,
 * in a handful of set-based queries (never one query per event).
 * Balances and valuations are written as deltas, so they are not loaded.
 */
export async function loadLedgerState(tx: Sql, events: readonly DeviceEvent[]): Promise<LedgerState> {
  const state = emptyLedgerState();
  const itemIds = new Set<string>();
  const warehouseIds = new Set<string>();
  const locationIds = new Set<string>();
  const receiptIds = new Set<string>();
  const poIds = new Set<string>();
  const asnIds = new Set<string>();
  const serials: { warehouseId: string; itemId: string; serial: string }[] = [];

  const taskIds = new Set<string>();
  const orderIds = new Set<string>();
  const balanceKeys: { w: string; l: string; i: string }[] = [];
  const shippedOrders: string[] = [];

  const addReceiptRefs = (p: { receiptId: string; poId: string | null; asnId: string | null }) => {
    receiptIds.add(p.receiptId);
    if (p.poId) poIds.add(p.poId);
    if (p.asnId) asnIds.add(p.asnId);
  };
  for (const ev of events) {
    warehouseIds.add(ev.warehouseId);
    switch (ev.type) {
      case 'receipt.line_scanned':
        itemIds.add(ev.payload.itemId);
        if (ev.payload.locationId) locationIds.add(ev.payload.locationId);
        for (const serial of ev.payload.serials) serials.push({ warehouseId: ev.warehouseId, itemId: ev.payload.itemId, serial });
        addReceiptRefs(ev.payload);
        break;
      case 'receipt.closed':
        addReceiptRefs(ev.payload);
        break;
      case 'putaway.moved':
        itemIds.add(ev.payload.itemId);
        locationIds.add(ev.payload.fromLocationId).add(ev.payload.toLocationId);
        balanceKeys.push({ w: ev.warehouseId, l: ev.payload.fromLocationId, i: ev.payload.itemId });
        break;
      case 'putaway.lpn_moved':
        locationIds.add(ev.payload.toLocationId);
        break;
      case 'pick.picked':
      case 'pick.short':
        taskIds.add(ev.payload.taskId);
        balanceKeys.push({ w: ev.warehouseId, l: ev.payload.locationId, i: ev.payload.itemId });
        break;
      case 'pack.carton_closed':
        orderIds.add(ev.payload.orderId);
        break;
      case 'ship.confirmed':
        orderIds.add(ev.payload.orderId);
        shippedOrders.push(ev.payload.orderId);
        break;
    }
  }
  // Plates first: putting a plate away checks the stock of everything on it at the plate's location.
  for (const plate of await loadLicencePlates(tx, plateKeys(events))) {
    state.plates.set(plate.code, plate);
    if (plate.locationId) for (const l of plate.contents) balanceKeys.push({ w: plate.warehouseId, l: plate.locationId, i: l.itemId });
  }
  await loadFulfilment(tx, state, { warehouseIds, taskIds, orderIds, balanceKeys, shippedOrders });

  // Sequential on purpose: one connection per transaction, and node-postgres forbids overlapping queries on it.
  const [items, warehouses, locations, receipts] = await sequence([
    () => tx.query<ItemFacts>(
      `SELECT id, tracking, standard_cost AS "standardCost", base_uom AS "baseUom", uoms, active
       FROM items WHERE id = ANY($1::uuid[]) AND NOT deleted`,
      [[...itemIds]],
    ),
    () => tx.query<{ id: string; dockLocationId: string | null; stagingId: string | null }>(
      `SELECT w.id, w.dock_location_id AS "dockLocationId",
              (SELECT l.id FROM locations l WHERE l.warehouse_id = w.id AND l.kind = 'staging' AND NOT l.deleted ORDER BY l.path_seq LIMIT 1) AS "stagingId"
       FROM warehouses w WHERE w.id = ANY($1::uuid[])`,
      [[...warehouseIds]],
    ),
    () => tx.query<{ id: string; warehouseId: string }>(
      `SELECT id, warehouse_id AS "warehouseId" FROM locations WHERE id = ANY($1::uuid[]) AND NOT deleted`,
      [[...locationIds]],
    ),
    () => tx.query<ReceiptState>(
      `SELECT id, warehouse_id AS "warehouseId", po_id AS "poId", asn_id AS "asnId", status, lines, discrepancies,
              opened_at AS "openedAt", closed_at AS "closedAt"
       FROM receipts WHERE warehouse_id = ANY($1::uuid[]) AND id = ANY($2::uuid[])`,
      [[...warehouseIds], [...receiptIds]],
    ),
  ]);
  for (const i of items) state.items.set(i.id, i);
  for (const w of warehouses) {
    if (w.dockLocationId) state.docks.set(w.id, w.dockLocationId);
    if (w.stagingId) state.staging.set(w.id, w.stagingId);
  }
  for (const l of locations) state.locations.set(l.id, l.warehouseId);
  for (const r of receipts) {
    state.receipts.set(r.id, r);
    if (r.poId) poIds.add(r.poId);
    if (r.asnId) asnIds.add(r.asnId);
  }

  const [pos, asns, serialRows] = await sequence([
    () => tx.query<PoFacts>(
      `SELECT id, warehouse_id AS "warehouseId", status, lines FROM purchase_orders WHERE id = ANY($1::uuid[])`,
      [[...poIds]],
    ),
    () => tx.query<AsnFacts>(
      `SELECT id, warehouse_id AS "warehouseId", po_id AS "poId", status, lines FROM asns WHERE id = ANY($1::uuid[])`,
      [[...asnIds]],
    ),
    () => serials.length === 0
      ? Promise.resolve([])
      : tx.query<SerialState>(
          `SELECT s.warehouse_id AS "warehouseId", s.item_id AS "itemId", s.serial, s.location_id AS "locationId", s.status
           FROM serials s JOIN unnest($1::uuid[], $2::uuid[], $3::text[]) AS k(w, i, sn)
             ON s.warehouse_id = k.w AND s.item_id = k.i AND s.serial = k.sn`,
          [serials.map((s) => s.warehouseId), serials.map((s) => s.itemId), serials.map((s) => s.serial)],
        ),
  ]);
  for (const p of pos) state.pos.set(p.id, p);
  for (const a of asns) state.asns.set(a.id, a);
  for (const s of serialRows) state.serials.set(serialKey(s.warehouseId, s.itemId, s.serial), s);
  return state;
}

type Results<T extends readonly (() => Promise<unknown>)[]> = { [K in keyof T]: Awaited<ReturnType<T[K]>> };

async function sequence<const T extends readonly (() => Promise<unknown>)[]>(steps: T): Promise<Results<T>> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as Results<T>;
}
