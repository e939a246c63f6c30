import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasValidGs1CheckDigit } from '../../shared/barcode/check-digit';
import { AsnLine, PoLine, UnitOfMeasure } from '../../shared/schemas/docs';
import { verifyPassword } from '../../sync-server/auth/passwords';
import type { Db } from '../../sync-server/db/types';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  generateDemo,
  isDatabaseEmpty,
  seedDemo,
  type DemoPlan,
  type SeedSummary,
} from '../../sync-server/seed';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases';

const DAY_MS = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

async function count(db: Db, sql: string, params: readonly string[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql, params);
  return Number(row?.n ?? Number.NaN);
}

/** The generated content with the (random) uuidv7 ids mapped to their position, for comparing two runs. */
function fingerprint(plan: DemoPlan): string {
  const ids = new Map<string, string>();
  const rename = (id: string): string => {
    let alias = ids.get(id);
    if (alias === undefined) {
      alias = `#${ids.size}`;
      ids.set(id, alias);
    }
    return alias;
  };
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return JSON.stringify(plan, (_key, value: unknown) => (typeof value === 'string' ? value.replace(uuid, rename) : value));
}

describe('demo generator', () => {
  it('is deterministic for a seed and a date, apart from ids', () => {
    const now = new Date('2030-01-15T12:00:00Z');
    const a = generateDemo({ items: 300, binsScale: 0.2, now });
    const b = generateDemo({ items: 300, binsScale: 0.2, now });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(generateDemo({ items: 300, binsScale: 0.2, now, seed: 7 }))).not.toBe(fingerprint(a));
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDemo({ items: 0 })).toThrow(/items/);
    expect(() => generateDemo({ items: 300_000 })).toThrow(/items/);
    expect(() => generateDemo({ binsScale: 0 })).toThrow(/binsScale/);
  });
});

