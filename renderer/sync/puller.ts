import type { RxCollection, RxDocumentData, RxStorageBulkWriteResponse, RxStorageInstance } from 'rxdb';
import type { PullCollection } from '../../shared/schemas/docs';
import type { ReplicaDb } from '../db/database';
import type { PulledPage } from './handlers';

/** A pulled page as the server answered it (already validated). */
export type FetchPage = (name: PullCollection, seq: number | null, limit: number, withRemaining: boolean) => Promise<PulledPage>;

export interface PullerOptions {
  /** Scopes the stored checkpoints: a device re-enrolled elsewhere starts afresh. */
  deviceId: string;
  fetchPage: FetchPage;
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
  /** Pull again (a server poke, a reconnect); coalesced with a round already running. */
  resync(): void;
  /** Resolves when every collection finished its first full download. */
  initialPull: Promise<void>;
  stop(): Promise<void>;
}

/** The server's maximum page: fewer round trips and IndexedDB transactions. */
const PAGE = 5000;
const RETRY_MS = 5000;
const CONTEXT = 'dockscan-pull';

type StoredDoc = RxDocumentData<{ id: string }>;
type AnyStorage = RxStorageInstance<{ id: string }, unknown, unknown>;
type Checkpoints = Partial<Record<PullCollection, number>>;

const checkpointKey = (deviceId: string) => `pull-checkpoints:${deviceId}`;

/**
 * Server-owned collections, pulled by `seq` straight into RxDB's storage
 * instances (one bulk write per page, strict durability like every write),
 * instead of one RxDB replication per collection: those re-read every pulled
 * document for their (unused) push side and write per-document metadata,
 * which made a first download of 200,000 documents take over a minute and
 * put a dozen IndexedDB transactions next to every scan.
 *
 * Pull never skips: a collection's checkpoint is advanced, and stored, only
 * after the documents up to it are durably written; the server hands out
 * `seq` in commit order. Rewriting a page after a crash is harmless (the
 * write replaces the stored revision).
 */
export function startPuller(db: ReplicaDb, names: readonly PullCollection[], opts: PullerOptions): Puller {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let checkpoints: Checkpoints | null = null;
  let firstDone = false;
  let resolveInitial: () => void = () => undefined;
  const initialPull = new Promise<void>((resolve) => (resolveInitial = resolve));

  const storage = (name: PullCollection): AnyStorage => (db.collections[name] as unknown as RxCollection<{ id: string }>).storageInstance as unknown as AnyStorage;

  async function loadCheckpoints(): Promise<Checkpoints> {
    const doc = await db.getLocal<{ seqs: Checkpoints }>(checkpointKey(opts.deviceId));
    const seqs = doc?.toJSON().data.seqs ?? {};
    return { ...seqs };
  }

  async function saveCheckpoints(seqs: Checkpoints): Promise<void> {
    await db.upsertLocal(checkpointKey(opts.deviceId), { seqs });
  }

  async function write(name: PullCollection, docs: PulledPage['documents']): Promise<void> {
    if (docs.length === 0) return;
    const store = storage(name);
    const ids = docs.map((d) => d.id);
    // Existing revisions first (one read), so updates are written as updates.
    const existing = new Map<string, StoredDoc>();
    if (firstDone || (checkpoints?.[name] ?? 0) > 0) {
      for (const d of await store.findDocumentsById(ids, true)) existing.set(d.id, d);
    }
    let rows = docs.map((d) => ({ previous: existing.get(d.id), document: toStored(d) }));
    for (let attempt = 0; rows.length > 0; attempt++) {
      const res: RxStorageBulkWriteResponse<{ id: string }> = await store.bulkWrite(rows, CONTEXT);
      // A stored revision other than the one read (or none read): write over it, it is the server's document.
      const conflicts = res.error.flatMap((e) => (e.status === 409 ? [{ previous: e.documentInDb, document: e.writeRow.document }] : []));
      if (res.error.length > conflicts.length || attempt > 3) throw new Error(`Storing pulled ${name} failed: ${JSON.stringify(res.error[0])}`);
      rows = conflicts;
    }
  }

  /** Pulls every collection up to date; page N+1 is fetched while page N is written. */
  async function round(): Promise<void> {
    checkpoints ??= await loadCheckpoints();
    const seqs = checkpoints;
    const first = !firstDone;
    let changed = false;
    // Every collection's first page is asked at once (most answers of a live round are empty).
    const ask = (name: PullCollection, withRemaining: boolean) => opts.fetchPage(name, seqs[name] ?? null, PAGE, withRemaining);
    const ahead = new Map(names.map((name) => [name, ask(name, first)] as const));
    const firstPages = [...ahead.values()];
    // Rejections surface when each page is awaited below.
    for (const p of firstPages) p.catch(() => undefined);
    if (first) {
      void Promise.all(firstPages).then(
        (pages) => opts.remaining(pages.reduce((n, p) => n + p.documents.length + (p.remaining ?? 0), 0)),
        () => undefined,
      );
    }

    for (const name of names) {
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
        await write(name, page.documents);
        if (page.documents.length > 0) {
          changed = true;
          seqs[name] = page.checkpoint.seq;
          opts.received(name, page.documents.length);
          // A first download stores its progress page by page, so an interrupted one resumes.
          if (first) await saveCheckpoints(seqs);
        }
        if (!full) break;
      }
      if (first) opts.initialPullDone(name);
    }
    if (changed && !first) await saveCheckpoints(seqs);
    if (first) {
      firstDone = true;
      resolveInitial();
    }
  }

  function schedule(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    opts.activity(true);
    running = round()
      .then(
        () => undefined,
        (err: unknown) => {
          // What was written stays; the in-memory checkpoints are reloaded from what was stored.
          checkpoints = null;
          opts.error(err);
          if (!stopped) retryTimer = setTimeout(schedule, RETRY_MS);
        },
      )
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          schedule();
        } else opts.activity(false);
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

/** The storage's own fields: RxDB's wrapper sets the revision and write time. */
function toStored(doc: PulledPage['documents'][number]): StoredDoc {
  return { ...doc, _deleted: doc._deleted === true, _attachments: {}, _meta: { lwt: 0 }, _rev: '' } as StoredDoc;
}
