import { describe, expect, it } from 'vitest';
import { PULL_COLLECTIONS, type PullCollection } from '../../../shared/schemas/docs';
import { PageStore, type PulledDoc } from '../../../renderer/replica/page-store';
import type { PulledPage } from '../../../renderer/sync/handlers';
import { startPuller, type PullerOptions } from '../../../renderer/sync/puller';
import { memoryPages } from './memory-pages';

const SCHEMAS = Object.fromEntries(PULL_COLLECTIONS.map((n) => [n, 'v1'])) as Record<PullCollection, string>;

async function openStore(pages = memoryPages()) {
  const store = await PageStore.open(pages.storage, SCHEMAS);
  await store.bindTo('device-1');
  return store;
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
      documents: page.map(({ id, n, seq: s, _deleted }) => ({ id, n, seq: s, _deleted: _deleted ?? false })),
      checkpoint: { seq: last ? last.seq : (seq ?? 0) },
      ...(withRemaining ? { remaining: after.length - page.length } : {}),
    };
  };
  return { fetchPage, asked, rows };
}

function options(fetchPage: PullerOptions['fetchPage'], events: string[], mirror = new Map<string, PulledDoc>()): PullerOptions {
  return {
    fetchPage,
    stored: (name, docs) => {
      for (const d of docs) {
        if (d._deleted === true) mirror.delete(`${name}/${d.id}`);
        else mirror.set(`${name}/${d.id}`, d);
      }
      events.push(`stored ${name} ${docs.length}`);
    },
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

const current = (store: PageStore, name: PullCollection) => new Map([...store.current(name)].map((d) => [d.id, d]));

describe('puller', () => {
  it('downloads every collection in pages of 5000, one stored page (with its checkpoint) per pulled page', async () => {
    const names: PullCollection[] = ['warehouses', 'items'];
    const log: string[] = [];
    const events: string[] = [];
    const mirror = new Map<string, PulledDoc>();
    const pages = memoryPages(log);
    const store = await openStore(pages);
    const items = Array.from({ length: 12_001 }, (_, i) => ({ id: `i${i}`, seq: 10 + i }));
    const server = fakeServer({ warehouses: [{ id: 'w1', seq: 1 }], items });
    const puller = startPuller(store, names, options(server.fetchPage, events, mirror));
    await puller.initialPull;
    expect(current(store, 'items').size).toBe(12_001);
    expect(mirror.size).toBe(12_002);
    expect(events).toContain('expected 12002');
    expect(events.filter((e) => e.startsWith('done'))).toEqual(['done warehouses', 'done items']);
    expect(log).toEqual(['write warehouses:1@1', 'write items:5000@5009', 'write items:5000@10009', 'write items:2001@12010']);
    // A fresh start (the app reopened) resumes from what is stored: nothing is asked twice.
    const reopened = await openStore(pages);
    expect(await reopened.checkpoint('items')).toBe(12_010);
    expect(current(reopened, 'items').size).toBe(12_001);
    await puller.stop();
  });

  it('pulls only what is new on a resync, replaces updated documents and forgets deleted ones', async () => {
    const names: PullCollection[] = ['items'];
    const events: string[] = [];
    const mirror = new Map<string, PulledDoc>();
    const store = await openStore();
    const server = fakeServer({ items: [{ id: 'a', seq: 1, n: 1 }, { id: 'b', seq: 2 }, { id: 'c', seq: 3 }] });
    const puller = startPuller(store, names, options(server.fetchPage, events, mirror));
    await puller.initialPull;
    await until(() => events[events.length - 1] === 'idle');
    server.rows.items = [{ id: 'b', seq: 2 }, { id: 'a', seq: 4, n: 2 }, { id: 'c', seq: 5, _deleted: true }];
    puller.resync();
    await until(() => mirror.get('items/a')?.n === 2 && events[events.length - 1] === 'idle');
    expect(server.asked).toEqual(['items>', 'items>3']);
    expect(current(store, 'items').has('c')).toBe(false);
    expect(mirror.has('items/c')).toBe(false);
    expect(await store.checkpoint('items')).toBe(5);
    await puller.stop();
  });

  it('pulls only the collections a poke names, and everything when none are named', async () => {
    const names: PullCollection[] = ['items', 'balances', 'receipts'];
    const events: string[] = [];
    const store = await openStore();
    const server = fakeServer({ items: [{ id: 'a', seq: 1 }], balances: [{ id: 'b', seq: 2 }] });
    const puller = startPuller(store, names, options(server.fetchPage, events));
    await puller.initialPull;
    await until(() => events[events.length - 1] === 'idle');
    server.asked.length = 0;
    server.rows.balances = [{ id: 'b', seq: 3, n: 1 }];
    puller.resync(['balances']);
    await until(() => current(store, 'balances').get('b')?.n === 1 && events[events.length - 1] === 'idle');
    expect(server.asked).toEqual(['balances>2']);
    server.asked.length = 0;
    puller.resync();
    await until(() => server.asked.length === 3 && events[events.length - 1] === 'idle');
    expect(server.asked.sort()).toEqual(['balances>3', 'items>1', 'receipts>']);
    await puller.stop();
  });

  it('retries after a failed page without advancing past it', async () => {
    const names: PullCollection[] = ['items'];
    const events: string[] = [];
    const store = await openStore();
    const server = fakeServer({ items: [{ id: 'a', seq: 1 }] });
    let fail = true;
    const fetchPage: PullerOptions['fetchPage'] = (...args) => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('offline'));
      }
      return server.fetchPage(...args);
    };
    const puller = startPuller(store, names, options(fetchPage, events));
    await until(() => events.some((e) => e.startsWith('error')));
    expect(current(store, 'items').size).toBe(0);
    puller.resync();
    await puller.initialPull;
    expect(current(store, 'items').size).toBe(1);
    await puller.stop();
  });

  it('a failed write (disk full) stores nothing, tells the mirror nothing, and the retry stores the page', async () => {
    const names: PullCollection[] = ['items'];
    const events: string[] = [];
    const mirror = new Map<string, PulledDoc>();
    const pages = memoryPages();
    const store = await openStore(pages);
    pages.failNextWrite(new Error('QuotaExceededError'));
    const server = fakeServer({ items: [{ id: 'a', seq: 1 }] });
    const puller = startPuller(store, names, options(server.fetchPage, events, mirror));
    await until(() => events.some((e) => e.startsWith('error')));
    expect(pages.records.size).toBe(0);
    expect(mirror.size).toBe(0);
    expect(await store.checkpoint('items')).toBeNull();
    puller.resync();
    await puller.initialPull;
    expect(mirror.has('items/a')).toBe(true);
    expect(pages.records.size).toBe(1);
    await puller.stop();
  });
});
