import { buildApp } from '../../sync-server/app';
import { seedDemo } from '../../sync-server/seed';
import { createTestDatabase } from '../support/databases';
import { api, sessionFor, type TestServer } from '../support/server';

export interface PullRateResult {
  bench: 'pull_rate';
  database: 'pglite' | 'postgres';
  documents: number;
  seconds: number;
  documentsPerSecond: number;
  pageSize: number;
}

/** A fresh device downloading items + balances of the demo tenant, page by page over HTTP. */
export async function benchPullRate(kind: 'pglite' | 'postgres', pageSize = 2000): Promise<PullRateResult> {
  const database = await createTestDatabase(kind);
  const app = await buildApp({ db: database.db, jwtSecret: 'bench-secret-bench-secret-bench-secret' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const server = { ...database, app, url, close: async () => undefined } as TestServer;
  try {
    const summary = await seedDemo(database.db);
    const wh = summary.warehouses[0];
    if (!wh) throw new Error('no warehouse');
    const device = await sessionFor(server, ['associate'], wh.id);
    let documents = 0;
    const started = performance.now();
    for (const collection of ['items', 'balances']) {
      let checkpoint = '';
      for (;;) {
        const res = await api<{ documents: unknown[]; checkpoint: { seq: number } }>(
          server,
          `/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${pageSize}`,
          { token: device.token },
        );
        documents += res.body.documents.length;
        if (res.body.documents.length < pageSize) break;
        checkpoint = String(res.body.checkpoint.seq);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return { bench: 'pull_rate', database: kind, documents, seconds: Math.round(seconds * 1000) / 1000, documentsPerSecond: Math.round(documents / seconds), pageSize };
  } finally {
    await app.close();
    await database.drop();
  }
}
