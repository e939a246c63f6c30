import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxDocumentData } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { PageRecord, PageStorage } from '../replica/page-store';
import type { PulledDocs } from './doc-schemas';
import { EVENTS_SCHEMA, PAGES_SCHEMA, type PageDoc } from './rx-schemas';

export type { PulledDocs };

export type ReplicaCollections = {
  events: RxCollection<DeviceEvent>;
  /** Every pulled (server-owned) collection, a page of documents per record. */
  replica_pages: RxCollection<PageDoc>;
};
export type ReplicaDb = RxDatabase<ReplicaCollections>;

let pluginsAdded = false;

/**
 * The local replica: IndexedDB through Dexie with strict durability, so a
 * write resolves only once it is flushed to disk (Chrome's default has been
 * "relaxed" since v121, which can lose a confirmed scan on power loss).
 */
export async function openReplicaDb(name = 'dockscan'): Promise<ReplicaDb> {
  if (!pluginsAdded) {
    addRxPlugin(RxDBLocalDocumentsPlugin);
    pluginsAdded = true;
  }
  const db = await createRxDatabase<ReplicaCollections>({
    name,
    storage: getRxStorageDexie({ chromeTransactionDurability: 'strict' }),
    // One tab per device: no cross-tab leader election needed (and none to wait for before syncing).
    multiInstance: false,
    localDocuments: true,
    closeDuplicates: true,
  });
  await db.addCollections({ events: { schema: EVENTS_SCHEMA }, replica_pages: { schema: PAGES_SCHEMA } });
  return db;
}

type StoredPage = RxDocumentData<PageDoc>;
/** Removed pages (body-less tombstones) allowed to pile up before they are purged. */
const CLEANUP_AFTER = 200;
const CLEANUP_IDLE_MS = 30_000;

/**
 * The pages collection as the page store's storage, written below RxDB's
 * document layer (no RxDocument per page, no change events: the puller
 * feeds the in-memory mirror itself). One bulk write is one transaction.
 */
export function pageStorage(db: ReplicaDb): PageStorage {
  const collection = db.collections.replica_pages;
  const storage = collection.storageInstance;
  let removed = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    async readAll() {
      const { documents } = await storage.query(collection.find().getPreparedQuery());
      return documents.map(({ id, collection: c, scope, schema, toSeq, count, body }) => ({ id, collection: c, scope, schema, toSeq, count, body }));
    },
    async write(put: PageRecord[], remove: readonly string[]) {
      const current = remove.length > 0 ? await storage.findDocumentsById([...remove], false) : [];
      const rows = [
        ...put.map((page) => ({ document: { ...page, _deleted: false, _attachments: {}, _meta: { lwt: 0 }, _rev: '' } as StoredPage })),
        // Removed pages keep no body (RxDB keeps a tombstone until cleanup).
        ...current.map((previous) => ({ previous, document: { ...previous, body: '', _deleted: true } })),
      ];
      const res = await storage.bulkWrite(rows, 'dockscan-pages');
      if (res.error.length > 0) throw new Error(`Storing pulled pages failed: ${JSON.stringify(res.error[0])}`);
      // RxDB's cleanup reads every stored page to find the tombstones: only once enough have
      // piled up, and when pulls have been quiet for a while (not between two scans).
      removed += current.length;
      if (idleTimer !== null) clearTimeout(idleTimer);
      idleTimer =
        removed >= CLEANUP_AFTER
          ? setTimeout(() => {
              idleTimer = null;
              removed = 0;
              void storage.cleanup(0).catch(() => undefined);
            }, CLEANUP_IDLE_MS)
          : null;
    },
  };
}

/**
 * Writes device events into the `events` collection below RxDB's document
 * layer (one transaction, no RxDocument built); the storage's change stream
 * still tells the push replication and the mirror. An id already stored is
 * the same event (ids are UUIDv7, bodies immutable): not an error.
 */
export function eventWriter(db: ReplicaDb): (events: readonly DeviceEvent[]) => Promise<void> {
  const storage = db.collections.events.storageInstance;
  return async (events) => {
    const rows = events.map((e) => ({ document: { ...e, _deleted: false, _attachments: {}, _meta: { lwt: 0 }, _rev: '' } as RxDocumentData<DeviceEvent> }));
    const res = await storage.bulkWrite(rows, 'dockscan-scan');
    const failed = res.error.find((e) => e.status !== 409);
    if (failed) throw new Error(`Storing device events failed (${failed.status})`);
  };
}

/**
 * App versions before the page store kept every pulled collection in an
 * IndexedDB database of its own (one record per document: ~100 MB for a
 * big warehouse). Once the pages exist those are dead weight on a handheld:
 * deleted at start-up. The device's events were always in `events`, which
 * stays.
 */
export async function dropLegacyStores(name: string, collections: readonly string[]): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  const legacy = new Set(collections.map((c) => `rxdb-dexie-${name}--0--${c}`));
  const found = (await indexedDB.databases()).flatMap((d) => (d.name && legacy.has(d.name) ? [d.name] : []));
  await Promise.all(
    found.map(
      (db) =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase(db);
          // Blocked or failed: tried again at the next start.
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    ),
  );
  return found;
}
