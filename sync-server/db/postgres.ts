import pg from 'pg';
import { EventEmitter } from 'node:events';
import { listenWithReconnect } from './pg-listener';
import { CHANGE_CHANNEL, parseTimestamptz, REPLICATION_LOCK_KEY, type Db, type Sql, type SqlParam } from './types';

const INT8 = 20;
const DATE = 1082;
const TIMESTAMPTZ = 1184;

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === TIMESTAMPTZ) return parseTimestamptz;
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<T extends object>(text: string, params: readonly SqlParam[] = []) {
      const res = await client.query<T>(text, params as unknown[]);
      return res.rows;
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: Sql, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(wrap(client), client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * PostgreSQL server. Commits are announced with NOTIFY inside the writing
 * transaction (delivered at commit, to every instance), so stateless
 * instances behind a load balancer all poke their devices.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers, options: '-c TimeZone=UTC' });
  // An idle connection the server terminates (restart, failover, DROP DATABASE ... FORCE) must not crash
  // the process: the pool drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  // Its own connection, outside the pool: a LISTEN lives as long as its session, and when the server ends
  // that session the listener reconnects and pokes once, so devices pull whatever they missed meanwhile.
  const listener = await listenWithReconnect(url, [CHANGE_CHANNEL], (channel, payload) => emitter.emit(channel, payload)).catch(
    async (err: unknown) => {
      await pool.end();
      throw err;
    },
  );
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: (fn) => inTransaction(pool, (tx) => fn(tx)),
    writeTransaction: (fn) =>
      inTransaction(pool, async (tx, client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [REPLICATION_LOCK_KEY]);
        const out = await fn(tx);
        await client.query(`NOTIFY ${CHANGE_CHANNEL}, 'commit'`);
        return out;
      }),
    onCommit(cb) {
      emitter.on(CHANGE_CHANNEL, cb);
      return () => emitter.off(CHANGE_CHANNEL, cb);
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
