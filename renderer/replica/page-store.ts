import { uuidv7 } from 'uuidv7';
import type { PullCollection } from '../../shared/schemas/docs';

/** A pulled document as the server sent it (validated against its collection's zod schema). */
export type PulledDoc = { id: string; _deleted?: boolean } & Record<string, unknown>;

/**
 * One stored page: the documents of one pull page (or of a compaction), as
 * JSON text, and the server `seq` they reach. A collection's checkpoint is
 * the highest `toSeq` of its pages, so data and checkpoint are written in
 * the same transaction and can never disagree.
 */
export interface PageRecord {
  id: string;
  collection: string;
  /** The device (enrolment) that pulled it: a device enrolled afresh starts from nothing. */
  scope: string;
  /** The hash of the collection's document schema when the page was written. */
  schema: string;
  toSeq: number;
  count: number;
  body: string;
}

/** Where pages live: one IndexedDB transaction per write (RxDB collection in the app, a Map in unit tests). */
export interface PageStorage {
  readAll(): Promise<PageRecord[]>;
  /** Writes and removes atomically. */
  write(put: PageRecord[], remove: readonly string[]): Promise<void>;
}

interface Page {
  id: string;
  toSeq: number;
  /** Documents stored in the page (current or superseded). */
  count: number;
  /** Documents whose newest version is in this page (tombstones included). */
  latest: number;
}

interface Entry {
  page: Page;
  doc: PulledDoc;
}

interface Shelf {
  pages: Page[];
  docs: Map<string, Entry>;
  /** Entries that are not tombstones. */
  live: number;
  stored: number;
}

/** A page written by live sync is usually a handful of documents: this many small ones at the end are merged. */
const SMALL_PAGE = 1000;
const TAIL_MERGE = 8;
/** Largest page written by a compaction (the server's page size). */
const COMPACT_PAGE = 5000;

const byOrder = (a: PageRecord, b: PageRecord) => a.toSeq - b.toSeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Pulled collections stored as pages of documents instead of one IndexedDB
 * record per document: a new device writes ~40 records for a 200,000
 * document replica instead of 200,000 (IndexedDB costs per record, and the
 * whole replica is held in memory anyway: see mirror.ts).
 *
 * Later pages supersede earlier ones. A page none of whose documents is
 * current any more is removed; small pages at the end (live sync writes
 * one per pull) are merged; when superseded copies outweigh current ones,
 * the collection is rewritten. Every change is one transaction.
 *
 * A collection whose stored schema hash differs from the app's (a new app
 * version changed the document's shape) is dropped on open and pulled
 * again from the start; the device's own events are never touched.
 */
export class PageStore {
  private readonly shelves = new Map<string, Shelf>();
  private stale = false;
  private scope: string | null = null;
  /** Devices whose pages were loaded. */
  private readonly scopes = new Set<string>();

  private constructor(
    private readonly storage: PageStorage,
    private readonly schemas: Readonly<Record<PullCollection, string>>,
  ) {}

  /** Opens the store; the current documents of every collection are then in `current(name)`. */
  static async open(storage: PageStorage, schemas: Readonly<Record<PullCollection, string>>): Promise<PageStore> {
    const store = new PageStore(storage, schemas);
    await store.load();
    return store;
  }

  /**
   * Binds the store to the device pulling into it. Pages another enrolment
   * pulled (another warehouse, maybe) are dropped: true when any were, and
   * the caller forgets their documents.
   */
  async bindTo(scope: string): Promise<boolean> {
    await this.recover();
    this.scope = scope;
    if ([...this.scopes].every((s) => s === scope)) return false;
    const foreign = (await this.storage.readAll()).filter((r) => r.scope !== scope);
    if (foreign.length === 0) return false;
    await this.storage.write([], foreign.map((r) => r.id));
    this.shelves.clear();
    await this.load();
    return true;
  }

  /** The server `seq` this collection is pulled up to (null: nothing stored, pull from the start). */
  async checkpoint(name: PullCollection): Promise<number | null> {
    await this.recover();
    const pages = this.shelves.get(name)?.pages;
    const last = pages?.[pages.length - 1];
    return last ? last.toSeq : null;
  }

  /** Nothing pulled yet (a new device, or one whose stored layout predates pages). */
  isEmpty(): boolean {
    return [...this.shelves.values()].every((s) => s.pages.length === 0);
  }

  /** Current documents (tombstones left out) of a collection. */
  *current(name: PullCollection): Iterable<PulledDoc> {
    for (const { doc } of this.shelves.get(name)?.docs.values() ?? []) if (doc._deleted !== true) yield doc;
  }

  /** Stored pages and documents, for tests and diagnostics. */
  stats(name: PullCollection): { pages: number; stored: number; live: number } {
    const s = this.shelves.get(name);
    return { pages: s?.pages.length ?? 0, stored: s?.stored ?? 0, live: s?.live ?? 0 };
  }

  /**
   * Stores one pulled page durably (with whatever compaction it triggers, in
   * the same transaction). On failure storage holds what it held before.
   */
  async append(name: PullCollection, docs: readonly PulledDoc[], toSeq: number): Promise<void> {
    if (docs.length === 0) return;
    await this.recover();
    const shelf = this.shelf(name);
    const put: PageRecord[] = [this.record(name, docs, toSeq)];
    const remove: string[] = [];
    const page = this.place(shelf, put[0] as PageRecord, docs);
    for (const p of shelf.pages) if (p.latest === 0 && p !== page) remove.push(p.id);
    shelf.pages = shelf.pages.filter((p) => p.latest > 0 || p === page);
    this.compact(name, shelf, put, remove);
    try {
      await this.storage.write(put, remove);
    } catch (err) {
      // The bookkeeping ran ahead of storage: rebuilt from what storage holds before the next write.
      this.stale = true;
      throw err;
    }
  }

