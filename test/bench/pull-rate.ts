import { seedDemo } from '../../sync-server/seed';
import { api, sessionFor, startTestServer } from '../support/server';

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
  const server = await startTestServer(kind);
  try {
    const summary = await seedDemo(server.db);
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
    await server.close();
  }
}
