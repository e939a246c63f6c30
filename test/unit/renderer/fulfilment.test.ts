import { describe, expect, it } from 'vitest';
import type { BalanceRow, PickTaskState } from '../../../shared/domain/state';
import type { CartonDoc, EventOutcomeDoc, LocationDoc, PickTaskDoc, WaveDoc } from '../../../shared/schemas/docs';
import type { Stored } from '../../../renderer/db/rx-schemas';
import { addToCarton, interpretPackScan, packExpectation, parseWeight, verifyCarton } from '../../../renderer/fulfilment/packing';
import { enterLot, interpretPickScan, pickList, shortEvent, startProgress, type PickContext, type PickStop } from '../../../renderer/fulfilment/picking';
import { dockStock, interpretPutawayScan } from '../../../renderer/fulfilment/putaway';
import { ordersToShip, shipEvent } from '../../../renderer/fulfilment/shipping';
import { floorServerState } from '../../../renderer/fulfilment/floor-state';
import { DEVICE, DOCK, gtinOf, itemDoc, itemId, mirrorWith, NOW, SSCC, USER, WH } from './fixtures';

const REPL = { seq: 1, updatedAt: '2026-11-01T00:00:00.000Z' };
const id = (n: number, kind = 'f') => `01900000-0000-7000-8000-${kind}${String(n).padStart(11, '0')}`;
const BIN1 = id(1, 'b');
const BIN2 = id(2, 'b');
const STAGE = id(3, 'b');
const ORDER = id(1, 'c');
const WAVE = id(1, 'd');

function loc(lid: string, code: string, kind: LocationDoc['kind'], pathSeq: number, capacity: number | null = 100): Stored<LocationDoc> {
  return { id: lid, warehouseId: WH, code, barcode: `LOC-${code}`, kind, zone: 'A', pathSeq, capacity, ...REPL };
}

function task(n: number, over: Partial<Stored<PickTaskDoc>> = {}): Stored<PickTaskDoc> {
  return {
    id: id(n, 'e'),
    warehouseId: WH,
    waveId: WAVE,
    orderId: ORDER,
    orderNumber: 'WEB-100234',
    shipToName: 'Ana Ruiz',
    lineNo: n,
    reservationId: id(n, 'a'),
    itemId: itemId(n),
    locationId: BIN1,
    lot: null,
    qty: 3,
    pathSeq: n,
    sequence: n,
    status: 'open',
    qtyPicked: 0,
    tote: null,
    ...REPL,
    ...over,
  };
}

function setup() {
  const m = mirrorWith([itemDoc(1), itemDoc(2), itemDoc(3, { tracking: 'lot' })]);
  for (const l of [loc(BIN1, 'A-01-1', 'bin', 10), loc(BIN2, 'A-02-1', 'bin', 20), loc(STAGE, 'STAGE-1', 'staging', 5, null)]) m.put('locations', l.id, l);
  return m;
}

let n = 0;
function pickCtx(stop: PickStop | undefined, progress = stop ? startProgress(stop) : undefined): PickContext {
  const m = setup();
  return { index: m.index, items: m.docs.items, locations: m.docs.locations, actor: { userId: USER, deviceId: DEVICE, warehouseId: WH }, now: NOW, newId: () => id(++n, '9'), stop, progress };
}
const stopOf = (t: PickTaskState, remaining = t.qty - t.qtyPicked): PickStop => ({ task: t, waveId: WAVE, waveNumber: 'W00001', sequence: 1, remaining });

