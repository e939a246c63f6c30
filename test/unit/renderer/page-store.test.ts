import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PULL_COLLECTIONS, type PullCollection } from '../../../shared/schemas/docs';
import { PageStore, type PulledDoc } from '../../../renderer/replica/page-store';
import { memoryPages } from './memory-pages';

const SCHEMAS = Object.fromEntries(PULL_COLLECTIONS.map((n) => [n, 'v1'])) as Record<PullCollection, string>;

async function open(pages: ReturnType<typeof memoryPages>, schemas = SCHEMAS, device = 'device-1') {
  const store = await PageStore.open(pages.storage, schemas);
  await store.bindTo(device);
  return store;
}

const currentOf = (store: PageStore, name: PullCollection) =>
  Object.fromEntries([...store.current(name)].map((d) => [d.id, d.v]).sort(([a], [b]) => String(a).localeCompare(String(b))));

/** One pulled page: documents with ids from a small pool (so updates and deletes happen), in seq order. */
const pageArb = fc.array(fc.record({ id: fc.integer({ min: 0, max: 60 }), v: fc.integer({ min: 0, max: 9 }), del: fc.boolean() }), { minLength: 1, maxLength: 40 });

describe('page store', () => {
  it('always holds exactly the newest version of every document, across reopenings, with a bounded number of pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(pageArb, fc.boolean()), { minLength: 1, maxLength: 60 }), async (script) => {
        const pages = memoryPages();
        let store = await open(pages);
        const model = new Map<string, number>();
        let seq = 0;
        for (const [page, reopen] of script) {
          // The server sends one version of a document per page (its newest).
          const byId = new Map<string, PulledDoc>();
          for (const d of page) byId.set(`d${d.id}`, { id: `d${d.id}`, v: d.v, seq: ++seq, _deleted: d.del });
          const docs = [...byId.values()];
          await store.append('balances', docs, seq);
          for (const d of docs) {
            if (d._deleted === true) model.delete(d.id);
            else model.set(d.id, d.v as number);
          }
          if (reopen) store = await open(pages);
          const expected = Object.fromEntries([...model].sort(([a], [b]) => a.localeCompare(b)));
          expect(currentOf(store, 'balances')).toEqual(expected);
          expect(await store.checkpoint('balances')).toBe(seq);
        }
        // Small pages are merged and superseded ones dropped: never a page per write.
        const reopened = await open(pages);
        expect(currentOf(reopened, 'balances')).toEqual(Object.fromEntries([...model].sort(([a], [b]) => a.localeCompare(b))));
        expect(pages.records.size).toBeLessThanOrEqual(9);
      }),
      { numRuns: 150 },
    );
  });

  it('live sync (a small page per scan) stays a handful of pages, and superseded copies are compacted away', async () => {
    const pages = memoryPages();
    const store = await open(pages);
    const big = Array.from({ length: 5000 }, (_, i) => ({ id: `b${i}`, seq: i + 1, qty: 1 }));
    await store.append('balances', big, 5000);
    let seq = 5000;
    for (let round = 0; round < 3000; round++) {
      const docs = [{ id: `b${round % 5000}`, seq: ++seq, qty: round }, { id: `b${(round * 7) % 5000}`, seq: ++seq, qty: round }];
      await store.append('balances', docs, seq);
    }
    expect(store.stats('balances').live).toBe(5000);
    // 3,000 writes: a few merged pages of ~1,000, a short tail of small ones, the big first page.
    expect(pages.records.size).toBeLessThanOrEqual(20);
    // Stored copies stay within twice the live documents plus a page.
    expect(store.stats('balances').stored).toBeLessThanOrEqual(2 * 5000 + 5000);
    const reopened = await open(pages);
    expect([...reopened.current('balances')].find((d) => d.id === 'b2999')?.qty).toBe(2999);
  });

  it('a deletion stays deleted after small pages are merged, while an older copy still sits in a big page', async () => {
    const pages = memoryPages();
    const store = await open(pages);
    await store.append('locations', Array.from({ length: 1500 }, (_, i) => ({ id: `l${i}`, seq: i + 1 })), 1500);
    await store.append('locations', [{ id: 'l7', seq: 1501, _deleted: true }], 1501);
    for (let i = 0; i < 10; i++) await store.append('locations', [{ id: `l${100 + i}`, seq: 1502 + i }], 1502 + i);
    const reopened = await open(pages);
    expect(reopened.stats('locations').live).toBe(1499);
    expect([...reopened.current('locations')].some((d) => d.id === 'l7')).toBe(false);
  });

  it('drops a collection whose document schema changed, so it is pulled again; other collections and their checkpoints stay', async () => {
    const pages = memoryPages();
    const store = await open(pages);
    await store.append('items', [{ id: 'i1', seq: 3 }], 3);
    await store.append('pick_tasks', [{ id: 't1', seq: 4 }], 4);
    const upgraded = await open(pages, { ...SCHEMAS, pick_tasks: 'v2' });
    expect(await upgraded.checkpoint('pick_tasks')).toBeNull();
    expect([...upgraded.current('pick_tasks')]).toEqual([]);
    expect(await upgraded.checkpoint('items')).toBe(3);
    expect([...pages.records.values()].map((r) => r.collection)).toEqual(['items']);
  });

  it('forgets what another enrolment of the device pulled, keeps its own for a resumed download', async () => {
    const pages = memoryPages();
    const first = await open(pages, SCHEMAS, 'device-1');
    await first.append('locations', [{ id: 'l1', seq: 9 }], 9);
    const same = await open(pages, SCHEMAS, 'device-1');
    expect(await same.checkpoint('locations')).toBe(9);
    const store = await PageStore.open(pages.storage, SCHEMAS);
    expect(await store.bindTo('device-2')).toBe(true);
    expect(await store.checkpoint('locations')).toBeNull();
    expect([...store.current('locations')]).toEqual([]);
    expect(pages.records.size).toBe(0);
  });

  it('a failed write leaves storage as it was and the store consistent with it', async () => {
    const pages = memoryPages();
    const store = await open(pages);
    await store.append('items', [{ id: 'a', seq: 1, v: 1 }], 1);
    pages.failNextWrite(new Error('QuotaExceededError'));
    await expect(store.append('items', [{ id: 'a', seq: 2, v: 2 }, { id: 'b', seq: 3, v: 1 }], 3)).rejects.toThrow('QuotaExceededError');
    expect(await store.checkpoint('items')).toBe(1);
    expect([...store.current('items')].map((d) => d.v)).toEqual([1]);
    await store.append('items', [{ id: 'a', seq: 2, v: 2 }], 2);
    expect(currentOf(await open(pages), 'items')).toEqual({ a: 2 });
  });
});
