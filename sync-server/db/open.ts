import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { migrate } from './migrate';
import type { Db } from './types';

export interface DbConfig {
  /** postgres://... switches from the embedded default to a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throwaway database. */
  dataDir?: string | undefined;
}

export async function openDatabase(cfg: DbConfig): Promise<Db> {
  let db: Db;
  if (cfg.databaseUrl) {
    db = await openPostgres(cfg.databaseUrl);
  } else if (cfg.dataDir === 'memory://') {
    db = await openPglite(undefined);
  } else {
    const dir = path.resolve(cfg.dataDir ?? './data', 'pglite');
    mkdirSync(dir, { recursive: true });
    db = await openPglite(dir);
  }
  await migrate(db);
  return db;
}
