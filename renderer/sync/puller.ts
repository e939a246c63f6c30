import type { PullCollection } from '../../shared/schemas/docs';
import type { PageStore, PulledDoc } from '../replica/page-store';
import type { PulledPage } from './handlers';

/** A pulled page as the server answered it (already validated). */
export type FetchPage = (name: PullCollection, seq: number | null, limit: number, withRemaining: boolean) => Promise<PulledPage>;

export interface PullerOptions {
  fetchPage: FetchPage;
  /** Documents durably stored: the mirror applies them. */
  stored(name: PullCollection, docs: readonly PulledDoc[]): void;
  /** Documents stored by a pull (for the download progress bar). */
  received(name: PullCollection, count: number): void;
  /** How many documents the first download brings in all (from the first pages' `remaining`). */
  remaining(total: number): void;
  initialPullDone(name: PullCollection): void;
  /** Whether a pull round is running; when none is, server state is consistent across collections. */
  activity(active: boolean): void;
  error(err: unknown): void;
}

export interface Puller {
  /**
   * Pull again (a server poke, a reconnect): the named collections, or all.
   * Coalesced with a round already running (the next round takes them all).
   */
  resync(only?: readonly PullCollection[]): void;
  /** Resolves when every collection finished its first full download. */
  initialPull: Promise<void>;
  stop(): Promise<void>;
}

/** The server's maximum page: fewer round trips and IndexedDB transactions. */
const PAGE = 5000;
const RETRY_MS = 5000;

/**
 * Server-owned collections, pulled by `seq` into the page store (one stored
 * page per pulled page: strict durability like every write), instead of one
 * RxDB replication per collection: those re-read every pulled document for
 * their (unused) push side and write a record per document, which made a
 * first download of 200,000 documents take over a minute and put a dozen
 * IndexedDB transactions next to every scan.
 *
 * Pull never skips: a page and the checkpoint it reaches are one write
 * (page-store.ts), and the server hands out `seq` in commit order. The
 * mirror hears of documents only once they are durably stored.
 */
export function startPuller(store: PageStore, names: readonly PullCollection[], opts: PullerOptions): Puller {
  let stopped = false;
  let running: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let firstDone = false;
  /** Asked for while a round ran: everything, or these collections. */
  let pendingAll = false;
  const pendingSome = new Set<PullCollection>();
  let resolveInitial: () => void = () => undefined;
  const initialPull = new Promise<void>((resolve) => (resolveInitial = resolve));

  /** Pulls the wanted collections up to date; page N+1 is fetched while page N is written. */
  async function round(only: ReadonlySet<PullCollection> | null): Promise<void> {
    const first = !firstDone;
    const pulled = first || !only ? names : names.filter((n) => only.has(n));
    const seqs = new Map<PullCollection, number | null>();
    for (const name of pulled) seqs.set(name, await store.checkpoint(name));
    // Every collection's first page is asked at once (most answers of a live round are empty).
    const ask = (name: PullCollection, withRemaining: boolean) => opts.fetchPage(name, seqs.get(name) ?? null, PAGE, withRemaining);
    const ahead = new Map(pulled.map((name) => [name, ask(name, first)] as const));
    const firstPages = [...ahead.values()];
    // Rejections surface when each page is awaited below.
    for (const p of firstPages) p.catch(() => undefined);
    if (first) {
      void Promise.all(firstPages).then(
        (pages) => opts.remaining(pages.reduce((n, p) => n + p.documents.length + (p.remaining ?? 0), 0)),
        () => undefined,
      );
    }

    for (const name of pulled) {
      let next = ahead.get(name) ?? ask(name, false);
      for (;;) {
        if (stopped) return;
        const page = await next;
        const full = page.documents.length >= PAGE;
        // Keep the server busy while this page is written.
        if (full) {
          next = opts.fetchPage(name, page.checkpoint.seq, PAGE, false);
          next.catch(() => undefined);
        }
        if (page.documents.length > 0) {
          await store.append(name, page.documents, page.checkpoint.seq);
          opts.stored(name, page.documents);
          opts.received(name, page.documents.length);
        }
        if (!full) break;
      }
      if (first) opts.initialPullDone(name);
    }
    if (first) {
      firstDone = true;
      resolveInitial();
    }
  }

  function schedule(only?: readonly PullCollection[]): void {
    if (stopped) return;
    if (only) for (const n of only) pendingSome.add(n);
    else pendingAll = true;
    if (running) return;
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    const these = pendingAll ? null : new Set(pendingSome);
    pendingAll = false;
    pendingSome.clear();
    opts.activity(true);
    running = round(these)
      .then(
        () => undefined,
        (err: unknown) => {
          // What was written stays; the next round starts from the stored checkpoints.
          opts.error(err);
          if (!stopped) retryTimer = setTimeout(() => schedule(), RETRY_MS);
        },
      )
      .finally(() => {
        running = null;
        if (!stopped && (pendingAll || pendingSome.size > 0)) schedule([]);
        else opts.activity(false);
      });
  }

  schedule();
  return {
    initialPull,
    resync: schedule,
    stop: async () => {
      stopped = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      // A round stops at its next page; a request in flight is not waited for (it may take its whole timeout).
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 1000))]);
    },
  };
}
