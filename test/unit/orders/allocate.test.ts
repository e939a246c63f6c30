import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOrder, atp, type ItemStock, type StockMap } from '../../../shared/domain/orders/allocate';
import { planWaves, type WaveOrder } from '../../../shared/domain/orders/waves';

const slot = (locationId: string, qty: number, pathSeq: number, expiry: string | null = null, zone = 'A') => ({ locationId, zone, pathSeq, lot: expiry ? `L-${expiry}` : null, expiry, qty });
const stockOf = (entries: Record<string, Record<string, ItemStock>>): StockMap =>
  new Map(Object.entries(entries).map(([wh, items]) => [wh, new Map(Object.entries(items))]));

describe('atp', () => {
  const s: ItemStock = { slots: [slot('b1', 6, 1), slot('b2', 4, 2)], safetyStock: 2, reserves: { amazon: 3 } };
  it.each([
    { channel: 'shopify', out: 5 },
    { channel: 'amazon', out: 8 },
  ])('$channel sees $out', ({ channel, out }) => expect(atp(s, channel)).toBe(out));
  it('is never negative', () => expect(atp({ slots: [slot('b', 1, 1)], safetyStock: 5, reserves: {} }, 'x')).toBe(0));
});

describe('allocateOrder', () => {
  it('prefers one warehouse that can ship the whole order, in priority order', () => {
    const stock = stockOf({ WH1: { a: { slots: [slot('w1a', 5, 1)], safetyStock: 0, reserves: {} } }, WH2: { a: { slots: [slot('w2a', 9, 1)], safetyStock: 0, reserves: {} }, b: { slots: [slot('w2b', 9, 2)], safetyStock: 0, reserves: {} } } });
    const out = allocateOrder([{ lineNo: 1, itemId: 'a', qty: 3 }, { lineNo: 2, itemId: 'b', qty: 1 }], 'web', stock, ['WH1', 'WH2'], 'split');
    expect(out.backorders).toEqual([]);
    expect(new Set(out.reservations.map((r) => r.warehouseId))).toEqual(new Set(['WH2']));
  });

  it('splits across warehouses when allowed, and backorders the rest', () => {
    const stock = stockOf({ WH1: { a: { slots: [slot('w1a', 2, 1)], safetyStock: 0, reserves: {} } }, WH2: { a: { slots: [slot('w2a', 3, 1)], safetyStock: 0, reserves: {} } } });
    const out = allocateOrder([{ lineNo: 1, itemId: 'a', qty: 7 }], 'web', stock, ['WH1', 'WH2'], 'split');
    expect(out.reservations.map((r) => [r.warehouseId, r.qty])).toEqual([['WH1', 2], ['WH2', 3]]);
    expect(out.backorders).toEqual([{ lineNo: 1, itemId: 'a', qty: 2 }]);
  });

  it('ship-complete backorders rather than split', () => {
    const stock = stockOf({ WH1: { a: { slots: [slot('w1a', 2, 1)], safetyStock: 0, reserves: {} } }, WH2: { a: { slots: [slot('w2a', 3, 1)], safetyStock: 0, reserves: {} } } });
    const out = allocateOrder([{ lineNo: 1, itemId: 'a', qty: 4 }], 'web', stock, ['WH1', 'WH2'], 'ship_complete');
    expect(out.reservations).toEqual([]);
    expect(out.backorders).toEqual([{ lineNo: 1, itemId: 'a', qty: 4 }]);
  });

  it('takes the earliest expiry first (FEFO), then along the path', () => {
    const stock = stockOf({ WH1: { a: { slots: [slot('late', 5, 1, '2028-01-01'), slot('none', 5, 0), slot('soon', 2, 9, '2027-01-01')], safetyStock: 0, reserves: {} } } });
    const out = allocateOrder([{ lineNo: 1, itemId: 'a', qty: 4 }], 'web', stock, ['WH1'], 'split');
    expect(out.reservations.map((r) => [r.locationId, r.qty])).toEqual([['soon', 2], ['late', 2]]);
  });

  it('keeps a channel from taking units reserved for another', () => {
    const stock = stockOf({ WH1: { a: { slots: [slot('b', 5, 1)], safetyStock: 0, reserves: { amazon: 3 } } } });
    const web = allocateOrder([{ lineNo: 1, itemId: 'a', qty: 5 }], 'web', stock, ['WH1'], 'split');
    expect(web.reservations.reduce((s, r) => s + r.qty, 0)).toBe(2);
    const amazon = allocateOrder([{ lineNo: 1, itemId: 'a', qty: 5 }], 'amazon', stock, ['WH1'], 'split');
    expect(amazon.reservations.reduce((s, r) => s + r.qty, 0)).toBe(3);
  });

  it('never allocates more than ATP, and every unit is either reserved or backordered (property)', () => {
    const slotArb = fc.record({ qty: fc.integer({ min: 0, max: 20 }), pathSeq: fc.integer({ min: 0, max: 100 }), expiry: fc.option(fc.constantFrom('2027-01-01', '2027-06-01'), { nil: null }) });
    const itemStockArb = fc.record({ slots: fc.array(slotArb, { maxLength: 4 }), safetyStock: fc.integer({ min: 0, max: 10 }), amazon: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(
        fc.record({ WH1: fc.dictionary(fc.constantFrom('a', 'b', 'c'), itemStockArb), WH2: fc.dictionary(fc.constantFrom('a', 'b', 'c'), itemStockArb) }),
        fc.array(fc.record({ itemId: fc.constantFrom('a', 'b', 'c'), qty: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('web', 'amazon'),
        fc.constantFrom('split' as const, 'ship_complete' as const),
        (raw, demand, channel, policy) => {
          const stock: StockMap = new Map(
            Object.entries(raw).map(([wh, items]) => [
              wh,
              new Map(Object.entries(items).map(([item, s]) => [item, { slots: s.slots.map((x, i) => slot(`${wh}-${item}-${i}`, x.qty, x.pathSeq, x.expiry)), safetyStock: s.safetyStock, reserves: { amazon: s.amazon } }])),
            ]),
          );
          const before = new Map<string, number>([...stock].flatMap(([wh, items]) => [...items].map(([item, s]): [string, number] => [`${wh}|${item}`, atp(s, channel)])));
          const lines = demand.map((d, i) => ({ lineNo: i + 1, ...d }));
          const out = allocateOrder(lines, channel, stock, ['WH1', 'WH2'], policy);
          const taken = new Map<string, number>();
          for (const r of out.reservations) taken.set(`${r.warehouseId}|${r.itemId}`, (taken.get(`${r.warehouseId}|${r.itemId}`) ?? 0) + r.qty);
          for (const [key, q] of taken) expect(q).toBeLessThanOrEqual(before.get(key) ?? 0);
          for (const l of lines) {
            const reserved = out.reservations.filter((r) => r.lineNo === l.lineNo).reduce((s, r) => s + r.qty, 0);
            const back = out.backorders.filter((b) => b.lineNo === l.lineNo).reduce((s, b) => s + b.qty, 0);
            expect(reserved + back).toBe(l.qty);
          }
          for (const items of stock.values()) for (const s of items.values()) for (const x of s.slots) expect(x.qty).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planWaves', () => {
  const order = (orderId: string, cutoff: string, zone: string, paths: number[]): WaveOrder => ({
    orderId,
    cutoff,
    carrier: 'UPS',
    reservations: paths.map((p, i) => ({ ref: `${orderId}-${i}`, lineNo: i + 1, itemId: `i${p}`, locationId: `loc${p}`, zone, pathSeq: p, lot: null, qty: 1 })),
  });

  it('groups by cut-off and zone, earliest cut-off first', () => {
    const waves = planWaves([order('o1', '2026-11-20T16:00:00Z', 'B', [5]), order('o2', '2026-11-20T14:00:00Z', 'A', [3]), order('o3', '2026-11-20T16:00:00Z', 'B', [1])]);
    expect(waves.map((w) => [w.cutoff.slice(11, 16), w.zone, w.orderIds])).toEqual([
      ['14:00', 'A', ['o2']],
      ['16:00', 'B', ['o1', 'o3']],
    ]);
  });

  it('pick lists are monotonic in path sequence (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cut: fc.constantFrom('2026-11-20T14:00:00Z', '2026-11-20T16:00:00Z'), zone: fc.constantFrom('A', 'B'), paths: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }) }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (specs, max) => {
          const orders = specs.map((s, i) => order(`o${i}`, s.cut, s.zone, s.paths));
          const waves = planWaves(orders, max);
          for (const w of waves) {
            expect(w.orderIds.length).toBeLessThanOrEqual(max);
            w.tasks.forEach((t, i) => {
              expect(t.sequence).toBe(i);
              if (i > 0) expect(t.pathSeq).toBeGreaterThanOrEqual(w.tasks[i - 1]?.pathSeq ?? 0);
            });
          }
          expect(waves.flatMap((w) => w.orderIds).sort()).toEqual(orders.map((o) => o.orderId).sort());
        },
      ),
    );
  });
});
