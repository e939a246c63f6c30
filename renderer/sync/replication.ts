import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Subscription } from 'rxjs';
import { PULL_COLLECTIONS, type PullCollection } from '../../shared/schemas/docs';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { ReplicaDb } from '../db/database';
import type { PageStore, PulledDoc } from '../replica/page-store';
import { pageFetcher, pushHandler, type HandlerHooks } from './handlers';
import { startPuller } from './puller';
import { openResyncStream } from './resync-stream';

const PUSH_BATCH = 200;
const RETRY_MS = 5000;
/** Pokes arriving this close together (a burst of commits elsewhere) cost one pull round. */
const RESYNC_DEBOUNCE_MS = 20;

export interface SyncOptions extends HandlerHooks {
  /** Scopes the push checkpoint: a device re-enrolled elsewhere starts afresh. */
  deviceId: string;
  /** Pulled documents, durably stored. */
  stored(name: PullCollection, docs: readonly PulledDoc[]): void;
  streamConnected(connected: boolean): void;
  /** Documents received by a pull (for the download progress bar). */
  received(name: PullCollection, count: number): void;
  /** How many documents the first download brings in all (known once every collection answered its first page). */
  expected?(total: number): void;
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
 * Server-owned collections are pulled by one puller (sync/puller.ts) that
 * writes pages straight into RxDB's storage; the device's `events` are
 * pushed by an RxDB replication (push-only), as DESIGN section 6 has it.
 */
export function startSync(db: ReplicaDb, pages: PageStore, opts: SyncOptions): SyncHandle {
  const stream = openResyncStream(opts.token, opts.streamConnected);
  const subs: Subscription[] = [];

  const puller = startPuller(pages, PULL_COLLECTIONS, {
    fetchPage: pageFetcher(opts),
    stored: opts.stored,
    received: opts.received,
    remaining: (total) => opts.expected?.(total),
    initialPullDone: opts.initialPullDone,
    activity: opts.activity,
    error: (err) => console.warn('pull failed; retrying', err),
  });
  // Pokes arriving close together cost one pull round, of every collection they named.
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let all = false;
  const named = new Set<PullCollection>();
  subs.push(
    stream.resync$.subscribe((poke) => {
      if (poke === null) all = true;
      else for (const n of poke) named.add(n);
      debounce ??= setTimeout(() => {
        debounce = null;
        puller.resync(all ? undefined : [...named]);
        all = false;
        named.clear();
      }, RESYNC_DEBOUNCE_MS);
    }),
  );

  const push: RxReplicationState<DeviceEvent, unknown> = replicateRxCollection<DeviceEvent, unknown>({
    live: true,
    retryTime: RETRY_MS,
    waitForLeadership: false,
    autoStart: true,
    toggleOnDocumentVisible: false,
    collection: db.collections.events,
    replicationIdentifier: `dockscan-push-events-${opts.deviceId}`,
    push: { handler: pushHandler(opts), batchSize: PUSH_BATCH },
  });

  return {
    initialPull: puller.initialPull,
    refreshToken: () => {
      stream.refresh();
      puller.resync();
      push.reSync();
    },
    stop: async () => {
      stream.stop();
      for (const s of subs) s.unsubscribe();
      if (debounce !== null) clearTimeout(debounce);
      await Promise.all([puller.stop(), push.cancel()]);
    },
  };
}
