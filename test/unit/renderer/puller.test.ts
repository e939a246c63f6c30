import { describe, expect, it } from 'vitest';
import type { PullCollection } from '../../../shared/schemas/docs';
import type { ReplicaDb } from '../../../renderer/db/database';
import type { PulledPage } from '../../../renderer/sync/handlers';
import { startPuller, type PullerOptions } from '../../../renderer/sync/puller';

type Doc = { id: string; _deleted: boolean; _rev: string; n?: number } & Record<string, unknown>;
type Row = { previous?: Doc; document: Doc };

/** RxDB's storage contract as far as the puller uses it: a write of a stored id needs its current revision as `previous`. */
function fakeStorage(log: string[], name: string) {
  const docs = new Map<string, Doc>();
  let rev = 0;
  return {
    docs,
    findDocumentsById: async (ids: string[]) => ids.flatMap((id) => (docs.has(id) ? [docs.get(id) as Doc] : [])),
    bulkWrite: async (rows: Row[]) => {
      const error: { status: number; documentId: string; documentInDb?: Doc; writeRow: Row }[] = [];
      for (const row of rows) {
        const inDb = docs.get(row.document.id);
        if (inDb && row.previous?._rev !== inDb._rev) error.push({ status: 409, documentId: row.document.id, documentInDb: inDb, writeRow: row });
        else docs.set(row.document.id, { ...row.document, _rev: `${++rev}` });
      }
      log.push(`write ${name} ${rows.length - error.length}`);
      return { error };
    },
  };
}

function fakeDb(names: PullCollection[], log: string[]) {
  const locals = new Map<string, unknown>();
  const storages = Object.fromEntries(names.map((n) => [n, fakeStorage(log, n)]));
  const db = {
    collections: Object.fromEntries(names.map((n) => [n, { storageInstance: storages[n] }])),
    getLocal: async (key: string) => (locals.has(key) ? { toJSON: () => ({ data: locals.get(key) }) } : null),
    upsertLocal: async (key: string, data: unknown) => {
      log.push(`checkpoint ${JSON.stringify(data)}`);
      locals.set(key, structuredClone(data));
    },
  };
  return { db: db as unknown as ReplicaDb, storages, locals };
}

/** A server holding docs per collection with increasing seq. */
function fakeServer(rows: Record<string, { id: string; seq: number; n?: number; _deleted?: boolean }[]>) {
  const asked: string[] = [];
  const fetchPage = async (name: PullCollection, seq: number | null, limit: number, withRemaining: boolean): Promise<PulledPage> => {
    asked.push(`${name}>${seq ?? ''}`);
    const after = (rows[name] ?? []).filter((r) => r.seq > (seq ?? 0)).sort((a, b) => a.seq - b.seq);
    const page = after.slice(0, limit);
    const last = page[page.length - 1];
    return {
      documents: page.map(({ id, n, _deleted }) => ({ id, n, _deleted: _deleted ?? false })),
      checkpoint: { seq: last ? last.seq : (seq ?? 0) },
      ...(withRemaining ? { remaining: after.length - page.length } : {}),
    };
  };
  return { fetchPage, asked, rows };
}

