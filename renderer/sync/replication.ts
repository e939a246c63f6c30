import { combineLatest, type Subscription } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { PULL_COLLECTIONS, type PullCheckpoint, type PullCollection } from '../../shared/schemas/docs';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { ReplicaDb } from '../db/database';
import { pullHandler, pushHandler, type HandlerHooks } from './handlers';
import { openResyncStream } from './resync-stream';

/** The server's maximum page: fewer round trips and IndexedDB transactions on a first download. */
const PULL_BATCH = 5000;
const PUSH_BATCH = 200;
const RETRY_MS = 5000;

export interface SyncOptions extends HandlerHooks {
  /** Scopes the replication checkpoints: a device re-enrolled elsewhere starts afresh. */
  deviceId: string;
  streamConnected(connected: boolean): void;
  /** Documents received by a pull (for the download progress bar). */
  received(name: PullCollection, count: number): void;
  initialPullDone(name: PullCollection): void;
  /** Whether any pull is running; when none is, server state is consistent across collections. */
  activity(active: boolean): void;
}

export interface SyncHandle {
  refreshToken(): void;
  /** Resolves when every collection finished its first download. */
  initialPull: Promise<void>;
  stop(): Promise<void>;
}

/**
 * One RxDB replication per collection against the server's own endpoints:
 * server-owned collections pull-only, `events` push-only (DESIGN section 6).
 */
export function startSync(db: ReplicaDb, opts: SyncOptions): SyncHandle {
  const stream = openResyncStream(opts.token, opts.streamConnected);
  const subs: Subscription[] = [];
  const common = { live: true, retryTime: RETRY_MS, waitForLeadership: false, autoStart: true, toggleOnDocumentVisible: false };

  const pulls = PULL_COLLECTIONS.map((name) => {
    const state = replicateRxCollection<unknown, PullCheckpoint>({
      ...common,
      collection: db.collections[name] as never,
      replicationIdentifier: `dockscan-pull-${name}-${opts.deviceId}`,
      pull: { handler: pullHandler(name, opts), batchSize: PULL_BATCH, stream$: stream.resync$ },
    });
    let received = 0;
    subs.push(
      state.received$.subscribe(() => {
        received++;
        // Batched per microtask burst: a page is thousands of documents.
        if (received === 1) queueMicrotask(() => flushReceived(name));
      }),
    );
    const flushReceived = (n: PullCollection) => {
      opts.received(n, received);
      received = 0;
    };
    return { name, state };
  });

  const push: RxReplicationState<DeviceEvent, unknown> = replicateRxCollection<DeviceEvent, unknown>({
    ...common,
    collection: db.collections.events,
    replicationIdentifier: `dockscan-push-events-${opts.deviceId}`,
    push: { handler: pushHandler(opts), batchSize: PUSH_BATCH },
  });

  subs.push(
    combineLatest(pulls.map((p) => p.state.active$)).subscribe((active) => {
      opts.activity(active.some((a) => a));
    }),
  );

  const initialPull = Promise.all(
    pulls.map(async ({ name, state }) => {
      await state.awaitInitialReplication();
      opts.initialPullDone(name);
    }),
  ).then(() => undefined);

  return {
    initialPull,
    refreshToken: () => {
      stream.refresh();
      for (const p of pulls) p.state.reSync();
      push.reSync();
    },
    stop: async () => {
      stream.stop();
      for (const s of subs) s.unsubscribe();
      await Promise.all([...pulls.map((p) => p.state.cancel()), push.cancel()]);
    },
  };
}
