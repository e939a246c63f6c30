import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../sync-server/db/open';
import type { Db } from '../../sync-server/db/types';

/**
 * Server tests run against BOTH the embedded PGlite and the PostgreSQL
 * server on this machine (TEST_POSTGRES_URL, default 127.0.0.1:5432). Each
 * PostgreSQL test database is a throwaway, created here and dropped after.
 * Set TEST_POSTGRES=off only on a machine without PostgreSQL.
 */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DATABASE_KINDS = (process.env.TEST_POSTGRES === 'off' ? ['pglite'] : ['pglite', 'postgres']) as readonly (
  | 'pglite'
  | 'postgres'
)[];

export interface TestDatabase {
  db: Db;
  url: string | undefined;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `dockscan_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
