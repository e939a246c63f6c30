import { describe, expect, it } from 'vitest';
import type { PlateState } from '../../../shared/domain/state';
import type { LicencePlateDoc, LocationDoc } from '../../../shared/schemas/docs';
import type { Stored } from '../../../renderer/db/rx-schemas';
import { interpretPutawayScan, looseAtDocks, type PutawayContext } from '../../../renderer/fulfilment/putaway';
import { interpretReceivingScan } from '../../../renderer/receiving/scan-to-event';
import type { ReceivingSession } from '../../../renderer/receiving/session';
import { OptimisticView } from '../../../renderer/replica/ledger-view';
import { contextFor, DEVICE, DOCK, gtinOf, itemDoc, itemId, mirrorWith, NOW, PO, poDoc, USER, WH } from './fixtures';

const REPL = { seq: 1, updatedAt: '2026-11-01T00:00:00.000Z' };
const BIN1 = '01900000-0000-7000-8000-0000000000b1';
const BIN2 = '01900000-0000-7000-8000-0000000000b2';
const session: ReceivingSession = { receiptId: '01900002-0000-7000-8000-000000000001', poId: PO, asnId: null, locationId: null };

const bin = (id: string, code: string, pathSeq: number): Stored<LocationDoc> => ({ id, warehouseId: WH, code, barcode: `LOC-${code}`, kind: 'bin', zone: 'A', pathSeq, capacity: 20, ...REPL });
const plateDoc = (code: string, over: Partial<Stored<LicencePlateDoc>> = {}): Stored<LicencePlateDoc> => ({
  id: '01900000-0000-7000-8000-00000000e001',
  warehouseId: WH,
  code,
  locationId: DOCK,
  status: 'closed',
  receiptId: null,
  openedAt: '2026-11-19T08:00:00.000Z',
  contents: [
    { itemId: itemId(1), lot: null, expiry: null, status: 'available', qty: 5 },
    { itemId: itemId(2), lot: null, expiry: null, status: 'available', qty: 2 },
  ],
  ...REPL,
  ...over,
});

function setup(plates: Stored<LicencePlateDoc>[] = []) {
  const m = mirrorWith([itemDoc(1), itemDoc(2)], poDoc([{ item: 1, qty: 10 }]));
  for (const l of [bin(BIN1, 'A-01-1', 1), bin(BIN2, 'A-02-1', 2)]) m.put('locations', l.id, l);
  for (const p of plates) m.put('licence_plates', p.id, p);
  return m;
}

describe('receiving onto a licence plate on the device', () => {
  it('scanning a label sets the plate; item scans then carry it, and without one the event is exactly as before', () => {
    const m = setup();
    expect(interpretReceivingScan('LPN-000123', contextFor(m, session))).toEqual({ kind: 'set-lpn', lpn: 'LPN-000123' });
    const loose = interpretReceivingScan(gtinOf(1), contextFor(m, session));
    if (loose.kind !== 'line') throw new Error(loose.kind);
    expect('lpn' in loose.event.payload).toBe(false);
    const onPlate = interpretReceivingScan(gtinOf(1), contextFor(m, { ...session, lpn: 'LPN-000123' }));
    if (onPlate.kind !== 'line') throw new Error(onPlate.kind);
    expect(onPlate.event.payload.lpn).toBe('LPN-000123');
  });

  it('refuses a label already put away, or holding goods at another dock, at the scan', () => {
    const m = setup();
    const plates = new Map<string, PlateState>([
      ['LPN-1', { code: 'LPN-1', warehouseId: WH, locationId: BIN1, status: 'put_away', receiptId: null, openedAt: NOW.toISOString(), contents: [] }],
      ['LPN-2', { code: 'LPN-2', warehouseId: WH, locationId: BIN2, status: 'open', receiptId: null, openedAt: NOW.toISOString(), contents: [{ itemId: itemId(1), lot: null, expiry: null, status: 'available', qty: 1 }] }],
    ]);
    const ctx = contextFor(m, session, { plates, dockId: DOCK });
    expect(interpretReceivingScan('LPN-1', ctx)).toEqual({ kind: 'reject', reason: 'lpn_put_away', detail: 'LPN-1' });
    expect(interpretReceivingScan('LPN-2', ctx)).toEqual({ kind: 'reject', reason: 'lpn_other_location', detail: 'LPN-2' });
    expect(interpretReceivingScan('LPN-3', contextFor(m, null))).toMatchObject({ kind: 'reject', reason: 'no_session' });
  });

  it('shows the plate’s running contents in the optimistic view before the server answers', () => {
    const m = setup();
    const view = new OptimisticView(m.docs);
    const scan = interpretReceivingScan(gtinOf(1), contextFor(m, { ...session, lpn: 'LPN-77' }, { qty: 3 }));
    if (scan.kind !== 'line') throw new Error(scan.kind);
    view.commit(scan.event, view.predict(scan.event));
    expect(view.current.plates.get('LPN-77')).toMatchObject({ status: 'open', locationId: DOCK, contents: [{ itemId: itemId(1), qty: 3 }] });
    // The pulled mirror itself is never edited.
    expect(m.docs.licence_plates.size).toBe(0);
  });
});