describe('pick list', () => {
  it('lists open tasks of the warehouse by wave cut-off, then path sequence, with the optimistic status', () => {
    const wave = (wid: string, number: string, cutoff: string): Stored<WaveDoc> => ({ id: wid, warehouseId: WH, number, carrier: 'UPS', cutoff, zone: 'A', status: 'released', orderIds: [ORDER], orderNumbers: ['WEB-100234'], ...REPL });
    const docs = {
      pick_tasks: new Map([
        [id(1, 'e'), task(1, { sequence: 2 })],
        [id(2, 'e'), task(2, { sequence: 1 })],
        [id(3, 'e'), task(3, { sequence: 1, waveId: id(2, 'd') })],
        [id(4, 'e'), task(4, { status: 'picked' })],
        [id(5, 'e'), task(5, { warehouseId: id(9, 'd') })],
      ]),
      waves: new Map([
        [WAVE, wave(WAVE, 'W00002', '2026-11-20T16:00:00.000Z')],
        [id(2, 'd'), wave(id(2, 'd'), 'W00001', '2026-11-20T14:00:00.000Z')],
      ]),
    };
    const picked = { ...task(2), qtyPicked: 3, status: 'picked' as const };
    const list = pickList({ tasks: new Map([[picked.id, picked]]) }, docs, WH);
    expect(list.map((s) => s.task.id)).toEqual([id(3, 'e'), id(1, 'e')]);
  });
});

describe('pick scan validation', () => {
  const t1 = task(1);
  it('walks bin -> item -> tote and yields pick.picked with the quantity and tote', () => {
    const stop = stopOf(t1);
    let d = interpretPickScan('LOC-A-01-1', pickCtx(stop));
    expect(d).toMatchObject({ kind: 'advance', what: 'bin', progress: { step: 'item' } });
    if (d.kind !== 'advance') throw new Error();
    d = interpretPickScan(gtinOf(1), pickCtx(stop, d.progress));
    expect(d).toMatchObject({ kind: 'advance', progress: { step: 'tote', qty: 3 } });
    if (d.kind !== 'advance') throw new Error();
    const pick = interpretPickScan('TOTE-12', pickCtx(stop, { ...d.progress, qty: 2 }));
    expect(pick).toMatchObject({ kind: 'pick', event: { type: 'pick.picked', payload: { taskId: t1.id, locationId: BIN1, itemId: itemId(1), lot: null, qty: 2, tote: 'TOTE-12' } } });
  });

  it('refuses the wrong bin, the item before the bin, and the wrong item, with the reason', () => {
    const stop = stopOf(t1);
    expect(interpretPickScan('LOC-A-02-1', pickCtx(stop))).toMatchObject({ kind: 'reject', reason: 'wrong_bin', params: { code: 'A-02-1', expected: 'A-01-1' } });
    expect(interpretPickScan(gtinOf(1), pickCtx(stop))).toMatchObject({ kind: 'reject', reason: 'scan_bin_first' });
    const atItem = { ...startProgress(stop), step: 'item' as const };
    expect(interpretPickScan(gtinOf(2), pickCtx(stop, atItem))).toMatchObject({ kind: 'reject', reason: 'wrong_item', params: { name: 'Item 2', expected: 'Item 1' } });
    expect(interpretPickScan('TOTE-1', pickCtx(stop, atItem))).toMatchObject({ kind: 'reject', reason: 'scan_item_first' });
    expect(interpretPickScan('LOC-NOWHERE', pickCtx(stop))).toMatchObject({ kind: 'reject', reason: 'unknown_location' });
    expect(interpretPickScan('LOC-A-01-1', pickCtx(undefined))).toMatchObject({ kind: 'reject', reason: 'no_task' });
  });

  it('asks for the lot of a lot-tracked item and refuses the wrong lot, scanned or typed', () => {
    const stop = stopOf(task(3, { lot: 'L123' }));
    const atItem = { ...startProgress(stop), step: 'item' as const };
    expect(interpretPickScan(`01${gtinOf(3)}10L999`, pickCtx(stop, atItem))).toMatchObject({ kind: 'reject', reason: 'wrong_lot', params: { lot: 'L999', expected: 'L123' } });
    expect(interpretPickScan(`01${gtinOf(3)}10L123`, pickCtx(stop, atItem))).toMatchObject({ kind: 'advance', progress: { step: 'tote', lot: 'L123' } });
    const d = interpretPickScan(gtinOf(3), pickCtx(stop, atItem));
    expect(d).toMatchObject({ kind: 'advance', progress: { step: 'lot' } });
    if (d.kind !== 'advance') throw new Error();
    expect(interpretPickScan('TOTE-1', pickCtx(stop, d.progress))).toMatchObject({ kind: 'reject', reason: 'scan_lot' });
    expect(enterLot('L124', pickCtx(stop, d.progress))).toMatchObject({ kind: 'reject', reason: 'wrong_lot' });
    expect(enterLot('l123', pickCtx(stop, d.progress))).toMatchObject({ kind: 'advance', progress: { step: 'tote', lot: 'L123' } });
  });

  it('refuses more than is left, and a short pick records what is left', () => {
    const stop = stopOf({ ...t1, qtyPicked: 1 });
    expect(interpretPickScan('TOTE-1', pickCtx(stop, { taskId: t1.id, step: 'tote', lot: null, qty: 5 }))).toMatchObject({ kind: 'reject', reason: 'pick_over', params: { remaining: 2 } });
    expect(shortEvent(pickCtx(stop), stop, ' bin empty ')).toMatchObject({ type: 'pick.short', payload: { taskId: t1.id, qtyShort: 2, note: 'bin empty' } });
  });
});

