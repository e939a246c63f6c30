import { uuidv7 } from 'uuidv7';
import type { Sql } from '../db/types';
import { bulkInsert, col, type BulkTable } from '../db/bulk';
import type {
  AsnPlan,
  BalancePlan,
  DemoPlan,
  ItemPlan,
  LocationPlan,
  MovementPlan,
  PurchaseOrderPlan,
  SerialPlan,
  SupplierPlan,
  ValuationPlan,
  WarehousePlan,
} from './plan';
import type { DemoUser } from './users';

interface UserRow extends DemoUser {
  id: string;
  passwordHash: string;
}

const USERS: BulkTable<UserRow> = {
  table: 'users',
  replicated: false,
  columns: [
    col('id', 'uuid', (u) => u.id),
    col('username', 'text', (u) => u.username),
    col('display_name', 'text', (u) => u.displayName),
    col('password_hash', 'text', (u) => u.passwordHash),
    col('roles', 'text[]', (u) => u.roles),
    // NULL: every warehouse.
    col('warehouse_ids', 'uuid[]', () => null),
  ],
};

const WAREHOUSES: BulkTable<WarehousePlan> = {
  table: 'warehouses',
  replicated: true,
  columns: [
    col('id', 'uuid', (w) => w.id),
    col('code', 'text', (w) => w.code),
    col('name', 'text', (w) => w.name),
    col('kind', 'text', (w) => w.kind),
    col('dock_location_id', 'uuid', (w) => w.dockLocationId),
  ],
};

const LOCATIONS: BulkTable<LocationPlan> = {
  table: 'locations',
  replicated: true,
  columns: [
    col('warehouse_id', 'uuid', (l) => l.warehouseId),
    col('id', 'uuid', (l) => l.id),
    col('code', 'text', (l) => l.code),
    col('barcode', 'text', (l) => l.barcode),
    col('kind', 'text', (l) => l.kind),
    col('zone', 'text', (l) => l.zone),
    col('path_seq', 'integer', (l) => l.pathSeq),
    col('capacity', 'integer', (l) => l.capacity),
  ],
};

const ITEMS: BulkTable<ItemPlan> = {
  table: 'items',
  replicated: true,
  columns: [
    col('id', 'uuid', (i) => i.id),
    col('sku', 'text', (i) => i.sku),
    col('name', 'text', (i) => i.name),
    col('gtin', 'text', (i) => i.gtin),
    col('base_uom', 'text', (i) => i.baseUom),
    col('uoms', 'jsonb', (i) => i.uoms),
    col('tracking', 'text', (i) => i.tracking),
    col('standard_cost', 'bigint', (i) => i.standardCost),
    col('active', 'boolean', (i) => i.active),
  ],
};

const SUPPLIERS: BulkTable<SupplierPlan> = {
  table: 'suppliers',
  replicated: false,
  columns: [
    col('id', 'uuid', (s) => s.id),
    col('code', 'text', (s) => s.code),
    col('name', 'text', (s) => s.name),
    col('lead_time_days', 'integer', (s) => s.leadTimeDays),
  ],
};

const PURCHASE_ORDERS: BulkTable<PurchaseOrderPlan> = {
  table: 'purchase_orders',
  replicated: true,
  columns: [
    col('warehouse_id', 'uuid', (p) => p.warehouseId),
    col('id', 'uuid', (p) => p.id),
    col('number', 'text', (p) => p.number),
    col('supplier_id', 'uuid', (p) => p.supplierId),
    col('status', 'text', (p) => p.status),
    col('expected_at', 'date', (p) => p.expectedAt),
    col('lines', 'jsonb', (p) => p.lines),
  ],
};

const ASNS: BulkTable<AsnPlan> = {
  table: 'asns',
  replicated: true,
  columns: [
    col('warehouse_id', 'uuid', (a) => a.warehouseId),
    col('id', 'uuid', (a) => a.id),
    col('po_id', 'uuid', (a) => a.poId),
    col('number', 'text', (a) => a.number),
    col('status', 'text', (a) => a.status),
    col('ssccs', 'text[]', (a) => a.ssccs),
    col('lines', 'jsonb', (a) => a.lines),
  ],
};

const MOVEMENTS: BulkTable<MovementPlan> = {
  table: 'movements',
  replicated: false,
  columns: [
    col('warehouse_id', 'uuid', (m) => m.warehouseId),
    col('id', 'uuid', (m) => m.id),
    col('location_id', 'uuid', (m) => m.locationId),
    col('item_id', 'uuid', (m) => m.itemId),
    col('lot', 'text', (m) => m.lot),
    col('expiry', 'date', (m) => m.expiry),
    col('status', 'text', (m) => m.status),
    col('qty', 'bigint', (m) => m.qty),
    col('value', 'bigint', (m) => m.value),
    col('cause', 'text', (m) => m.cause),
    // Opening stock answers no device event.
    col('event_id', 'uuid', () => null),
  ],
};

const BALANCES: BulkTable<BalancePlan> = {
  table: 'balances',
  replicated: true,
  columns: [
    col('warehouse_id', 'uuid', (b) => b.warehouseId),
    col('id', 'text', (b) => b.id),
    col('location_id', 'uuid', (b) => b.locationId),
    col('item_id', 'uuid', (b) => b.itemId),
    col('lot', 'text', (b) => b.lot),
    col('expiry', 'date', (b) => b.expiry),
    col('status', 'text', (b) => b.status),
    col('qty', 'bigint', (b) => b.qty),
  ],
};

const VALUATIONS: BulkTable<ValuationPlan> = {
  table: 'valuations',
  replicated: false,
  columns: [
    col('warehouse_id', 'uuid', (v) => v.warehouseId),
    col('item_id', 'uuid', (v) => v.itemId),
    col('qty', 'bigint', (v) => v.qty),
    col('value', 'bigint', (v) => v.value),
  ],
};

const SERIALS: BulkTable<SerialPlan> = {
  table: 'serials',
  replicated: false,
  columns: [
    col('warehouse_id', 'uuid', (s) => s.warehouseId),
    col('item_id', 'uuid', (s) => s.itemId),
    col('serial', 'text', (s) => s.serial),
    col('location_id', 'uuid', (s) => s.locationId),
    col('status', 'text', (s) => s.status),
  ],
};

/** Writes `plan` and the demo users (sharing one password hash) with `tx`; the caller owns the transaction. */
export async function writeDemo(tx: Sql, plan: DemoPlan, users: readonly DemoUser[], passwordHash: string): Promise<void> {
  await bulkInsert(
    tx,
    USERS,
    users.map((u) => ({ ...u, id: uuidv7(), passwordHash })),
  );
  // Parents before children; replicated tables in the order a device would like to pull them.
  await bulkInsert(tx, WAREHOUSES, plan.warehouses);
  await bulkInsert(tx, LOCATIONS, plan.locations);
  await bulkInsert(tx, ITEMS, plan.items);
  await bulkInsert(tx, SUPPLIERS, plan.suppliers);
  await bulkInsert(tx, PURCHASE_ORDERS, plan.purchaseOrders);
  await bulkInsert(tx, ASNS, plan.asns);
  await bulkInsert(tx, MOVEMENTS, plan.movements);
  await bulkInsert(tx, BALANCES, plan.balances);
  await bulkInsert(tx, VALUATIONS, plan.valuations);
  await bulkInsert(tx, SERIALS, plan.serials);
}
