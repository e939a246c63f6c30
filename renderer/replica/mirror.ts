import type { Subscription } from 'rxjs';
import { PULL_COLLECTIONS, type PullCollection } from '../../shared/schemas/docs';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { ReplicaDb } from '../db/database';
import type { PulledDocs } from '../db/doc-schemas';
import type { Stored } from '../db/rx-schemas';
import type { PageStore, PulledDoc } from './page-store';
import { ScanIndex } from './scan-index';

export type MirrorName = PullCollection | 'events';
export type MirrorDocs = { [K in PullCollection]: Map<string, Stored<PulledDocs[K]>> } & { events: Map<string, DeviceEvent> };

type AnyDoc = { id: string };
type ChangeListener = (changed: ReadonlySet<MirrorName>) => void;

/**
 * The whole replica in memory, plus the scan index over it. Loaded once
 * from IndexedDB at start-up and kept current by the puller (pulled pages,
 * once stored) and RxDB's change stream (the device's own events),
 * so screens and the scan path read plain Maps. RxDB's own documents are
 * never mutated here; the optimistic view copies what it changes.
 */
export class ReplicaMirror {
  readonly docs = Object.fromEntries([...PULL_COLLECTIONS, 'events'].map((n) => [n, new Map()])) as unknown as MirrorDocs;
  readonly index = new ScanIndex();
  private readonly listeners = new Set<ChangeListener>();
  private readonly subs: Subscription[] = [];
  private changed = new Set<MirrorName>();
  private scheduled = false;

  /** The stored replica: pulled documents from the page store, the device's events from RxDB. */
  async load(db: ReplicaDb, pages: PageStore): Promise<void> {
    for (const name of PULL_COLLECTIONS) for (const doc of pages.current(name)) this.put(name, doc.id, doc);
    await this.loadEvents(db);
  }

  /** Pulled documents just stored (tombstones remove). */
  applyPulled(name: PullCollection, docs: readonly PulledDoc[]): void {
    for (const doc of docs) this.put(name, doc.id, doc._deleted === true ? null : doc);
  }

  /** Forgets every pulled document (the device was enrolled afresh). */
  clearPulled(): void {
    for (const name of PULL_COLLECTIONS) for (const id of [...this.docs[name].keys()]) this.put(name, id, null);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const s of this.subs) s.unsubscribe();
    this.subs.length = 0;
  }

  /** Applies one document (or its removal); exposed for tests that build a mirror by hand. */
  put(name: MirrorName, id: string, doc: AnyDoc | null): void {
    const map = this.docs[name] as Map<string, AnyDoc>;
    const prev = map.get(id);
    if (doc) map.set(id, doc);
    else map.delete(id);
    this.indexChange(name, prev, doc ?? undefined);
    this.changed.add(name);
    if (!this.scheduled) {
      this.scheduled = true;
      // In a task of its own: a scan's flash (right after its event is stored) comes first.
      setTimeout(() => this.emit(), 0);
    }
  }

  /** Listeners hear about changes at once, batched per task (a pulled page is thousands of puts). */
  flush(): void {
    this.emit();
  }

  private emit(): void {
    this.scheduled = false;
    if (this.changed.size === 0) return;
    const changed = this.changed;
    this.changed = new Set();
    for (const l of this.listeners) l(changed);
  }

  private indexChange(name: MirrorName, prev: AnyDoc | undefined, next: AnyDoc | undefined): void {
    type D<K extends PullCollection> = Stored<PulledDocs[K]> | undefined;
    if (name === 'items') this.index.onItem(prev as D<'items'>, next as D<'items'>);
    else if (name === 'locations') this.index.onLocation(prev as D<'locations'>, next as D<'locations'>);
    else if (name === 'purchase_orders') this.index.onPurchaseOrder(prev as D<'purchase_orders'>, next as D<'purchase_orders'>);
    else if (name === 'asns') this.index.onAsn(prev as D<'asns'>, next as D<'asns'>);
  }

  private async loadEvents(db: ReplicaDb): Promise<void> {
    const name = 'events';
    const collection = db.collections.events;
    // Subscribe first, apply after the initial read: nothing written meanwhile is missed.
    let buffered: { id: string; doc: AnyDoc | null }[] | null = [];
    this.subs.push(
      collection.eventBulks$.subscribe((bulk) => {
        for (const ev of bulk.events) {
          const doc = ev.operation === 'DELETE' || ev.documentData._deleted ? null : (ev.documentData as unknown as AnyDoc);
          if (buffered) buffered.push({ id: ev.documentId, doc });
          else this.put(name, ev.documentId, doc);
        }
      }),
    );
    const query = collection.find().getPreparedQuery();
    const { documents } = await collection.storageInstance.query(query);
    for (const doc of documents) if (!doc._deleted) this.put(name, (doc as unknown as AnyDoc).id, doc as unknown as AnyDoc);
    const pending = buffered;
    buffered = null;
    for (const { id, doc } of pending) this.put(name, id, doc);
  }
}
