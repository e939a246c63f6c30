import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvents } from '../../../shared/domain/apply';
import { balancesFromMovements, type Movement } from '../../../shared/domain/ledger';
import type { DeviceEvent } from '../../../shared/schemas/events';
import { close, item, receiptId, scan, stateWith } from './fixtures';

const ITEMS = [item(1), item(2, { tracking: 'lot' }), item(3, { tracking: 'lot_expiry' })];

/** Receipt line scans: physical facts that commute (no serials, which are first-come by nature). */
const scanArb = fc.record({
  item: fc.constantFrom(1, 2, 3, 4),
  qty: fc.integer({ min: 1, max: 50 }),
  uom: fc.constantFrom('EA', 'CS'),
  lot: fc.option(fc.constantFrom('L1', 'L2'), { nil: null }),
  expiry: fc.option(fc.constantFrom('2027-03-01', '2028-01-31', '2026-01-01'), { nil: null }),
  condition: fc.constantFrom('good' as const, 'damaged' as const),
  receipt: fc.integer({ min: 1, max: 3 }),
});

const eventsArb = fc.array(scanArb, { minLength: 1, maxLength: 40 }).map((specs) =>
  specs.map((s, i) => scan(i + 1, { item: s.item, qty: s.qty, uom: s.uom, lot: s.lot, expiry: s.expiry, condition: s.condition, receiptId: receiptId(s.receipt) })),
);

function run(events: readonly DeviceEvent[]) {
  const state = stateWith(ITEMS, [{ item: 1, qty: 30 }]);
  const outcomes = applyEvents(state, events);
  const movements: Movement[] = [...outcomes.values()].flatMap((e) => e.movements);
  const balances = new Map([...state.balances].map(([k, b]) => [k, b.qty]));
  return { state, movements, balances };
}

describe('ledger properties', () => {
  it('the same set of scans in any order, with any duplicates, yields the same balances and valuation', () => {
    fc.assert(
      fc.property(
        eventsArb
          .chain((events) => fc.tuple(fc.constant(events), fc.array(fc.constantFrom(...events), { maxLength: 20 })))
          .chain(([events, dupes]) => {
            const all = [...events, ...dupes];
            return fc.tuple(fc.constant(events), fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }));
          }),
        ([events, reordered]) => {
          const a = run(events);
          const b = run(reordered);
          expect(Object.fromEntries(b.balances)).toEqual(Object.fromEntries(a.balances));
          expect(Object.fromEntries(b.state.valuations)).toEqual(Object.fromEntries(a.state.valuations));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('balances always equal the sum of movements, and valuation value the sum of movement values', () => {
    fc.assert(
      fc.property(eventsArb, fc.integer({ min: 0, max: 40 }), (events, closeAt) => {
        // Closing a receipt mid-stream changes where later scans go (quarantine), never the arithmetic.
        const withClose = [...events.slice(0, closeAt), close(999, receiptId(1)), ...events.slice(closeAt)];
        const { state, movements, balances } = run(withClose);
        expect(Object.fromEntries(balances)).toEqual(Object.fromEntries(balancesFromMovements(movements)));
        const valueSum = movements.reduce((s, m) => s + m.value, 0);
        const valuationSum = [...state.valuations.values()].reduce((s, v) => s + v.value, 0);
        expect(valuationSum).toBe(valueSum);
        for (const m of movements) expect(Number.isInteger(m.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