  /** Rebuilds the bookkeeping from storage after a failed write (a full disk, say). */
  private async recover(): Promise<void> {
    if (!this.stale) return;
    this.shelves.clear();
    await this.load();
    this.stale = false;
  }

  private async load(): Promise<void> {
    const records = (await this.storage.readAll()).sort(byOrder);
    const stale = records.filter((r) => this.schemas[r.collection as PullCollection] !== r.schema);
    if (stale.length > 0) {
      // Unknown collection, or its shape changed: drop all of its pages so it is pulled again.
      const dropped = new Set(stale.map((r) => r.collection));
      const all = records.filter((r) => dropped.has(r.collection));
      await this.storage.write([], all.map((r) => r.id));
      const keep = records.filter((r) => !dropped.has(r.collection));
      records.length = 0;
      records.push(...keep);
    }
    this.scopes.clear();
    for (const r of records) {
      this.scopes.add(r.scope);
      const docs = JSON.parse(r.body) as PulledDoc[];
      const shelf = this.shelf(r.collection);
      this.place(shelf, r, docs);
    }
    // A page with nothing current left is removed at the next write of its collection.
  }

  private shelf(name: string): Shelf {
    let s = this.shelves.get(name);
    if (!s) {
      s = { pages: [], docs: new Map(), live: 0, stored: 0 };
      this.shelves.set(name, s);
    }
    return s;
  }

  private record(name: PullCollection, docs: readonly PulledDoc[], toSeq: number): PageRecord {
    if (this.scope === null) throw new Error('The page store is not bound to a device');
    return { id: `${name}:${uuidv7()}`, collection: name, scope: this.scope, schema: this.schemas[name], toSeq, count: docs.length, body: JSON.stringify(docs) };
  }

  /** Makes the page's documents current, superseding earlier versions. */
  private place(shelf: Shelf, r: PageRecord, docs: readonly PulledDoc[]): Page {
    const page: Page = { id: r.id, toSeq: r.toSeq, count: docs.length, latest: 0 };
    shelf.pages.push(page);
    shelf.stored += docs.length;
    for (const doc of docs) {
      const prev = shelf.docs.get(doc.id);
      if (prev) {
        prev.page.latest--;
        if (prev.doc._deleted !== true) shelf.live--;
      }
      shelf.docs.set(doc.id, { page, doc });
      page.latest++;
      if (doc._deleted !== true) shelf.live++;
    }
    return page;
  }

  /** Adds the compaction this write calls for to `put`/`remove`. */
  private compact(name: PullCollection, shelf: Shelf, put: PageRecord[], remove: string[]): void {
    shelf.stored = shelf.pages.reduce((n, p) => n + p.count, 0);
    if (shelf.stored > 2 * shelf.live + COMPACT_PAGE) return this.rewrite(name, shelf, put, remove);
    let tail = 0;
    while (tail < shelf.pages.length && (shelf.pages[shelf.pages.length - 1 - tail] as Page).count < SMALL_PAGE) tail++;
    if (tail < TAIL_MERGE) return;
    const merged = shelf.pages.slice(shelf.pages.length - tail);
    // Dropping the tombstones is safe only when no earlier page can hold an older copy.
    this.merge(name, shelf, merged, merged.length === shelf.pages.length, put, remove);
  }

  private rewrite(name: PullCollection, shelf: Shelf, put: PageRecord[], remove: string[]): void {
    this.merge(name, shelf, [...shelf.pages], true, put, remove);
  }

  /** Replaces `pages` (the last ones of the shelf) by new pages holding their current documents. */
  private merge(name: PullCollection, shelf: Shelf, pages: Page[], dropTombstones: boolean, put: PageRecord[], remove: string[]): void {
    const merging = new Set(pages);
    const toSeq = Math.max(...pages.map((p) => p.toSeq));
    const moved: [string, Entry][] = [];
    for (const [id, entry] of shelf.docs) {
      if (!merging.has(entry.page)) continue;
      if (entry.doc._deleted === true && dropTombstones) shelf.docs.delete(id);
      else moved.push([id, entry]);
    }
    const writtenHere = new Set(put.map((r) => r.id));
    for (const p of pages) {
      if (writtenHere.has(p.id)) {
        // Never stored: just not written.
        put.splice(put.findIndex((r) => r.id === p.id), 1);
      } else remove.push(p.id);
    }
    shelf.pages = shelf.pages.filter((p) => !merging.has(p));
    for (let i = 0; i < moved.length || (i === 0 && moved.length === 0); i += COMPACT_PAGE) {
      const chunk = moved.slice(i, i + COMPACT_PAGE);
      const r = this.record(name, chunk.map(([, e]) => e.doc), toSeq);
      put.push(r);
      // An empty collection keeps one empty page: its checkpoint.
      const page: Page = { id: r.id, toSeq, count: chunk.length, latest: chunk.length };
      shelf.pages.push(page);
      for (const [, entry] of chunk) entry.page = page;
    }
    shelf.stored = shelf.pages.reduce((n, p) => n + p.count, 0);
  }
}
