import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvents, decide } from '../../../shared/domain/apply';
import { balanceKey } from '../../../shared/domain/ledger';
import { plateRefusal } from '../../../shared/domain/licence-plates';
import { suggestPlateBin } from '../../../shared/domain/putaway';
import type { LedgerState, PlateState } from '../../../shared/domain/state';
import type { DeviceEvent } from '../../../shared/schemas/events';
import { BIN, close, DEVICE, DOCK, eventId, item, itemId, receiptId, scan, stateWith, USER, WH } from './fixtures';

const OTHER_WH = '01900000-0000-7000-8000-0000000000f9';
const BIN2 = '01900000-0000-7000-8000-0000000000b2';
const LPN = 'LPN-1001';

function floorEvent<T extends 'lpn.closed' | 'putaway.lpn_moved' | 'putaway.moved'>(n: number, type: T, payload: Extract<DeviceEvent, { type: T }>['payload']): DeviceEvent {
  return { id: eventId(n), type, schemaVersion: 2, warehouseId: WH, deviceId: DEVICE, userId: USER, occurredAt: '2026-11-20T12:00:00.000Z', payload } as DeviceEvent;
}
const plateMove = (n: number, toLocationId = BIN, lpn = LPN) => floorEvent(n, 'putaway.lpn_moved', { lpn, toLocationId, suggestedLocationId: null, overrideReason: null });
const itemMove = (n: number, qty: number, itemNo = 1) =>
  floorEvent(n, 'putaway.moved', { itemId: itemId(itemNo), lot: null, qty, fromLocationId: DOCK, toLocationId: BIN, suggestedLocationId: null, overrideReason: null });

function floor(): LedgerState {
  const s = stateWith([item(1), item(2), item(3, { tracking: 'lot' })]);
  s.locations.set(BIN2, WH);
  return s;
}
const onHand = (s: LedgerState, locationId: string, n: number, status: 'available' | 'quarantine' = 'available', lot: string | null = null) =>
  s.balances.get(balanceKey({ warehouseId: WH, locationId, itemId: itemId(n), lot, status }))?.qty ?? 0;
const contents = (s: LedgerState, lpn = LPN) => (s.plates.get(lpn)?.contents ?? []).map((l) => [l.itemId, l.status, l.qty]);

