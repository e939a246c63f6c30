import type { PageRecord, PageStorage } from '../../../renderer/replica/page-store';

/** The page store's storage contract in memory: one write is all-or-nothing, like one IndexedDB transaction. */
export function memoryPages(log: string[] = []) {
  const records = new Map<string, PageRecord>();
  let failNext: Error | null = null;
  const storage: PageStorage = {
    readAll: async () => [...records.values()].map((r) => ({ ...r })),
    write: async (put, remove) => {
      if (failNext) {
        const err = failNext;
        failNext = null;
        throw err;
      }
      for (const id of remove) records.delete(id);
      for (const r of put) records.set(r.id, { ...r });
      log.push(`write ${put.map((r) => `${r.collection}:${r.count}@${r.toSeq}`).join(' ')}${remove.length > 0 ? ` -${remove.length}` : ''}`);
    },
  };
  return {
    storage,
    records,
    failNextWrite(err: Error) {
      failNext = err;
    },
  };
}
