import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../../sync-server/app';
import { openDatabase } from '../../../sync-server/db/open';
import type { Db } from '../../../sync-server/db/types';
import { seedDemo, type SeedOptions } from '../../../sync-server/seed';

export interface WebServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

/**
 * The real sync server serving the built web app (web mode), on a fresh
 * PGlite directory with the demo tenant: what e2e tests and browser
 * benchmarks run against.
 */
export async function startWebServer(opts: { port?: number; seed?: SeedOptions; webRoot?: string } = {}): Promise<WebServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dockscan-web-'));
  const db = await openDatabase({ dataDir });
  await seedDemo(db, opts.seed ?? {});
  const app = await buildApp({ db, jwtSecret: 'e2e-secret-e2e-secret-e2e-secret-e2e', webRoot: opts.webRoot ?? 'dist/renderer' });
  const url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  return {
    url,
    db,
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Run directly (Playwright's webServer): PORT from the environment, until killed.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const server = await startWebServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`e2e server on ${server.url}`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void server.close().then(() => process.exit(0)));
}
