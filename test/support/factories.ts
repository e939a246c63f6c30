import { uuidv7 } from 'uuidv7';
import { withCheckDigit } from '../../shared/barcode/check-digit';
import type { Tracking } from '../../shared/schemas/common';
import type { PoLine, UnitOfMeasure } from '../../shared/schemas/docs';
import { hashPassword } from '../../sync-server/auth/passwords';
import type { Db, Sql } from '../../sync-server/db/types';
import { writeLedger } from '../../sync-server/events/write-effects';

/** Test data factories: small, explicit rows written straight to the schema. */

let counter = 0;
const next = () => ++counter;

export interface TestWarehouse {
  id: string;
  code: string;
  dockId: string;
  stagingId: string;
  binIds: string[];
}

export async function makeWarehouse(db: Sql, opts: { bins?: number } = {}): Promise<TestWarehouse> {
  const n = next();
  const id = uuidv7();
  const code = `T${n}`;
  const dockId = uuidv7();
  const address = { name: `Test warehouse ${n}`, line1: `${n} Depot Way`, city: 'Columbus', region: 'OH', postalCode: '43217', country: 'US' };
  await db.query(
    `INSERT INTO warehouses (id, code, name, kind, dock_location_id, address, seq) VALUES ($1, $2, $3, 'warehouse', $4, $5::jsonb, nextval('repl_seq'))`,
    [id, code, `Test warehouse ${n}`, dockId, JSON.stringify(address)],
  );
  const binIds = Array.from({ length: opts.bins ?? 3 }, () => uuidv7());
  const stagingId = uuidv7();
  const locs = [
    { id: dockId, code: 'DOCK-01', kind: 'dock', zone: 'DOCK', pathSeq: 0 },
    { id: stagingId, code: 'STAGE-01', kind: 'staging', zone: 'STAGE', pathSeq: 10_000 },
    ...binIds.map((b, i) => ({ id: b, code: `A-01-${String(i + 1).padStart(2, '0')}-1`, kind: 'bin', zone: 'A', pathSeq: i + 1 })),
  ];
  await db.query(
    `INSERT INTO locations (warehouse_id, id, code, barcode, kind, zone, path_seq, capacity, seq)
     SELECT $1, id, code, 'LOC-' || $2 || '-' || code, kind, zone, "pathSeq", 100, nextval('repl_seq')
     FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, code text, kind text, zone text, "pathSeq" int)`,
    [id, code, JSON.stringify(locs)],
  );
  return { id, code, dockId, stagingId, binIds };
}

export interface TestItem {
  id: string;
  sku: string;
  gtin: string;
  tracking: Tracking;
  standardCost: number;
}

export async function makeItem(db: Sql, opts: { tracking?: Tracking; standardCost?: number; caseOf?: number; listPrice?: number } = {}): Promise<TestItem> {
  const n = next();
  const gtin = withCheckDigit(`0950600${String(n).padStart(6, '0')}`);
  const uoms: UnitOfMeasure[] = [{ code: 'EA', factor: 1, gtin }];
  if (opts.caseOf) uoms.push({ code: 'CS', factor: opts.caseOf, gtin: withCheckDigit(`1950600${String(n).padStart(6, '0')}`) });
  const item = { id: uuidv7(), sku: `TST-${n}`, gtin, tracking: opts.tracking ?? 'none', standardCost: opts.standardCost ?? 250 };
  await db.query(
    `INSERT INTO items (id, sku, name, gtin, base_uom, uoms, tracking, standard_cost, list_price, seq)
     VALUES ($1, $2, $3, $4, 'EA', $5::jsonb, $6, $7, $8, nextval('repl_seq'))`,
    [item.id, item.sku, `Test item ${n}`, gtin, JSON.stringify(uoms), item.tracking, item.standardCost, opts.listPrice ?? item.standardCost * 2],
  );
  return item;
}

export async function makePurchaseOrder(
  db: Sql,
  warehouseId: string,
  lines: { itemId: string; qty: number; unitCost?: number }[],
): Promise<{ id: string; number: string; lines: PoLine[] }> {
  const n = next();
  const supplierId = uuidv7();
  await db.query('INSERT INTO suppliers (id, code, name, lead_time_days) VALUES ($1, $2, $3, 7)', [supplierId, `SUP${n}`, `Supplier ${n}`]);
  const poLines: PoLine[] = lines.map((l, i) => ({ lineNo: i + 1, itemId: l.itemId, qtyOrdered: l.qty, qtyReceived: 0, unitCost: l.unitCost ?? 300 }));
  const po = { id: uuidv7(), number: String(900000 + n), lines: poLines };
  await db.query(
    `INSERT INTO purchase_orders (warehouse_id, id, number, supplier_id, status, lines, seq)
     VALUES ($1, $2, $3, $4, 'open', $5::jsonb, nextval('repl_seq'))`,
    [warehouseId, po.id, po.number, supplierId, JSON.stringify(poLines)],
  );
  return po;
}

export async function makeUser(db: Sql, roles: string[], username = `user${next()}`): Promise<{ id: string; username: string; password: string }> {
  const id = uuidv7();
  const password = 'correct horse';
  await db.query(`INSERT INTO users (id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    username,
    username,
    await hashPassword(password),
    roles,
  ]);
  return { id, username, password };
}

/** Puts stock on a location through the real ledger writer (movements, balances, valuation). */
export async function putStock(db: Db, warehouseId: string, locationId: string, itemId: string, qty: number, unitCost = 100): Promise<void> {
  await db.writeTransaction((tx) =>
    writeLedger(tx, [{ warehouseId, locationId, itemId, lot: null, expiry: null, status: 'available', qty, value: qty * unitCost, cause: 'test_stock', eventId: null }]),
  );
}