describe('receiving onto a licence plate', () => {
  it('tags the movement with the plate and opens it at the dock; contents are the sum of the tagged movements', () => {
    const s = floor();
    applyEvents(s, [scan(1, { item: 1, qty: 4, lpn: LPN }), scan(2, { item: 2, qty: 2, lpn: LPN }), scan(3, { item: 1, qty: 1, lpn: LPN }), scan(4, { item: 1, qty: 5 })]);
    expect(s.plates.get(LPN)).toMatchObject({ status: 'open', locationId: DOCK, warehouseId: WH, receiptId: receiptId(1) });
    expect(contents(s)).toEqual([
      [itemId(1), 'available', 5],
      [itemId(2), 'available', 2],
    ]);
    // One ledger: the dock holds the plate's units and the loose ones.
    expect(onHand(s, DOCK, 1)).toBe(10);
  });

  it('keeps a line that is an exception for another reason on the plate (in quarantine: it is physically on the pallet)', () => {
    const s = floor();
    const effects = decide(s, scan(1, { item: 3, lpn: LPN }));
    expect(effects.reasons).toEqual(['lot_required']);
    expect(effects.movements[0]).toMatchObject({ status: 'quarantine', lpn: LPN });
  });

  const plate = (over: Partial<PlateState>): PlateState => ({ code: LPN, warehouseId: WH, locationId: DOCK, status: 'closed', receiptId: null, openedAt: '2026-11-19T08:00:00.000Z', contents: [], ...over });
  const line = { itemId: itemId(1), lot: null, expiry: null, status: 'available' as const, qty: 1 };
  it.each([
    { name: 'a new label', plate: undefined, refusal: null },
    { name: 'an open plate at this dock', plate: plate({ status: 'open', contents: [line] }), refusal: null },
    { name: 'a closed plate at this dock (loading resumes)', plate: plate({ contents: [line] }), refusal: null },
    { name: 'a plate of another warehouse', plate: plate({ warehouseId: OTHER_WH }), refusal: 'lpn_other_warehouse' },
    { name: 'a plate already put away into a bin', plate: plate({ status: 'put_away', locationId: BIN }), refusal: 'lpn_put_away' },
    { name: 'a plate holding stock at another location', plate: plate({ locationId: BIN2, contents: [line] }), refusal: 'lpn_other_location' },
    { name: 'an emptied plate elsewhere (nothing on it any more)', plate: plate({ status: 'emptied', locationId: BIN2 }), refusal: null },
  ])('$name: $refusal', ({ plate: p, refusal }) => {
    expect(plateRefusal(p, WH, DOCK)).toBe(refusal);
  });

  it('receives onto a refused plate as an exception: the goods land on the dock without it, in quarantine', () => {
    const s = floor();
    s.plates.set(LPN, plate({ status: 'put_away', locationId: BIN }));
    const effects = decide(s, scan(1, { item: 1, qty: 2, lpn: LPN }));
    expect(effects.status).toBe('exception');
    expect(effects.reasons).toEqual(['lpn_put_away']);
    expect(effects.exceptions[0]?.kind).toBe('lpn_put_away');
    expect(effects.movements).toEqual([expect.objectContaining({ locationId: DOCK, status: 'quarantine', qty: 2 })]);
    expect(effects.movements[0]?.lpn).toBeUndefined();
    expect(effects.plates).toEqual([]);
  });

  it('closes a plate explicitly, or with its receipt; other receipts’ plates stay open', () => {
    const s = floor();
    applyEvents(s, [scan(1, { item: 1, lpn: LPN }), scan(2, { item: 1, lpn: 'LPN-2', receiptId: receiptId(2) })]);
    expect(decide(s, floorEvent(3, 'lpn.closed', { lpn: LPN, receiptId: receiptId(1) })).plates).toEqual([expect.objectContaining({ code: LPN, status: 'closed' })]);
    applyEvents(s, [close(4, receiptId(1), null)]);
    expect(s.plates.get(LPN)?.status).toBe('closed');
    expect(s.plates.get('LPN-2')?.status).toBe('open');
    expect(decide(s, floorEvent(5, 'lpn.closed', { lpn: LPN, receiptId: null }))).toMatchObject({ status: 'applied', note: 'already_closed', plates: [] });
  });
});

describe('putting a licence plate away', () => {
  it('moves every line on the plate into the bin in one event, keeping each line’s status', () => {
    const s = floor();
    applyEvents(s, [scan(1, { item: 1, qty: 4, lpn: LPN }), scan(2, { item: 3, qty: 2, lot: 'L7', lpn: LPN }), scan(3, { item: 3, qty: 1, lpn: LPN }), scan(4, { item: 1, qty: 1 })]);
    const [effects] = applyEvents(s, [plateMove(5)]).values();
    expect(effects?.status).toBe('applied');
    expect(effects?.movements).toHaveLength(6);
    expect(onHand(s, BIN, 1)).toBe(4);
    expect(onHand(s, BIN, 3, 'available', 'L7')).toBe(2);
    expect(onHand(s, BIN, 3, 'quarantine')).toBe(1);
    expect(onHand(s, DOCK, 1)).toBe(1);
    expect(onHand(s, DOCK, 3, 'quarantine')).toBe(0);
    expect(s.plates.get(LPN)).toMatchObject({ status: 'put_away', locationId: BIN, contents: [] });
  });

  it.each([
    { name: 'an unknown plate', setup: [], reason: 'unknown_lpn' },
    { name: 'a plate already put away', setup: [scan(1, { item: 1, lpn: LPN }), plateMove(2)], reason: 'lpn_put_away' },
    { name: 'a plate with nothing on it', setup: [scan(1, { item: 1, lpn: LPN }), itemMove(2, 1)], reason: 'lpn_empty' },
  ])('refuses $name: nothing moves', ({ setup, reason }) => {
    const s = floor();
    applyEvents(s, setup);
    const effects = decide(s, plateMove(9, BIN2));
    expect(effects).toMatchObject({ status: 'exception', reasons: [reason], movements: [], plates: [] });
  });

  it('suggests a bin for the whole plate by its dominant item', () => {
    const bins = [
      { id: 'A1', zone: 'A', pathSeq: 1, capacity: 10 },
      { id: 'B1', zone: 'B', pathSeq: 2, capacity: 10 },
      { id: 'B2', zone: 'B', pathSeq: 3, capacity: 20 },
    ];
    const stock = [{ locationId: 'B1', itemId: 'x', qty: 2 }];
    expect(suggestPlateBin([{ itemId: 'x', qty: 6 }, { itemId: 'y', qty: 1 }], bins, stock)).toEqual({ locationId: 'B1', rule: 'same_item' });
    // Too much for B1 with what it holds: an empty bin in x's zone.
    expect(suggestPlateBin([{ itemId: 'x', qty: 6 }, { itemId: 'y', qty: 3 }], bins, stock)).toEqual({ locationId: 'B2', rule: 'same_zone' });
    expect(suggestPlateBin([{ itemId: 'y', qty: 5 }, { itemId: 'x', qty: 1 }], bins, stock)).toEqual({ locationId: 'A1', rule: 'any_bin' });
    expect(suggestPlateBin([], bins, stock)).toBeNull();
  });
});