describe('packing verification', () => {
  const tasks = new Map<string, PickTaskState>([
    [id(1, 'e'), { ...task(1), qtyPicked: 2, status: 'picked', tote: 'TOTE-1' }],
    [id(2, 'e'), { ...task(2), qtyPicked: 1, status: 'short', tote: 'TOTE-1' }],
    [id(3, 'e'), { ...task(3, { lot: 'L1' }), qtyPicked: 1, tote: 'TOTE-1' }],
  ]);
  const earlier = { id: id(7, 'c'), warehouseId: WH, orderId: ORDER, lines: [{ itemId: itemId(1), lot: null, qty: 1 }], weightGrams: 100, status: 'closed' as const };
  const state = { tasks, cartons: new Map([[earlier.id, earlier]]) };

  it('expects what was picked minus earlier cartons', () => {
    expect(packExpectation(state, ORDER).map((l) => [l.itemId, l.lot, l.remaining])).toEqual([
      [itemId(1), null, 1],
      [itemId(2), null, 1],
      [itemId(3), 'L1', 1],
    ]);
  });

  it('shows what is missing and what is extra', () => {
    const expected = packExpectation(state, ORDER);
    let carton = addToCarton([], expected, itemId(1), null);
    carton = addToCarton(carton, expected, itemId(1), null);
    carton = addToCarton(carton, expected, itemId(3), null);
    const check = verifyCarton(expected, carton);
    expect(carton.find((c) => c.itemId === itemId(3))?.lot).toBe('L1');
    expect(check.missing).toEqual([{ itemId: itemId(2), lot: null, qty: 1 }]);
    expect(check.extra).toEqual([{ itemId: itemId(1), lot: null, qty: 1 }]);
    expect(verifyCarton(expected, [{ itemId: itemId(9), lot: null, qty: 1 }]).extra).toEqual([{ itemId: itemId(9), lot: null, qty: 1 }]);
  });

  it('opens the order by its tote, refuses items before an order, and flags an item that makes the carton extra', () => {
    const m = setup();
    m.put('pick_tasks', id(1, 'e'), task(1, { qtyPicked: 2, status: 'picked', tote: 'TOTE-1' }));
    const ctx = { index: m.index, items: m.docs.items, locations: m.docs.locations, actor: { userId: USER, deviceId: DEVICE, warehouseId: WH }, now: NOW, newId: () => id(++n, '9'), state, orders: m.docs };
    expect(interpretPackScan('TOTE-1', { ...ctx, orderId: null, carton: [] })).toEqual({ kind: 'open', orderId: ORDER, tote: 'TOTE-1' });
    // An order barcode names the channel's order number (any case: wedge scanners flip it with Caps Lock).
    expect(interpretPackScan('ORD-WEB-100234', { ...ctx, orderId: null, carton: [] })).toEqual({ kind: 'open', orderId: ORDER, tote: null });
    expect(interpretPackScan('ord-web-100234', { ...ctx, orderId: null, carton: [] })).toEqual({ kind: 'open', orderId: ORDER, tote: null });
    expect(interpretPackScan('ORD-WEB-100235', { ...ctx, orderId: null, carton: [] })).toMatchObject({ kind: 'reject', reason: 'order_unknown' });
    expect(interpretPackScan('TOTE-2', { ...ctx, orderId: null, carton: [] })).toMatchObject({ kind: 'reject', reason: 'tote_empty' });
    expect(interpretPackScan(gtinOf(1), { ...ctx, orderId: null, carton: [] })).toMatchObject({ kind: 'reject', reason: 'no_order' });
    expect(interpretPackScan(gtinOf(1), { ...ctx, orderId: ORDER, carton: [] })).toMatchObject({ kind: 'add', expected: true });
    expect(interpretPackScan(gtinOf(1), { ...ctx, orderId: ORDER, carton: [{ itemId: itemId(1), lot: null, qty: 1 }] })).toMatchObject({ kind: 'add', expected: false });
  });

  it('reads weights in grams or kilograms', () => {
    expect(parseWeight('1,25', 'kg')).toBe(1250);
    expect(parseWeight('800', 'g')).toBe(800);
    expect(parseWeight('0', 'g')).toBeNull();
    expect(parseWeight('abc', 'kg')).toBeNull();
  });
});

