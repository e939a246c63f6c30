import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { PULL_COLLECTIONS, type PullCollection } from '../../shared/schemas/docs';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { ReplicaDb } from '../db/database';
import type { PulledDocs } from '../db/doc-schemas';
import type { Stored } from '../db/rx-schemas';
import { ScanIndex } from './scan-index';

export type MirrorName = PullCollection | 'events';
export type MirrorDocs = { [K in PullCollection]: Map<string, Stored<PulledDocs[K]>> } & { events: Map<string, DeviceEvent> };

type AnyDoc = { id: string };
type ChangeListener = (changed: ReadonlySet<MirrorName>) => void;

/**
 * The whole replica in memory, plus the scan index over it. Loaded once
 * from IndexedDB at start-up and kept current from RxDB's change streams,
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

  async load(db: ReplicaDb): Promise<void> {
    await Promise.all([...PULL_COLLECTIONS, 'events' as const].map((name) => this.loadCollection(db, name)));
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
      queueMicrotask(() => this.emit());
    }
  }

  /** Listeners hear about changes at once, batched per microtask (a pulled page is thousands of puts). */
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

  private async loadCollection(db: ReplicaDb, name: MirrorName): Promise<void> {
    // One loader for every collection: typed per document only through MirrorDocs.
    const collection: RxCollection = db.collections[name];
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