describe.each(DATABASE_KINDS)('seedDemo on %s', (kind) => {
  let tdb: TestDatabase;
  let db: Db;
  let emptyBefore: boolean;
  let summary: SeedSummary;
  const startedAt = new Date();

  beforeAll(async () => {
    tdb = await createTestDatabase(kind);
    db = tdb.db;
    emptyBefore = await isDatabaseEmpty(db);
    summary = await seedDemo(db);
  });

  afterAll(async () => {
    await tdb?.drop();
  });

  it('reports an empty database before and a full one after', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('creates two warehouses and a store, each with a dock of its own', async () => {
    const rows = await db.query<{ id: string; code: string; name: string; kind: string; dock_kind: string | null }>(
      `SELECT w.id, w.code, w.name, w.kind, l.kind AS dock_kind
         FROM warehouses w LEFT JOIN locations l ON l.warehouse_id = w.id AND l.id = w.dock_location_id
        ORDER BY w.code`,
    );
    expect(rows.map((r) => [r.code, r.name, r.kind, r.dock_kind])).toEqual([
      ['ST1', 'Downtown Store', 'store', 'dock'],
      ['WH1', 'Central DC', 'warehouse', 'dock'],
      ['WH2', 'East DC', 'warehouse', 'dock'],
    ]);
    expect(summary.warehouses.map((w) => w.code).sort()).toEqual(['ST1', 'WH1', 'WH2']);
    expect(new Set(summary.warehouses.map((w) => w.id))).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('writes the counts it reports: thousands of bins, >= 5,000 items, open POs and ASNs', async () => {
    const bins = await db.query<{ code: string; n: number }>(
      `SELECT w.code, count(*) AS n FROM locations l JOIN warehouses w ON w.id = l.warehouse_id
        WHERE l.kind = 'bin' GROUP BY w.code ORDER BY w.code`,
    );
    expect(Object.fromEntries(bins.map((b) => [b.code, b.n]))).toEqual({ ST1: 200, WH1: 3000, WH2: 2000 });
    expect(summary.bins).toBe(5200);
    expect(await count(db, 'SELECT count(*) AS n FROM locations')).toBe(summary.locations);
    expect(await count(db, 'SELECT count(*) AS n FROM items')).toBe(summary.items);
    expect(summary.items).toBeGreaterThanOrEqual(5000);
    expect(await count(db, `SELECT count(*) AS n FROM items WHERE active AND sku <= 'SKU-000100'`)).toBe(100);
    expect(await count(db, 'SELECT count(*) AS n FROM suppliers')).toBe(summary.suppliers);
    expect(await count(db, `SELECT count(*) AS n FROM purchase_orders WHERE status = 'open'`)).toBe(summary.purchaseOrders);
    expect(summary.purchaseOrders).toBeGreaterThanOrEqual(55);
    const stores = await count(
      db,
      `SELECT count(*) AS n FROM purchase_orders p JOIN warehouses w ON w.id = p.warehouse_id WHERE w.kind = 'store'`,
    );
    expect(stores).toBeGreaterThanOrEqual(1);
    expect(await count(db, `SELECT count(*) AS n FROM asns WHERE status = 'in_transit'`)).toBe(summary.asns);
    expect(summary.asns).toBeGreaterThanOrEqual(20);
    expect(await count(db, 'SELECT count(*) AS n FROM balances')).toBe(summary.balances);
    expect(await count(db, 'SELECT count(*) AS n FROM movements')).toBe(summary.movements);
    expect(await count(db, 'SELECT count(*) AS n FROM valuations')).toBe(summary.valuations);
    expect(await count(db, 'SELECT count(*) AS n FROM serials')).toBe(summary.serials);
    for (const wh of summary.warehouses.filter((w) => w.kind === 'warehouse')) {
      const n = await count(db, 'SELECT count(*) AS n FROM balances WHERE warehouse_id = $1', [wh.id]);
      expect(n, wh.code).toBeGreaterThanOrEqual(2000);
    }
  });

  it('gives every replicated row its own seq from repl_seq', async () => {
    const tables = ['warehouses', 'locations', 'items', 'purchase_orders', 'asns', 'balances'];
    const union = tables.map((t) => `SELECT seq FROM ${t}`).join(' UNION ALL ');
    const [row] = await db.query<{ n: number; distinct_n: number; max_seq: number; last: number }>(
      `SELECT count(*) AS n, count(DISTINCT seq) AS distinct_n, max(seq) AS max_seq,
              (SELECT last_value FROM repl_seq) AS last FROM (${union}) s`,
    );
    expect(row?.n).toBe(3 + summary.locations + summary.items + summary.purchaseOrders + summary.asns + summary.balances);
    expect(row?.distinct_n).toBe(row?.n);
    expect(row?.max_seq).toBe(row?.last);
  });

  it('gives items, packs and pallets valid GS1 check digits', async () => {
    const items = await db.query<{ sku: string; gtin: string | null; base_uom: string; uoms: unknown; tracking: string }>(
      'SELECT sku, gtin, base_uom, uoms, tracking FROM items',
    );
    const gtins = new Set<string>();
    for (const item of items) {
      expect(item.gtin, item.sku).toMatch(/^0\d{13}$/);
      expect(hasValidGs1CheckDigit(item.gtin ?? ''), item.sku).toBe(true);
      const uoms = z.array(UnitOfMeasure).parse(item.uoms);
      expect(uoms[0], item.sku).toEqual({ code: item.base_uom, factor: 1, gtin: item.gtin });
      for (const uom of uoms) {
        expect(uom.gtin, `${item.sku} ${uom.code}`).not.toBeNull();
        expect(hasValidGs1CheckDigit(uom.gtin ?? ''), `${item.sku} ${uom.code}`).toBe(true);
        if (uom.code === 'CS') expect(uom.gtin?.[0]).toBe('1');
        expect(gtins.has(uom.gtin ?? ''), `duplicate GTIN ${uom.gtin}`).toBe(false);
        gtins.add(uom.gtin ?? '');
      }
    }
    const withCase = items.filter((i) => z.array(UnitOfMeasure).parse(i.uoms).some((u) => u.code === 'CS')).length;
    expect(withCase / items.length).toBeGreaterThan(0.5);
    const share = (t: string): number => items.filter((i) => i.tracking === t).length / items.length;
    expect(share('lot_expiry')).toBeGreaterThan(0.07);
    expect(share('lot')).toBeGreaterThan(0.03);
    expect(share('serial')).toBeGreaterThan(0.015);

    const asns = await db.query<{ number: string; ssccs: string[]; lines: unknown }>('SELECT number, ssccs, lines FROM asns');
    for (const asn of asns) {
      expect(asn.ssccs.length, asn.number).toBeGreaterThanOrEqual(1);
      expect(asn.ssccs.length, asn.number).toBeLessThanOrEqual(4);
      for (const sscc of asn.ssccs) {
        expect(sscc).toMatch(/^\d{18}$/);
        expect(hasValidGs1CheckDigit(sscc), sscc).toBe(true);
      }
      for (const line of z.array(AsnLine).parse(asn.lines)) expect(asn.ssccs).toContain(line.sscc);
    }
  });

  it('ships ASNs and opening stock of tracked items with lots and expiries at least a year out', async () => {
    const yearOut = isoDate(new Date(startedAt.getTime() + 365 * DAY_MS));
    const bad = await count(
      db,
      `SELECT count(*) AS n FROM balances b JOIN items i ON i.id = b.item_id
        WHERE (i.tracking IN ('lot', 'lot_expiry')) <> (b.lot IS NOT NULL)
           OR (i.tracking = 'lot_expiry') <> (b.expiry IS NOT NULL)
           OR b.expiry < $1::date OR b.status <> 'available' OR b.deleted OR b.qty <= 0`,
      [yearOut],
    );
    expect(bad).toBe(0);
    const lines = await db.query<{ tracking: string; lot: string | null; expiry: string | null }>(
      `SELECT i.tracking, l.lot, l.expiry FROM asns a
         CROSS JOIN LATERAL jsonb_to_recordset(a.lines) AS l("itemId" uuid, lot text, expiry text)
         JOIN items i ON i.id = l."itemId"`,
    );
    expect(lines.length).toBe(summary.asnLines);
    for (const line of lines) {
      expect(line.lot !== null, line.tracking).toBe(line.tracking === 'lot' || line.tracking === 'lot_expiry');
      expect(line.expiry !== null, line.tracking).toBe(line.tracking === 'lot_expiry');
      if (line.expiry !== null) expect(line.expiry >= yearOut).toBe(true);
    }
  });

  it('keeps PO lines well formed and numbered', async () => {
    const pos = await db.query<{ number: string; lines: unknown; expected_at: string | null }>(
      'SELECT number, lines, expected_at FROM purchase_orders ORDER BY number',
    );
    expect(pos[0]?.number).toBe('100001');
    for (const po of pos) {
      const lines = z.array(PoLine).parse(po.lines);
      expect(lines.length, po.number).toBeGreaterThanOrEqual(3);
      expect(lines.length, po.number).toBeLessThanOrEqual(20);
      expect(lines.map((l) => l.lineNo)).toEqual(lines.map((_, i) => i + 1));
      expect(lines.every((l) => l.qtyReceived === 0 && l.qtyOrdered > 0 && l.unitCost > 0)).toBe(true);
      expect(po.expected_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const unknownItems = await count(
      db,
      `SELECT count(*) AS n FROM purchase_orders p
         CROSS JOIN LATERAL jsonb_to_recordset(p.lines) AS l("itemId" uuid)
         LEFT JOIN items i ON i.id = l."itemId" WHERE i.id IS NULL`,
    );
    expect(unknownItems).toBe(0);
  });

  it('keeps balances equal to the sum of opening-balance movements, key by key', async () => {
    const mismatches = await count(
      db,
      `SELECT count(*) AS n FROM balances b
         FULL JOIN (SELECT warehouse_id, location_id, item_id, lot, status, sum(qty) AS qty
                      FROM movements GROUP BY warehouse_id, location_id, item_id, lot, status) m
           ON m.warehouse_id = b.warehouse_id AND m.location_id = b.location_id AND m.item_id = b.item_id
          AND m.lot IS NOT DISTINCT FROM b.lot AND m.status = b.status
        WHERE b.id IS NULL OR m.item_id IS NULL OR b.qty <> m.qty
           OR b.id <> b.location_id::text || '|' || b.item_id::text || '|' || coalesce(b.lot, '') || '|' || b.status`,
    );
    expect(mismatches).toBe(0);
    const odd = await count(
      db,
      `SELECT count(*) AS n FROM movements m JOIN items i ON i.id = m.item_id
        WHERE m.cause <> 'opening_balance' OR m.event_id IS NOT NULL OR m.value <> m.qty * i.standard_cost`,
    );
    expect(odd).toBe(0);
    const strayLocations = await count(
      db,
      `SELECT count(*) AS n FROM balances b LEFT JOIN locations l ON l.warehouse_id = b.warehouse_id AND l.id = b.location_id
        WHERE l.id IS NULL OR l.kind <> 'bin'`,
    );
    expect(strayLocations).toBe(0);
  });

  it('keeps valuations equal to the sums of movements per warehouse and item', async () => {
    const mismatches = await count(
      db,
      `SELECT count(*) AS n FROM valuations v
         FULL JOIN (SELECT warehouse_id, item_id, sum(qty) AS qty, sum(value) AS value
                      FROM movements GROUP BY warehouse_id, item_id) m
           ON m.warehouse_id = v.warehouse_id AND m.item_id = v.item_id
        WHERE v.item_id IS NULL OR m.item_id IS NULL OR v.qty <> m.qty OR v.value <> m.value`,
    );
    expect(mismatches).toBe(0);
  });

  it('records one in-stock serial per unit of serial-tracked stock, in the right bin', async () => {
    const mismatches = await count(
      db,
      `SELECT count(*) AS n FROM (
         SELECT b.warehouse_id, b.location_id, b.item_id, sum(b.qty) AS qty FROM balances b
           JOIN items i ON i.id = b.item_id WHERE i.tracking = 'serial'
          GROUP BY b.warehouse_id, b.location_id, b.item_id) b
       FULL JOIN (SELECT warehouse_id, location_id, item_id, count(*) AS qty FROM serials
                   WHERE status = 'in_stock' GROUP BY warehouse_id, location_id, item_id) s
         ON s.warehouse_id = b.warehouse_id AND s.location_id = b.location_id AND s.item_id = b.item_id
       WHERE b.item_id IS NULL OR s.item_id IS NULL OR b.qty <> s.qty`,
    );
    expect(mismatches).toBe(0);
    expect(summary.serials).toBeGreaterThan(0);
  });

  it('lays out locations with scannable barcodes and a unique serpentine walking order', async () => {
    const dupes = await count(
      db,
      'SELECT count(*) - count(DISTINCT (warehouse_id, path_seq)) AS n FROM locations',
    );
    expect(dupes).toBe(0);
    const locs = await db.query<{ wh: string; code: string; barcode: string; kind: string; zone: string; path_seq: number; capacity: number | null }>(
      `SELECT w.code AS wh, l.code, l.barcode, l.kind, l.zone, l.path_seq, l.capacity
         FROM locations l JOIN warehouses w ON w.id = l.warehouse_id ORDER BY w.code, l.path_seq`,
    );
    for (const l of locs) {
      expect(l.barcode).toBe(`LOC-${l.wh}-${l.code}`);
      expect(l.barcode).toMatch(/^[A-Z0-9-]+$/);
      if (l.kind === 'bin') {
        expect(l.code).toMatch(/^[A-Z]-\d{2}-\d{2}-\d$/);
        expect(l.zone).toBe(l.code[0]);
        expect(l.capacity).toBeGreaterThan(0);
      }
    }
    for (const wh of ['WH1', 'WH2', 'ST1']) {
      expect(locs.find((l) => l.wh === wh)?.kind, wh).toBe('dock');
    }
    // Serpentine: aisle 01 walked up the bays, aisle 02 back down.
    const bays = (aisle: string): string[] =>
      locs.filter((l) => l.wh === 'WH1' && l.code.startsWith(`A-${aisle}-`) && l.code.endsWith('-1')).map((l) => l.code.slice(5, 7));
    expect(bays('01')).toEqual([...bays('01')].sort());
    expect(bays('02')).toEqual([...bays('01')].sort().reverse());
  });

  it('creates the demo users, password demo', async () => {
    const users = await db.query<{ username: string; roles: string[]; password_hash: string; warehouse_ids: string[] | null }>(
      'SELECT username, roles, password_hash, warehouse_ids FROM users ORDER BY username',
    );
    expect(users.map((u) => u.username)).toEqual(['admin', 'associate', 'finance', 'supervisor']);
    for (const user of DEMO_USERS) {
      const row = users.find((u) => u.username === user.username);
      expect(row?.roles).toEqual([...user.roles]);
      expect(row?.warehouse_ids).toBeNull();
      expect(await verifyPassword(DEMO_PASSWORD, row?.password_hash ?? '')).toBe(true);
    }
    expect(DEMO_PASSWORD).toBe('demo');
    expect(await verifyPassword('not-demo', users[0]?.password_hash ?? '')).toBe(false);
  });

  it('refuses to seed a database that is not empty, and writes nothing', async () => {
    const before = await count(db, 'SELECT count(*) AS n FROM items');
    await expect(seedDemo(db)).rejects.toThrow(/not empty/);
    expect(await count(db, 'SELECT count(*) AS n FROM items')).toBe(before);
    expect(await count(db, 'SELECT count(*) AS n FROM warehouses')).toBe(3);
  });
});
