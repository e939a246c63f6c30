import type { FastifyReply, FastifyRequest } from 'fastify';
import { PULL_COLLECTIONS, type PullCollection } from '../../shared/schemas/docs';
import type { Db, Sql } from '../db/types';
import { COLLECTIONS } from './collections';
import type { PullScope } from './pull';

const HEARTBEAT_MS = 15_000;
/** Coalesce bursts of commits into one poke. */
const COALESCE_MS = 50;

type Highs = Map<PullCollection, number>;

const tableOf = (name: PullCollection) => COLLECTIONS[name].table.split(' ')[0] as string;

/**
 * The highest `seq` of every collection as the device's pull scopes it:
 * one index lookup each (every replicated table has a `seq` index led by
 * its scope columns), all in one statement.
 */
async function highs(db: Sql, scope: PullScope): Promise<Highs> {
  const parts = PULL_COLLECTIONS.map((name, i) => {
    const spec = COLLECTIONS[name];
    const where = spec.scope === 'warehouse' ? 'WHERE warehouse_id = $1' : spec.scope === 'device' ? 'WHERE warehouse_id = $1 AND device_id = $2' : '';
    return `(SELECT coalesce(max(seq), 0) FROM ${tableOf(name)} ${where})::int8 AS c${i}`;
  });
  const [row] = await db.query<Record<string, number | string>>(`SELECT ${parts.join(', ')}`, [scope.warehouseId, scope.deviceId]);
  return new Map(PULL_COLLECTIONS.map((name, i) => [name, Number(row?.[`c${i}`] ?? 0)]));
}

/**
 * Server-sent events that tell a device what to pull. On connect, `RESYNC`:
 * pull everything (pokes may have been missed while disconnected). After
 * commits, `RESYNC <collection>,<collection>`: only the collections whose
 * documents in the device's scope changed, so a scan's own outcome costs
 * the device two or three pulls, not one per collection.
 */
export function openStream(req: FastifyRequest, reply: FastifyReply, db: Db, scope: PullScope): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 1000\n\n');

  let closed = false;
  let known: Highs | null = null;
  let pending: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;
  let again = false;

  const check = async () => {
    const now = await highs(db, scope);
    if (closed) return;
    if (!known) {
      known = now;
      res.write('data: RESYNC\n\n');
      return;
    }
    const changed = PULL_COLLECTIONS.filter((name) => (now.get(name) ?? 0) > (known?.get(name) ?? 0));
    known = now;
    if (changed.length > 0) res.write(`data: RESYNC ${changed.join(',')}\n\n`);
  };
  const run = () => {
    pending = null;
    if (checking) {
      again = true;
      return;
    }
    checking = check()
      .catch((err: unknown) => {
        // Could not tell what changed: the device pulls everything.
        req.log.warn({ err }, 'change check failed');
        if (!closed) res.write('data: RESYNC\n\n');
      })
      .finally(() => {
        checking = null;
        if (again && !closed) {
          again = false;
          run();
        }
      });
  };

  const unsubscribe = db.onCommit(() => {
    pending ??= setTimeout(run, COALESCE_MS);
  });
  run();
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.raw.on('close', () => {
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
  });
}