describe('put-away', () => {
  const rows: BalanceRow[] = [
    { warehouseId: WH, locationId: DOCK, itemId: itemId(1), lot: null, expiry: null, status: 'available', qty: 6 },
    { warehouseId: WH, locationId: BIN2, itemId: itemId(1), lot: null, expiry: null, status: 'available', qty: 10 },
  ];
  function ctx(draft: Parameters<typeof interpretPutawayScan>[1]['draft']) {
    const m = setup();
    return { index: m.index, items: m.docs.items, locations: m.docs.locations, actor: { userId: USER, deviceId: DEVICE, warehouseId: WH }, now: NOW, newId: () => id(++n, '9'), rows, draft };
  }

  it('finds the item at the dock and suggests the bin that already holds it, on the device', () => {
    expect(dockStock(rows, setup().docs.locations, itemId(1))).toEqual([{ locationId: DOCK, lot: null, qty: 6 }]);
    const d = interpretPutawayScan(gtinOf(1), ctx(null));
    expect(d).toMatchObject({ kind: 'item', draft: { fromLocationId: DOCK, qty: 6, suggestion: { locationId: BIN2, rule: 'same_item' } } });
    expect(interpretPutawayScan(gtinOf(2), ctx(null))).toMatchObject({ kind: 'reject', reason: 'nothing_at_dock' });
  });

  it('confirms the suggested bin, asks a reason for another, and refuses what is not a bin', () => {
    const first = interpretPutawayScan(gtinOf(1), ctx(null));
    if (first.kind !== 'item') throw new Error();
    expect(interpretPutawayScan('LOC-A-02-1', ctx(first.draft))).toMatchObject({
      kind: 'move',
      event: { type: 'putaway.moved', payload: { fromLocationId: DOCK, toLocationId: BIN2, suggestedLocationId: BIN2, overrideReason: null, qty: 6 } },
    });
    expect(interpretPutawayScan('LOC-A-01-1', ctx(first.draft))).toEqual({ kind: 'needs-reason', toLocationId: BIN1 });
    expect(interpretPutawayScan('LOC-STAGE-1', ctx(first.draft))).toMatchObject({ kind: 'reject', reason: 'not_a_bin' });
    expect(interpretPutawayScan('LOC-A-01-1', ctx(null))).toMatchObject({ kind: 'reject', reason: 'scan_item_first' });
    expect(interpretPutawayScan('LPN-123', ctx(null))).toMatchObject({ kind: 'reject', reason: 'lpn_unknown' });
  });
});

