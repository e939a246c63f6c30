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

const WAREHOUSE_SCOPED = PULL_COLLECTIONS.filter((name) => COLLECTIONS[name].scope !== 'device');
const DEVICE_SCOPED = PULL_COLLECTIONS.filter((name) => COLLECTIONS[name].scope === 'device');

/** `max(seq)` of each collection in the scope: one index lookup each (every replicated table has a `seq` index led by its scope columns). */
async function maxSeqs(db: Sql, names: readonly PullCollection[], values: string[]): Promise<Highs> {
  const parts = names.map((name, i) => {
    const spec = COLLECTIONS[name];
    const where = spec.scope === 'warehouse' ? 'WHERE warehouse_id = $1' : spec.scope === 'device' ? 'WHERE warehouse_id = $1 AND device_id = $2' : '';
    return `(SELECT coalesce(max(seq), 0) FROM ${tableOf(name)} ${where})::int8 AS c${i}`;
  });
  const [row] = await db.query<Record<string, number | string>>(`SELECT ${parts.join(', ')}`, values);
  return new Map(names.map((name, i) => [name, Number(row?.[`c${i}`] ?? 0)]));
}

/**
 * The warehouse-wide part is shared by every device of the warehouse for
 * one burst of commits (a new commit starts a new generation), so thirty
 * handhelds listening cost one lookup per collection, not thirty.
 */
interface SharedHighs {
  generation: number;
  byWarehouse: Map<string, { generation: number; highs: Promise<Highs> }>;
  listeners: number;
  unsubscribe: () => void;
}
const shared = new WeakMap<Db, SharedHighs>();

function sharedFor(db: Db): SharedHighs {
  let s = shared.get(db);
  if (!s) {
    const state: SharedHighs = { generation: 0, byWarehouse: new Map(), listeners: 0, unsubscribe: () => undefined };
    state.unsubscribe = db.onCommit(() => {
      state.generation++;
    });
    shared.set(db, state);
    s = state;
  }
  return s;
}

/** The highest `seq` of every collection as the device's pull scopes it. */
async function highs(db: Db, s: SharedHighs, scope: PullScope): Promise<Highs> {
  let entry = s.byWarehouse.get(scope.warehouseId);
  if (!entry || entry.generation !== s.generation) {
    entry = { generation: s.generation, highs: maxSeqs(db, WAREHOUSE_SCOPED, [scope.warehouseId]) };
    const cached = entry;
    s.byWarehouse.set(scope.warehouseId, cached);
    // A failed lookup is not kept for the others.
    cached.highs.catch(() => s.byWarehouse.get(scope.warehouseId) === cached && s.byWarehouse.delete(scope.warehouseId));
  }
  const [warehouse, device] = await Promise.all([entry.highs, maxSeqs(db, DEVICE_SCOPED, [scope.warehouseId, scope.deviceId])]);
  return new Map([...warehouse, ...device]);
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

  const cache = sharedFor(db);
  cache.listeners++;
  const check = async () => {
    const now = await highs(db, cache, scope);
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
    if (--cache.listeners === 0) {
      cache.unsubscribe();
      shared.delete(db);
    }
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
  });
}
