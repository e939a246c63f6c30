import type { DeviceEvent } from '../../shared/schemas/events';

/** Where a scan's event is made durable first (IndexedDB in the app, memory in unit tests). */
export interface Journal {
  put(event: DeviceEvent): Promise<void>;
  all(): Promise<DeviceEvent[]>;
  remove(ids: readonly string[]): Promise<void>;
}

const STORE = 'events';

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A full disk aborts the transaction with a QuotaExceededError: passed on as is.
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new DOMException('Transaction failed', 'UnknownError'));
  });
}

/**
 * The scan journal: a write-ahead log of device events in an IndexedDB
 * database of its own. A scan is confirmed once its event is here (one put,
 * one strict-durability transaction: flushed to disk, the floor any
 * IndexedDB write pays); RxDB's `events` collection, which the push
 * replication reads, gets it a moment later, and an event is dropped from
 * the journal only once RxDB holds it. At start-up whatever the journal
 * still holds (the tab died in between) is moved over first.
 */
export async function openScanJournal(name: string): Promise<Journal> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(`${name}-scan-journal`, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('Could not open the scan journal'));
  });
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
  return {
    async put(event) {
      const t = tx('readwrite');
      t.objectStore(STORE).put(event);
      await done(t);
    },
    async all() {
      const t = tx('readonly');
      const req = t.objectStore(STORE).getAll();
      await done(t);
      return req.result as DeviceEvent[];
    },
    async remove(ids) {
      if (ids.length === 0) return;
      const t = tx('readwrite');
      const store = t.objectStore(STORE);
      for (const id of ids) store.delete(id);
      await done(t);
    },
  };
}
