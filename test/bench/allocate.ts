import { seedDemo } from '../../sync-server/seed';
import { api, sessionFor, startTestServer } from '../support/server';

export interface AllocateResult {
  bench: 'allocate';
  database: 'pglite' | 'postgres';
  orders: number;
  lines: number;
  seconds: number;
  importSeconds: number;
  waveSeconds: number;
  released: number;
  onHold: number;
  backordered: number;
  waves: number;
  pickTasks: number;
}

/**
 * 10,000 channel orders over HTTP (validated, held or released, allocated
 * across warehouses), then waves planned for every warehouse, end to end on
 * the demo tenant.
 */
export async function benchAllocate(kind: 'pglite' | 'postgres', count = 10_000, batchSize = 2_000): Promise<AllocateResult> {
  const server = await startTestServer(kind);
  try {
    const summary = await seedDemo(server.db);
    const items = await server.db.query<{ sku: string; listPrice: number }>(`SELECT sku, list_price AS "listPrice" FROM items WHERE active ORDER BY sku LIMIT 2000`);
    const cs = await sessionFor(server, ['customer_service', 'supervisor']);
    let lines = 0;
    const orders = Array.from({ length: count }, (_, i) => {
      const n = 1 + (i % 4);
      const ls = Array.from({ length: n }, (_, k) => {
        const it = items[(i * 7 + k * 13) % items.length];
        return { sku: it?.sku ?? '', qty: 1 + ((i + k) % 3), unitPrice: it?.listPrice ?? 0 };
      });
      lines += n;
      const total = ls.reduce((s, l) => s + l.qty * l.unitPrice, 0) + 499;
      return {
        channel: 'web',
        externalId: `BENCH-${i}`,
        placedAt: new Date(Date.UTC(2026, 10, 20, 6, 0, 0) + i * 1000).toISOString(),
        customer: { email: `c${i}@example.com`, name: `Customer ${i}` },
        shipTo: { name: `Customer ${i}`, line1: `${i} Main St`, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
        lines: ls,
        shipping: { method: ['ground', 'express', 'standard'][i % 3] ?? 'ground', price: 499 },
        payment: { status: 'authorized', amount: total },
        ...(i % 50 === 0 ? { fraudScore: 90 } : {}),
      };
    });

    const started = performance.now();
    const results: { status: string }[] = [];
    for (let i = 0; i < orders.length; i += batchSize) {
      const res = await api<{ results: { status: string }[] }>(server, '/api/orders/import', { token: cs.token, body: { orders: orders.slice(i, i + batchSize) } });
      if (res.status !== 200) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      results.push(...res.body.results);
    }
    const imported = performance.now();
    let waves = 0;
    let pickTasks = 0;
    for (const wh of summary.warehouses) {
      const res = await api<{ waves: { tasks: number }[] }>(server, '/api/waves', { token: cs.token, body: { warehouseId: wh.id } });
      if (res.status !== 200) throw new Error(`waves failed: ${res.status}`);
      waves += res.body.waves.length;
      pickTasks += res.body.waves.reduce((s, w) => s + w.tasks, 0);
    }
    const done = performance.now();
    const count_ = (s: string) => results.filter((r) => r.status === s).length;
    return {
      bench: 'allocate',
      database: kind,
      orders: count,
      lines,
      seconds: round((done - started) / 1000),
      importSeconds: round((imported - started) / 1000),
      waveSeconds: round((done - imported) / 1000),
      released: count_('released'),
      onHold: count_('on_hold'),
      backordered: count_('backordered'),
      waves,
      pickTasks,
    };
  } finally {
    await server.close();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