describe('item put-away from a location with plates', () => {
  it('takes loose units first, then units off the plates, and marks an exhausted plate emptied', () => {
    const s = floor();
    applyEvents(s, [scan(1, { item: 1, qty: 3, lpn: LPN }), scan(2, { item: 1, qty: 2 })]);
    applyEvents(s, [itemMove(3, 2)]);
    expect(contents(s)).toEqual([[itemId(1), 'available', 3]]);
    applyEvents(s, [itemMove(4, 2)]);
    expect(contents(s)).toEqual([[itemId(1), 'available', 1]]);
    expect(s.plates.get(LPN)?.status).toBe('open');
    applyEvents(s, [itemMove(5, 1)]);
    expect(s.plates.get(LPN)).toMatchObject({ status: 'emptied', contents: [] });
  });

  it('never lets a plate claim more than its location holds, whatever the order of scans (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('receive' as const), item: fc.integer({ min: 1, max: 2 }), qty: fc.integer({ min: 1, max: 5 }), lpn: fc.constantFrom(null, 'LPN-1', 'LPN-2') }),
      fc.record({ kind: fc.constant('item' as const), item: fc.integer({ min: 1, max: 2 }), qty: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('plate' as const), lpn: fc.constantFrom('LPN-1', 'LPN-2'), to: fc.constantFrom(BIN, BIN2) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const s = floor();
        ops.forEach((o, i) => {
          // Item moves take at most what the dock holds (the device offers no more; a move past the books is a count's business).
          const atDock = o.kind === 'item' ? onHand(s, DOCK, o.item) : 0;
          if (o.kind === 'receive') applyEvents(s, [scan(i + 1, { item: o.item, qty: o.qty, ...(o.lpn ? { lpn: o.lpn } : {}) })]);
          else if (o.kind === 'item') applyEvents(s, atDock > 0 ? [itemMove(i + 1, Math.min(o.qty, atDock), o.item)] : []);
          else applyEvents(s, [plateMove(i + 1, o.to, o.lpn)]);
        });
        for (const p of s.plates.values()) {
          for (const l of p.contents) {
            expect(l.qty).toBeGreaterThan(0);
            const claimed = [...s.plates.values()]
              .filter((q) => q.locationId === p.locationId && (q.status === 'open' || q.status === 'closed'))
              .flatMap((q) => q.contents)
              .filter((m) => m.itemId === l.itemId && m.status === l.status)
              .reduce((n, m) => n + m.qty, 0);
            expect(claimed).toBeLessThanOrEqual(s.balances.get(balanceKey({ warehouseId: WH, locationId: p.locationId ?? '', itemId: l.itemId, lot: l.lot, status: l.status }))?.qty ?? 0);
          }
          if (p.status === 'put_away' || p.status === 'emptied') expect(p.contents).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
