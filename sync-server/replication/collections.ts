import type { PullCollection } from '../../shared/schemas/docs';

/**
 * How each replicated collection is read: its table, the columns as the
 * document's camelCase fields, and whether it is scoped to the device's
 * warehouse (or, for outcomes, to the device itself).
 */
export interface CollectionSpec {
  table: string;
  select: string;
  scope: 'global' | 'warehouse' | 'device';
}

const REPL = `seq, iso_utc(updated_at) AS "updatedAt", deleted AS "_deleted"`;

export const COLLECTIONS: Record<PullCollection, CollectionSpec> = {
  warehouses: {
    table: 'warehouses',
    scope: 'global',
    select: `id, code, name, kind, dock_location_id AS "dockLocationId", ${REPL}`,
  },
  items: {
    table: 'items',
    scope: 'global',
    select: `id, sku, name, gtin, base_uom AS "baseUom", uoms, tracking, standard_cost AS "standardCost", active, ${REPL}`,
  },
  locations: {
    table: 'locations',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", code, barcode, kind, zone, path_seq AS "pathSeq", capacity, ${REPL}`,
  },
  purchase_orders: {
    table: 'purchase_orders p',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", number, 'PO-' || number AS barcode, supplier_id AS "supplierId",
      (SELECT name FROM suppliers s WHERE s.id = p.supplier_id) AS "supplierName", status,
      to_char(expected_at, 'YYYY-MM-DD') AS "expectedAt", lines, ${REPL}`,
  },
  asns: {
    table: 'asns',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", po_id AS "poId", number, 'ASN-' || number AS barcode, status, ssccs, lines, ${REPL}`,
  },
  receipts: {
    table: 'receipts',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", po_id AS "poId", asn_id AS "asnId", status, lines, discrepancies,
      iso_utc(opened_at) AS "openedAt", iso_utc(closed_at) AS "closedAt", ${REPL}`,
  },
  balances: {
    table: 'balances',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", location_id AS "locationId", item_id AS "itemId", lot,
      to_char(expiry, 'YYYY-MM-DD') AS expiry, status, qty, ${REPL}`,
  },
  event_outcomes: {
    table: 'events',
    scope: 'device',
    select: `id, warehouse_id AS "warehouseId", device_id AS "deviceId", type, status, reason, iso_utc(received_at) AS "appliedAt", ${REPL}`,
  },
  exceptions: {
    table: 'exceptions',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", event_id AS "eventId", kind, reason, status, iso_utc(raised_at) AS "raisedAt",
      iso_utc(resolved_at) AS "resolvedAt", resolved_by AS "resolvedBy", resolution, ${REPL}`,
  },
  waves: {
    table: 'waves',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", number, carrier, iso_utc(cutoff) AS cutoff, zone, status, order_ids AS "orderIds",
      order_numbers AS "orderNumbers", ${REPL}`,
  },
  pick_tasks: {
    table: 'pick_tasks',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", wave_id AS "waveId", order_id AS "orderId", order_number AS "orderNumber",
      ship_to_name AS "shipToName", line_no AS "lineNo", reservation_id AS "reservationId", item_id AS "itemId",
      location_id AS "locationId", lot, qty, path_seq AS "pathSeq", sequence, status, qty_picked AS "qtyPicked", tote, ${REPL}`,
  },
  cartons: {
    table: 'cartons',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", order_id AS "orderId", order_number AS "orderNumber", ship_to_name AS "shipToName",
      sscc, lines, weight_grams AS "weightGrams", status, ${REPL}`,
  },
  // Filled at write time (orders/order-status.ts), so a pull reads one table.
  order_status: {
    table: 'order_status',
    scope: 'warehouse',
    select: `order_id AS id, warehouse_id AS "warehouseId", order_number AS "orderNumber", channel, customer_name AS "customerName",
      ship_to_name AS "shipToName", iso_utc(placed_at) AS "placedAt", status, holds, carrier, iso_utc(cutoff) AS cutoff, lines, lines_picked AS "linesPicked",
      lines_packed AS "linesPacked", lines_shipped AS "linesShipped", ${REPL}`,
  },
  // What is on a plate is read from the ledger (movements tagged with it), never stored beside it.
  licence_plates: {
    table: 'licence_plates',
    scope: 'warehouse',
    select: `id, warehouse_id AS "warehouseId", code, location_id AS "locationId", status, receipt_id AS "receiptId",
      iso_utc(opened_at) AS "openedAt", licence_plate_contents(warehouse_id, code) AS contents, ${REPL}`,
  },
};
