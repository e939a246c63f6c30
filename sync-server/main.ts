import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { readEnv, type ServerEnv } from './config';
import { openDatabase } from './db/open';
import { startHousekeeping } from './orders/housekeeping';
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from './seed';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, seeds the demo tenant when asked and empty, and listens. */
export async function runServer(env: ServerEnv = readEnv(), opts: { seedIfEmpty?: boolean } = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const where = db.kind === 'pglite' ? `PGlite in ${path.resolve(env.DATA_DIR, 'pglite')}` : 'PostgreSQL';
  if ((env.SEED_DEMO || opts.seedIfEmpty) && (await isDatabaseEmpty(db))) {
    const started = Date.now();
    const summary = await seedDemo(db);
    console.log(
      `Seeded the demo tenant in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.warehouses.map((w) => w.code).join(', ')}; ` +
        `${summary.bins} bins, ${summary.items} items, ${summary.purchaseOrders} open POs, ${summary.asns} ASNs.`,
    );
    console.log(`Demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(', ')})`).join(', ')}`);
  }
  const webRoot = existsSync(path.join(env.WEB_ROOT, 'index.html')) ? env.WEB_ROOT : undefined;
  const app = await buildApp({ db, jwtSecret: env.JWT_SECRET, webRoot, logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL } });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  const url = address.replace('0.0.0.0', 'localhost');
  console.log(`Sync server on ${url} (database: ${where})${webRoot ? `, web app at ${url}/` : ''}`);
  const stopHousekeeping = startHousekeeping(db, () => new Date(), (msg, err) => (err ? console.warn(msg, err) : console.log(msg)));
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    stopHousekeeping();
    await app.close();
    await db.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => void close().then(() => process.exit(0)));
  }
  return { url, close };
}
