import { PGlite, types } from '@electric-sql/pglite';
import { EventEmitter } from 'node:events';
import { CHANGE_CHANNEL, parseTimestamptz, REPLICATION_LOCK_KEY, type Db, type Sql, type SqlParam } from './types';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.TIMESTAMPTZ]: parseTimestamptz,
  [types.DATE]: (v: string) => v,
};

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Sql {
  return {
    async query<T extends object>(text: string, params: readonly SqlParam[] = []) {
      const res = await q.query<T>(text, params as unknown[]);
      return res.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  };
}

/** Embedded PostgreSQL (PGlite): one in-process connection, data in `dataDir` (or memory). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = await PGlite.create(dataDir ?? 'memory://', { parsers });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async writeTransaction(fn) {
      const out = await pg.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [REPLICATION_LOCK_KEY]);
        return fn(wrap(tx));
      });
      // One process owns a PGlite directory, so an in-process poke reaches every listener.
      emitter.emit(CHANGE_CHANNEL, 'commit');
      return out;
    },
    onCommit(cb) {
      emitter.on(CHANGE_CHANNEL, cb);
      return () => emitter.off(CHANGE_CHANNEL, cb);
    },
    close: () => pg.close(),
  };
}