describe('putting a licence plate away on the device', () => {
  function ctx(m: ReturnType<typeof setup>, plate: PutawayContext['plate'] = null): PutawayContext {
    const view = new OptimisticView(m.docs);
    return {
      index: m.index,
      items: m.docs.items,
      locations: m.docs.locations,
      actor: { userId: USER, deviceId: DEVICE, warehouseId: WH },
      now: NOW,
      newId: () => '01900003-0000-7000-8000-000000000999',
      rows: [{ warehouseId: WH, locationId: BIN2, itemId: itemId(1), lot: null, expiry: null, status: 'available', qty: 3 }],
      draft: null,
      plates: view.current.plates,
      plate,
    };
  }

  it('shows what is on the plate and suggests a bin for all of it, by its dominant item', () => {
    const m = setup([plateDoc('LPN-5')]);
    const d = interpretPutawayScan('LPN-5', ctx(m));
    expect(d).toMatchObject({ kind: 'plate', plate: { lpn: 'LPN-5', fromLocationId: DOCK, suggestion: { locationId: BIN2, rule: 'same_item' } } });
    if (d.kind !== 'plate') throw new Error(d.kind);
    expect(d.plate.contents).toHaveLength(2);

    // The suggested bin: one event for the whole plate. Another bin asks for a reason first.
    const move = interpretPutawayScan('LOC-A-02-1', ctx(m, d.plate));
    expect(move).toMatchObject({ kind: 'plate-move', event: { type: 'putaway.lpn_moved', payload: { lpn: 'LPN-5', toLocationId: BIN2, suggestedLocationId: BIN2, overrideReason: null } } });
    expect(interpretPutawayScan('LOC-A-01-1', ctx(m, d.plate))).toEqual({ kind: 'needs-reason', toLocationId: BIN1 });
    expect(interpretPutawayScan('LOC-DOCK-1', ctx(m, d.plate))).toMatchObject({ kind: 'reject', reason: 'same_location' });
  });

  it('refuses an unknown, a put-away or an empty plate with its reason', () => {
    const m = setup([plateDoc('LPN-6', { status: 'put_away', locationId: BIN1, contents: [] }), plateDoc('LPN-7', { id: '01900000-0000-7000-8000-00000000e002', status: 'emptied', contents: [] })]);
    expect(interpretPutawayScan('LPN-404', ctx(m))).toMatchObject({ kind: 'reject', reason: 'lpn_unknown' });
    expect(interpretPutawayScan('LPN-6', ctx(m))).toMatchObject({ kind: 'reject', reason: 'lpn_put_away', params: { bin: 'A-01-1' } });
    expect(interpretPutawayScan('LPN-7', ctx(m))).toMatchObject({ kind: 'reject', reason: 'lpn_empty' });
  });
});

describe('what waits at the docks', () => {
  it('lists loose units only: what stands on an open or closed plate is listed with the pallet, not again', () => {
    const m = setup();
    const row = (item: number, qty: number) => ({ warehouseId: WH, locationId: DOCK, itemId: itemId(item), lot: null, expiry: null, status: 'available' as const, qty });
    const rows = [row(1, 7), row(2, 2), { ...row(1, 4), locationId: BIN1 }];
    const plate = (status: PlateState['status']) => ({ ...plateDoc('LPN-1', { status }) });
    expect(looseAtDocks(rows, [plate('closed')], m.docs.locations).map((r) => [r.itemId, r.qty])).toEqual([[itemId(1), 2]]);
    // A plate already put away holds nothing at the dock any more.
    expect(looseAtDocks(rows, [plate('put_away')], m.docs.locations).map((r) => [r.itemId, r.qty])).toEqual([
      [itemId(1), 7],
      [itemId(2), 2],
    ]);
  });
});