function options(fetchPage: PullerOptions['fetchPage'], events: string[]): PullerOptions {
  return {
    deviceId: 'device-1',
    fetchPage,
    received: (name, n) => events.push(`received ${name} ${n}`),
    remaining: (n) => events.push(`expected ${n}`),
    initialPullDone: (name) => events.push(`done ${name}`),
    activity: (a) => events.push(a ? 'active' : 'idle'),
    error: (err) => events.push(`error ${String(err)}`),
  };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('puller', () => {
  it('downloads every collection in pages of 5000, storing each checkpoint only after its documents', async () => {
    const names: PullCollection[] = ['warehouses', 'items'];
    const log: string[] = [];
    const events: string[] = [];
    const { db, storages } = fakeDb(names, log);
    const items = Array.from({ length: 12_001 }, (_, i) => ({ id: `i${i}`, seq: 10 + i }));
    const server = fakeServer({ warehouses: [{ id: 'w1', seq: 1 }], items });
    const puller = startPuller(db, names, options(server.fetchPage, events));
    await puller.initialPull;
    expect(storages.items?.docs.size).toBe(12_001);
    expect(events).toContain('expected 12002');
    expect(events.filter((e) => e.startsWith('done'))).toEqual(['done warehouses', 'done items']);
    // Every checkpoint write follows the write of the documents it covers.
    expect(log).toEqual([
      'write warehouses 1',
      'checkpoint {"seqs":{"warehouses":1}}',
      'write items 5000',
      'checkpoint {"seqs":{"warehouses":1,"items":5009}}',
      'write items 5000',
      'checkpoint {"seqs":{"warehouses":1,"items":10009}}',
      'write items 2001',
      'checkpoint {"seqs":{"warehouses":1,"items":12010}}',
    ]);
    await puller.stop();
  });

  it('pulls only what is new on a resync, overwrites stored revisions and stores tombstones', async () => {
    const names: PullCollection[] = ['items'];
    const log: string[] = [];
    const events: string[] = [];
    const { db, storages } = fakeDb(names, log);
    const server = fakeServer({ items: [{ id: 'a', seq: 1, n: 1 }, { id: 'b', seq: 2 }] });
    const puller = startPuller(db, names, options(server.fetchPage, events));
    await puller.initialPull;
    await until(() => events[events.length - 1] === 'idle');
    server.rows.items = [{ id: 'b', seq: 2 }, { id: 'a', seq: 3, n: 2 }, { id: 'c', seq: 4, _deleted: true }];
    puller.resync();
    await until(() => storages.items?.docs.get('a')?.n === 2 && events[events.length - 1] === 'idle');
    expect(server.asked).toEqual(['items>', 'items>2']);
    expect(storages.items?.docs.get('c')?._deleted).toBe(true);
    expect(log[log.length - 1]).toBe('checkpoint {"seqs":{"items":4}}');
    await puller.stop();
  });

  it('resumes an interrupted first download from the stored checkpoint, over documents already stored', async () => {
    const names: PullCollection[] = ['items'];
    const log: string[] = [];
    const { db, storages, locals } = fakeDb(names, log);
    // A page was written, its checkpoint not: the rewrite meets stored revisions.
    locals.set('pull-checkpoints:device-1', { seqs: { items: 1 } });
    await storages.items?.bulkWrite([{ document: { id: 'b', _deleted: false, _rev: '' } }]);
    const server = fakeServer({ items: [{ id: 'a', seq: 1 }, { id: 'b', seq: 2, n: 7 }, { id: 'c', seq: 3 }] });
    const puller = startPuller(db, names, options(server.fetchPage, []));
    await puller.initialPull;
    expect(server.asked).toEqual(['items>1']);
    expect(storages.items?.docs.get('b')?.n).toBe(7);
    expect(storages.items?.docs.size).toBe(2);
    await puller.stop();
  });

  it('retries after a failed page without advancing past it', async () => {
    const names: PullCollection[] = ['items'];
    const log: string[] = [];
    const events: string[] = [];
    const { db, storages } = fakeDb(names, log);
    const server = fakeServer({ items: [{ id: 'a', seq: 1 }] });
    let fail = true;
    const fetchPage: PullerOptions['fetchPage'] = (...args) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('offline'));
      }
      return server.fetchPage(...args);
    };
    const puller = startPuller(db, names, options(fetchPage, events));
    await until(() => events.some((e) => e.startsWith('error')));
    expect(storages.items?.docs.size).toBe(0);
    puller.resync();
    await puller.initialPull;
    expect(storages.items?.docs.size).toBe(1);
    await puller.stop();
  });
});
