import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS, POSTGRES_ADMIN_URL, type TestDatabase } from '../support/databases';
import { LISTENER_APPLICATION_NAME, RECONNECTED_PAYLOAD } from '../../sync-server/db/pg-listener';
import { CHANGE_CHANNEL } from '../../sync-server/db/types';

/**
 * Resolves once a payload `accept` takes arrives after this call, or rejects after `ms`. Call it before
 * the action: a NOTIFY can arrive before the query that sent it resolves.
 */
function nextPayload(payloads: readonly string[], accept: (p: string) => boolean, ms: number): Promise<string> {
  const from = payloads.length;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const hit = payloads.slice(from).find(accept);
      if (hit !== undefined) return resolve(hit);
      if (Date.now() - started > ms) return reject(new Error(`nothing matching within ${ms} ms; got ${JSON.stringify(payloads)}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe.runIf(DATABASE_KINDS.includes('postgres'))('PostgreSQL LISTEN connection', () => {
  let t: TestDatabase;
  let dbName: string;
  // The outage is caused from another database, as an operator would (NOTIFY stays within one database).
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  const payloads: string[] = [];
  let unsubscribe: () => void = () => undefined;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    dbName = new URL(t.url ?? '').pathname.slice(1);
    await admin.connect();
    unsubscribe = t.db.onCommit((p) => payloads.push(p));
  });
  afterAll(async () => {
    unsubscribe();
    await admin.end();
    await t.drop();
  });

  const listenerPids = async () =>
    (
      await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [
        dbName,
        LISTENER_APPLICATION_NAME,
      ])
    ).rows.map((r) => r.pid);

  const terminateListener = async () => {
    const pids = await listenerPids();
    expect(pids).toHaveLength(1);
    await admin.query('SELECT pg_terminate_backend($1)', [pids[0]]);
    return pids[0];
  };

  it('still delivers NOTIFY after the server terminates the LISTEN backend', async () => {
    const before = nextPayload(payloads, (p) => p === 'before', 5_000);
    await t.db.exec(`NOTIFY ${CHANGE_CHANNEL}, 'before'`);
    await before;

    const reconnected = nextPayload(payloads, (p) => p === RECONNECTED_PAYLOAD, 10_000);
    const terminated = await terminateListener();
    // Listeners are poked once after the reconnect: a commit may have gone by unheard meanwhile.
    await reconnected;
    const now = await listenerPids();
    expect(now).toHaveLength(1);
    expect(now).not.toContain(terminated);

    const commit = nextPayload(payloads, (p) => p === 'commit', 5_000);
    await t.db.writeTransaction(async () => undefined);
    await commit;
    const after = nextPayload(payloads, (p) => p === 'after', 5_000);
    await t.db.query(`SELECT pg_notify($1, 'after')`, [CHANGE_CHANNEL]);
    await after;
    expect(payloads.filter((p) => p === RECONNECTED_PAYLOAD)).toHaveLength(1);
  });

  it('keeps retrying while the server refuses connections, then listens again', async () => {
    const reconnected = nextPayload(payloads, (p) => p === RECONNECTED_PAYLOAD, 20_000);
    await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
    try {
      await terminateListener();
      // Several attempts fail here (200, 400, 800 ms ...); none of them may surface as an unhandled error.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await listenerPids()).toHaveLength(0);
    } finally {
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
    }
    await reconnected;
    const after = nextPayload(payloads, (p) => p === 'after-outage', 5_000);
    await t.db.query(`SELECT pg_notify($1, 'after-outage')`, [CHANGE_CHANNEL]);
    await after;
  });
});