describe('shipping and the floor state the view starts from', () => {
  it('folds pick tasks, staging, and this device answered cartons and shipments into the server state', () => {
    const m = setup();
    m.put('pick_tasks', id(1, 'e'), task(1, { qtyPicked: 2, status: 'picked', tote: 'TOTE-1' }));
    const actor = { userId: USER, deviceId: DEVICE, warehouseId: WH };
    const cartonId = id(5, 'c');
    const pack = { id: id(1, '8'), type: 'pack.carton_closed' as const, schemaVersion: 1, ...actor, occurredAt: NOW.toISOString(), payload: { cartonId, orderId: ORDER, lines: [{ itemId: itemId(1), lot: null, qty: 2 }], weightGrams: 900, tote: 'TOTE-1' } };
    m.put('events', pack.id, pack);
    const outcome: Stored<EventOutcomeDoc> = { id: pack.id, warehouseId: WH, deviceId: DEVICE, type: pack.type, status: 'applied', reason: null, appliedAt: NOW.toISOString(), ...REPL };
    m.put('event_outcomes', pack.id, outcome);
    const state = floorServerState(m.docs);
    expect(state.staging.get(WH)).toBe(STAGE);
    expect(state.orders.get(ORDER)).toMatchObject({ status: 'packed', lines: [{ lineNo: 1, qtyPicked: 2 }] });
    expect(state.cartons.get(cartonId)?.status).toBe('closed');
    const wave: Stored<WaveDoc> = { id: WAVE, warehouseId: WH, number: 'W1', carrier: 'UPS', cutoff: NOW.toISOString(), zone: 'A', status: 'picking', orderIds: [ORDER], orderNumbers: ['WEB-100234'], ...REPL };
    const toShip = ordersToShip(state, new Map([[WAVE, wave]]), WH);
    expect(toShip).toMatchObject([{ orderId: ORDER, carrier: 'UPS', unpacked: 0 }]);
    const ev = shipEvent({ actor, now: NOW, newId: () => id(2, '8') }, { orderId: ORDER, cartonIds: [cartonId], carrier: 'UPS', trackingNumber: '1Z999' });
    expect(ev).toMatchObject({ type: 'ship.confirmed', payload: { carrier: 'UPS', trackingNumber: '1Z999' } });
    expect(shipEvent({ actor, now: NOW, newId: () => id(3, '8') }, { orderId: ORDER, cartonIds: [cartonId], carrier: 'UPS', trackingNumber: '1Z' })).toMatchObject({ kind: 'reject', reason: 'invalid' });
  });

  it('knows cartons another device packed, as pulled from the server, so this station can ship them', () => {
    const m = setup();
    m.put('pick_tasks', id(1, 'e'), task(1, { qtyPicked: 2, status: 'picked', tote: 'TOTE-1' }));
    const cartonId = id(6, 'c');
    const pulled: Stored<CartonDoc> = { id: cartonId, warehouseId: WH, orderId: ORDER, orderNumber: 'WEB-100234', shipToName: 'Ana Ruiz', sscc: SSCC, lines: [{ itemId: itemId(1), lot: null, qty: 2 }], weightGrams: 900, status: 'closed', ...REPL };
    m.put('cartons', cartonId, pulled);
    const state = floorServerState(m.docs);
    expect(state.cartons.get(cartonId)).toMatchObject({ orderId: ORDER, status: 'closed' });
    expect(state.orders.get(ORDER)?.status).toBe('packed');
    const shipped: Stored<CartonDoc> = { ...pulled, status: 'shipped' };
    m.put('cartons', cartonId, shipped);
    expect(floorServerState(m.docs).orders.get(ORDER)?.status).toBe('shipped');
  });
});
