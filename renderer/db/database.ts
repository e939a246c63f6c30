import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { PullCollection } from '../../shared/schemas/docs';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { PulledDocs } from './doc-schemas';
import { EVENTS_SCHEMA, PULLED_SCHEMAS, type Stored } from './rx-schemas';

export type { PulledDocs };

export type ReplicaCollections = { [K in PullCollection]: RxCollection<Stored<PulledDocs[K]>> } & {
  events: RxCollection<DeviceEvent>;
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
  const pulled = Object.fromEntries(Object.entries(PULLED_SCHEMAS).map(([name, schema]) => [name, { schema }]));
  await db.addCollections({ ...pulled, events: { schema: EVENTS_SCHEMA } } as Parameters<typeof db.addCollections>[0]);
  return db;
}
