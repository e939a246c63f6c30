import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_COLLECTIONS } from '../../shared/schemas/docs';
import { DOC_SCHEMAS } from '../../renderer/db/doc-schemas';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makeWarehouse, putStock, type TestWarehouse } from '../support/factories';
import { api, lineScanned, pullAll, push, sessionFor, startTestServer, uuidv7, type Session, type TestServer, webOrder } from '../support/server';

/**
 * What devices pull is rendered as JSON by the database: every document of
 * every collection must still be exactly what the shared zod schema says
 * (ISO-8601 UTC timestamps with `Z`, numbers as numbers), or devices would
 * refuse the page.
 */
describe.each(DATABASE_KINDS)('pulled documents on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let device: Session;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db, { bins: 3 });
    device = await sessionFor(server, ['associate'], wh.id);
    const cs = await sessionFor(server, ['supervisor', 'customer_service']);
    const item = await makeItem(server.db, { standardCost: 300, listPrice: 1000 });
    await putStock(server.db, wh.id, wh.binIds[0] ?? '', item.id, 5, 300);
    await server.db.exec(`INSERT INTO channels (code, name) VALUES ('web', 'Web')`);
    const imported = await api<{ results: { status: string }[] }>(server, '/api/orders/import', {
      token: cs.token,
      body: {
        orders: [webOrder('PULL-1', [{ sku: item.sku, qty: 2, unitPrice: 1000 }], '2026-11-20T08:00:00.123Z')],
      },
    });
    expect(imported.body.results[0]?.status).toBe('released');
    expect((await api(server, '/api/waves', { token: cs.token, body: { warehouseId: wh.id } })).status).toBe(200);
    // A scan against a receipt nobody opened: an outcome and an exception to pull.
    await push(server, device, [lineScanned(device, { receiptId: uuidv7(), itemId: uuidv7() })]);
  });
  afterAll(() => server.close());

  it('match the shared schema in every collection, timestamps as ISO-8601 UTC', async () => {
    const counts: Record<string, number> = {};
    for (const name of PULL_COLLECTIONS) {
      const docs = await pullAll(server, device, name, 5000);
      counts[name] = docs.length;
      for (const doc of docs) {
        const parsed = DOC_SCHEMAS[name].safeParse(doc);
        expect(parsed.success ? 'ok' : `${name}: ${JSON.stringify(parsed.error.issues[0])}`).toBe('ok');
      }
    }
    for (const name of ['warehouses', 'items', 'locations', 'balances', 'event_outcomes', 'exceptions', 'waves', 'pick_tasks', 'order_status'] as const) {
      expect(counts[name], name).toBeGreaterThan(0);
    }
    const [order] = await pullAll<{ placedAt: string; updatedAt: string }>(server, device, 'order_status', 5000);
    expect(order?.placedAt).toBe('2026-11-20T08:00:00.123Z');
    expect(order?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('answers an empty page with the checkpoint it was asked from', async () => {
    const res = await api<{ documents: unknown[]; checkpoint: { seq: number }; remaining: number }>(
      server,
      '/sync/items/pull?checkpoint=999999999&limit=10&remaining=1',
      { token: device.token },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ documents: [], checkpoint: { seq: 999999999 }, remaining: 0 });
  });
});
