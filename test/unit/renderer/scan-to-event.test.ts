import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION } from '../../../shared/schemas/events';
import { completeLine, interpretReceivingScan, interpretTrackingScan } from '../../../renderer/receiving/scan-to-event';
import type { ReceivingSession } from '../../../renderer/receiving/session';
import { ASN, asnDoc, contextFor, DOCK, gtinOf, itemDoc, itemId, mirrorWith, PO, poDoc, SSCC } from './fixtures';

const session: ReceivingSession = { receiptId: '01900002-0000-7000-8000-000000000001', poId: PO, asnId: null, locationId: null };
const mirror = mirrorWith(
  [itemDoc(1), itemDoc(2, { tracking: 'lot_expiry' }), itemDoc(3, { tracking: 'serial' }), itemDoc(4, { tracking: 'lot' })],
  poDoc([{ item: 1, qty: 10 }]),
  asnDoc([{ item: 1, qty: 4 }]),
);
const inSession = contextFor(mirror, session);

describe('interpretReceivingScan', () => {
  it('opens a PO by its barcode, in any case, with or without a symbology identifier', () => {
    expect(interpretReceivingScan('PO-100001', contextFor(mirror, null))).toEqual({ kind: 'open-po', poId: PO });
    expect(interpretReceivingScan(']C0po-100001', contextFor(mirror, null))).toEqual({ kind: 'open-po', poId: PO });
  });

  it('opens an ASN by its barcode or by a pallet SSCC', () => {
    expect(interpretReceivingScan('ASN-7001', contextFor(mirror, null))).toEqual({ kind: 'open-asn', asnId: ASN });
    expect(interpretReceivingScan(`]C100${SSCC}`, contextFor(mirror, null))).toEqual({ kind: 'open-asn', asnId: ASN });
  });

  it('sets the dock from a location barcode', () => {
    expect(interpretReceivingScan('LOC-DOCK-1', inSession)).toEqual({ kind: 'set-location', locationId: DOCK });
  });

  it('rejects with a reason: unreadable, unknown PO, unknown item, no session', () => {
    expect(interpretReceivingScan('hello world', inSession)).toMatchObject({ kind: 'reject', reason: 'unreadable' });
    expect(interpretReceivingScan('PO-999', inSession)).toMatchObject({ kind: 'reject', reason: 'unknown_po' });
    expect(interpretReceivingScan(gtinOf(77), inSession)).toMatchObject({ kind: 'reject', reason: 'unknown_item', detail: gtinOf(77) });
    expect(interpretReceivingScan(gtinOf(1), contextFor(mirror, null))).toMatchObject({ kind: 'reject', reason: 'no_session' });
    expect(interpretReceivingScan('TOTE-12', inSession)).toMatchObject({ kind: 'reject', reason: 'wrong_barcode' });
  });

  it('maps a base GTIN to one each, a case GTIN to one case, with the session, quantity and condition', () => {
    const each = interpretReceivingScan(gtinOf(1), contextFor(mirror, session, { qty: 3, condition: 'damaged' }));
    expect(each.kind).toBe('line');
    if (each.kind !== 'line') return;
    expect(each.event).toMatchObject({
      type: 'receipt.line_scanned',
      schemaVersion: EVENT_SCHEMA_VERSION,
      payload: { receiptId: session.receiptId, poId: PO, itemId: itemId(1), qty: 3, uom: 'EA', condition: 'damaged', barcode: gtinOf(1) },
    });
    const pack = interpretReceivingScan(gtinOf(1, 1), inSession);
    expect(pack.kind === 'line' && pack.event.payload).toMatchObject({ qty: 1, uom: 'CS' });
  });

  it('reads lot, expiry and count from a GS1-128 label', () => {
    const d = interpretReceivingScan(`]C101${gtinOf(2)}1727123110LOT-7\u001d3012`, inSession);
    expect(d.kind === 'line' && d.event.payload).toMatchObject({ itemId: itemId(2), lot: 'LOT-7', expiry: '2027-12-31', qty: 12 });
  });

  it('asks for the lot and expiry of a tracked item scanned by bare GTIN, then takes them typed or scanned', () => {
    const d = interpretReceivingScan(gtinOf(2), inSession);
    expect(d).toMatchObject({ kind: 'needs-tracking', missing: ['lot', 'expiry'] });
    if (d.kind !== 'needs-tracking') return;
    const typed = completeLine(d.draft, { lot: ' L1 ', expiry: '2027-01-31' }, inSession);
    expect(typed.kind === 'line' && typed.event.payload).toMatchObject({ lot: 'L1', expiry: '2027-01-31' });
    const scanned = interpretTrackingScan('(17)270131(10)L2', d.draft, inSession);
    expect(scanned?.kind === 'line' && scanned.event.payload).toMatchObject({ lot: 'L2', expiry: '2027-01-31' });
    expect(interpretTrackingScan('PO-100001', d.draft, inSession)).toBeNull();
  });

  it('records a tracked item without its lot only when forced (the server quarantines it)', () => {
    const d = interpretReceivingScan(gtinOf(4), inSession);
    if (d.kind !== 'needs-tracking') throw new Error(d.kind);
    expect(completeLine(d.draft, { force: true }, inSession)).toMatchObject({ kind: 'line', event: { payload: { lot: null } } });
  });

  it('records a serial-tracked unit one at a time with its serial', () => {
    const d = interpretReceivingScan(`(01)${gtinOf(3)}(21)SN-001`, contextFor(mirror, session, { qty: 5 }));
    expect(d.kind === 'line' && d.event.payload).toMatchObject({ qty: 1, serials: ['SN-001'], uom: 'EA' });
  });

  it('refuses what the event schema refuses, changing nothing', () => {
    const d = interpretReceivingScan(gtinOf(4), inSession);
    if (d.kind !== 'needs-tracking') throw new Error(d.kind);
    expect(completeLine(d.draft, { lot: 'X'.repeat(21) }, inSession)).toMatchObject({ kind: 'reject', reason: 'invalid' });
  });
});
