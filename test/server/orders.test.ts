import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makeWarehouse, putStock, type TestItem, type TestWarehouse } from '../support/factories';
import { api, lineScanned, pullAll, push, sessionFor, startTestServer, uuidv7, type Session, type TestServer } from '../support/server';

type Result = { externalId: string; orderId?: string; status: string; holds?: string[]; errors?: string[] };
type OrderView = {
  status: string;
  holds: string[];
  lines: { lineNo: number; qty: number; qtyAllocated: number; qtyBackordered: number; allocations: { warehouseId: string; locationId: string; qty: number }[] }[];
  history: { from: string | null; to: string; reason: string | null }[];
};

let n = 0;
function order(lines: { sku?: string; channelSku?: string; qty: number; unitPrice: number }[], over: Record<string, unknown> = {}) {
  const total = lines.reduce((s, l) => s + l.qty * l.unitPrice, 0) + 500;
  return {
    channel: 'web',
    externalId: `W-${Date.now()}-${++n}`,
    placedAt: new Date(Date.UTC(2026, 10, 20, 8, 0, n)).toISOString(),
    customer: { email: 'ana@example.com', name: 'Ana Ruiz' },
    shipTo: { name: 'Ana Ruiz', line1: '1 Main St', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines,
    shipping: { method: 'ground', price: 500 },
    payment: { status: 'authorized', amount: total },
    ...over,
  };
}

describe.each(DATABASE_KINDS)('order intake, allocation and waves on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let cs: Session;
  let supervisor: Session;
  let device: Session;
  let items: TestItem[];

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db, { bins: 6 });
    cs = await sessionFor(server, ['customer_service']);
    supervisor = await sessionFor(server, ['supervisor']);
    device = await sessionFor(server, ['associate'], wh.id);
    items = [];
    for (let i = 0; i < 6; i++) items.push(await makeItem(server.db, { standardCost: 500, listPrice: 1000 }));
    for (const [i, item] of items.slice(0, 4).entries()) await putStock(server.db, wh.id, wh.binIds[i] ?? wh.dockId, item.id, 50);
    await server.db.exec(`INSERT INTO channels (code, name) VALUES ('web', 'Web'), ('amazon', 'Amazon')`);
    await server.db.query(`INSERT INTO channel_skus (channel, channel_sku, item_id, factor) VALUES ('amazon', 'AMZ-6PK', $1, 6)`, [items[0]?.id ?? '']);
    await server.db.exec(`INSERT INTO b2b_accounts (code, name, credit_limit, open_balance) VALUES ('TIGHT', 'Tight Co', 10000, 9000)`);
  });
  afterAll(() => server.close());

  const importJson = (orders: unknown[], token = cs.token) => api<{ results: Result[] }>(server, '/api/orders/import', { token, body: { orders } });
  const view = async (id: string | undefined) => (await api<OrderView>(server, `/api/orders/${id ?? ''}`, { token: cs.token })).body;

  it('imports a mixed batch: each hold reason, a duplicate, a malformed order, the rest released and allocated', async () => {
    const sku = (i: number) => items[i]?.sku ?? '';
    const good = order([{ sku: sku(0), qty: 2, unitPrice: 1000 }]);
    const batch = [
      good,
      order([{ sku: sku(1), qty: 1, unitPrice: 1000 }], { shipTo: { name: 'X', line1: '', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' } }),
      order([{ sku: sku(1), qty: 1, unitPrice: 1000 }], { payment: { status: 'pending', amount: 1500 } }),
      order([{ sku: sku(1), qty: 1, unitPrice: 1000 }], { fraudScore: 95 }),
      order([{ sku: sku(1), qty: 1, unitPrice: 1000 }], { customer: { email: 'b2b@example.com', name: 'Tight', b2bAccount: 'TIGHT' }, payment: { status: 'pending', amount: 0 } }),
      order([{ sku: 'NO-SUCH-SKU', qty: 1, unitPrice: 1000 }]),
      order([{ sku: sku(1), qty: 1, unitPrice: 400 }]),
      { ...good },
      { channel: 'web', externalId: 'BROKEN-1', lines: [{ sku: sku(1), qty: -1 }] },
      order([{ channelSku: 'AMZ-6PK', qty: 2, unitPrice: 6000 }], { channel: 'amazon' }),
    ];
    const res = await importJson(batch);
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r.map((x) => x.status)).toEqual(['released', 'on_hold', 'on_hold', 'on_hold', 'on_hold', 'on_hold', 'on_hold', 'duplicate', 'rejected', 'released']);
    expect(r.slice(1, 7).map((x) => x.holds)).toEqual([['address_incomplete'], ['payment_not_authorized'], ['fraud_review'], ['credit_limit'], ['unknown_sku'], ['price_mismatch']]);
    expect(r[8]?.errors?.join(' ')).toMatch(/qty/);
    expect(await server.db.query(`SELECT 1 FROM orders WHERE external_id = 'BROKEN-1'`)).toHaveLength(0);

    const released = await view(r[0]?.orderId);
    expect(released.status).toBe('allocated');
    expect(released.lines[0]).toMatchObject({ qty: 2, qtyAllocated: 2, qtyBackordered: 0 });
    expect(released.lines[0]?.allocations).toEqual([expect.objectContaining({ warehouseId: wh.id, locationId: wh.binIds[0], qty: 2 })]);
    expect(released.history.map((h) => h.to)).toEqual(['validated', 'released', 'allocated']);
    // The 6-pack converts to base units: 2 packs = 12 units.
    expect((await view(r[9]?.orderId)).lines[0]).toMatchObject({ qty: 12, qtyAllocated: 12 });

    // Re-importing the same batch changes nothing.
    const before = await server.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM orders');
    const again = await importJson(batch);
    expect(again.body.results.map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'rejected', 'duplicate']);
    expect(await server.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM orders')).toEqual(before);
  });

  it('moves allocated units from available to allocated in the ledger, and balances stay the sum of movements', async () => {
    const rows = await server.db.query<{ status: string; qty: number }>(`SELECT status, qty FROM balances WHERE warehouse_id = $1 AND item_id = $2 ORDER BY status`, [wh.id, items[0]?.id ?? '']);
    expect(rows).toEqual([
      { status: 'allocated', qty: 14 },
      { status: 'available', qty: 36 },
    ]);
    const drift = await server.db.query(
      `SELECT b.id FROM balances b LEFT JOIN (SELECT warehouse_id, location_id, item_id, coalesce(lot, '') AS lot, status, sum(qty) AS q FROM movements GROUP BY 1, 2, 3, 4, 5) m
         ON m.warehouse_id = b.warehouse_id AND m.location_id = b.location_id AND m.item_id = b.item_id AND m.lot = coalesce(b.lot, '') AND m.status = b.status
       WHERE b.qty <> coalesce(m.q, 0)`,
    );
    expect(drift).toEqual([]);
  });

  it('imports CSV with one row per line, and refuses a CSV with missing columns', async () => {
    const header = 'channel,externalId,placedAt,customerEmail,customerName,shipToName,shipToLine1,shipToCity,shipToRegion,shipToPostalCode,shipToCountry,sku,qty,unitPrice,shippingMethod,shippingPrice,paymentStatus,paymentAmount';
    const row = (ext: string, sku: string, qty: number, amount: number) => `web,${ext},2026-11-20T10:00:00Z,c@example.com,Cy,Cy,2 Elm St,Dallas,TX,75201,US,${sku},${qty},1000,standard,300,captured,${amount}`;
    const csv = [header, row('CSV-1', items[2]?.sku ?? '', 1, 3300), row('CSV-1', items[3]?.sku ?? '', 2, 3300), row('CSV-2', items[2]?.sku ?? '', 1, 1300)].join('\n');
    const res = await api<{ results: Result[] }>(server, '/api/orders/import', { token: cs.token, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([expect.objectContaining({ externalId: 'CSV-1', status: 'released' }), expect.objectContaining({ externalId: 'CSV-2', status: 'released' })]);
    expect((await view(res.body.results[0]?.orderId)).lines).toHaveLength(2);

    const bad = await api<{ error: string; message: string }>(server, '/api/orders/import', { token: cs.token, body: 'channel,externalId\nweb,X-1', headers: { 'content-type': 'text/csv' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/missing columns/);
    expect(await server.db.query(`SELECT 1 FROM orders WHERE external_id = 'X-1'`)).toHaveLength(0);
  });

  it('refuses importers without the role and bodies of the wrong shape', async () => {
    expect((await importJson([order([{ sku: items[0]?.sku ?? '', qty: 1, unitPrice: 1000 }])], device.token)).status).toBe(403);
    expect((await api(server, '/api/orders/import', { body: { orders: [] } })).status).toBe(401);
    expect((await api(server, '/api/orders/import', { token: cs.token, body: { order: [] } })).status).toBe(400);
  });

  it('keeps a channel from taking the last units reserved for another', async () => {
    const item = await makeItem(server.db, { listPrice: 1000 });
    await putStock(server.db, wh.id, wh.binIds[4] ?? '', item.id, 5);
    await server.db.query(`INSERT INTO channel_reserves (warehouse_id, item_id, channel, qty) VALUES ($1, $2, 'amazon', 3)`, [wh.id, item.id]);
    await server.db.query(`INSERT INTO channel_skus (channel, channel_sku, item_id, factor) VALUES ('amazon', 'AMZ-R', $1, 1)`, [item.id]);
    const web = await importJson([order([{ sku: item.sku, qty: 5, unitPrice: 1000 }])]);
    const amazon = await importJson([order([{ channelSku: 'AMZ-R', qty: 3, unitPrice: 1000 }], { channel: 'amazon' })]);
    expect((await view(web.body.results[0]?.orderId)).lines[0]).toMatchObject({ qtyAllocated: 2, qtyBackordered: 3 });
    expect((await view(amazon.body.results[0]?.orderId)).lines[0]).toMatchObject({ qtyAllocated: 3, qtyBackordered: 0 });
  });

  it('backorders what is not in stock and allocates it when a receipt brings it', async () => {
    const item = await makeItem(server.db, { listPrice: 1000 });
    const res = await importJson([order([{ sku: item.sku, qty: 4, unitPrice: 1000 }])]);
    expect(res.body.results[0]?.status).toBe('backordered');
    const id = res.body.results[0]?.orderId;
    expect((await view(id)).status).toBe('backordered');

    await push(server, device, [lineScanned(device, { receiptId: uuidv7(), poId: null, itemId: item.id, qty: 6 })]);
    const after = await view(id);
    expect(after.status).toBe('allocated');
    expect(after.lines[0]).toMatchObject({ qtyAllocated: 4, qtyBackordered: 0 });
    expect(after.lines[0]?.allocations).toEqual([expect.objectContaining({ locationId: wh.dockId, qty: 4 })]);
  });

  it('releases a hold with an audited reason, by role', async () => {
    const res = await importJson([order([{ sku: items[1]?.sku ?? '', qty: 1, unitPrice: 1000 }], { fraudScore: 99 })]);
    const id = res.body.results[0]?.orderId ?? '';
    expect((await api(server, `/api/orders/${id}/release`, { token: device.token, body: { reason: 'looks fine' } })).status).toBe(403);
    expect((await api(server, `/api/orders/${id}/release`, { token: supervisor.token, body: { reason: '' } })).status).toBe(400);
    const ok = await api<{ status: string }>(server, `/api/orders/${id}/release`, { token: supervisor.token, body: { reason: 'Called the customer: genuine' } });
    expect(ok.body.status).toBe('allocated');
    const v = await view(id);
    expect(v.history.map((h) => [h.to, h.reason])).toContainEqual(['released', 'Called the customer: genuine']);
    expect((await api(server, `/api/orders/${id}/release`, { token: supervisor.token, body: { reason: 'again' } })).status).toBe(409);
    const unknown = await importJson([order([{ sku: 'NOPE', qty: 1, unitPrice: 1000 }])]);
    expect((await api(server, `/api/orders/${unknown.body.results[0]?.orderId ?? ''}/release`, { token: supervisor.token, body: { reason: 'ship it' } })).status).toBe(409);
  });

  it('plans waves and replicates path-ordered pick tasks to the warehouse devices', async () => {
    const res = await api<{ waves: { id: string; orders: number; tasks: number }[] }>(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    expect(res.status).toBe(200);
    expect(res.body.waves.length).toBeGreaterThan(0);
    const tasks = await pullAll<{ waveId: string; pathSeq: number; sequence: number; orderId: string; status: string }>(server, device, 'pick_tasks');
    expect(tasks.length).toBe(res.body.waves.reduce((s, w) => s + w.tasks, 0));
    for (const w of res.body.waves) {
      const list = tasks.filter((t) => t.waveId === w.id).sort((a, b) => a.sequence - b.sequence);
      list.forEach((t, i) => i > 0 && expect(t.pathSeq).toBeGreaterThanOrEqual(list[i - 1]?.pathSeq ?? 0));
    }
    const someOrder = tasks[0]?.orderId;
    expect((await view(someOrder)).status).toBe('picking');
    const again = await api<{ waves: unknown[] }>(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    expect(again.body.waves).toEqual([]);
  });
});
