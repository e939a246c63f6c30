import { describe, expect, it } from 'vitest';
import { applyEvents, decide } from '../../../shared/domain/apply';
import { receiptDiscrepancies } from '../../../shared/domain/discrepancies';
import { issueValue } from '../../../shared/domain/ledger';
import { BIN, close, DOCK, item, itemId, PO, receiptId, scan, stateWith } from './fixtures';

describe('decideReceiptLine', () => {
  const cases: { name: string; setup: Parameters<typeof stateWith>; event: ReturnType<typeof scan>; status: string; reasons: string[]; stock: string | null; qty: number }[] = [
    { name: 'a good unit', setup: [[item(1)]], event: scan(1, { item: 1 }), status: 'applied', reasons: [], stock: 'available', qty: 1 },
    { name: 'a case converts to base units', setup: [[item(1)]], event: scan(1, { item: 1, uom: 'CS', qty: 2 }), status: 'applied', reasons: [], stock: 'available', qty: 12 },
    { name: 'damaged goods', setup: [[item(1)]], event: scan(1, { item: 1, condition: 'damaged' }), status: 'applied', reasons: [], stock: 'damaged', qty: 1 },
    { name: 'unknown item: no stock, an exception', setup: [[]], event: scan(1, { item: 9 }), status: 'exception', reasons: ['unknown_item'], stock: null, qty: 0 },
    { name: 'unknown unit of measure', setup: [[item(1)]], event: scan(1, { item: 1, uom: 'PL' }), status: 'exception', reasons: ['unknown_uom'], stock: null, qty: 0 },
    { name: 'lot-tracked without lot: quarantine', setup: [[item(1, { tracking: 'lot' })]], event: scan(1, { item: 1 }), status: 'exception', reasons: ['lot_required'], stock: 'quarantine', qty: 1 },
    {
      name: 'expired on arrival: quarantine',
      setup: [[item(1, { tracking: 'lot_expiry' })]],
      event: scan(1, { item: 1, lot: 'L1', expiry: '2026-01-31' }),
      status: 'exception',
      reasons: ['expired'],
      stock: 'quarantine',
      qty: 1,
    },
    {
      name: 'serial count must match quantity',
      setup: [[item(1, { tracking: 'serial' })]],
      event: scan(1, { item: 1, qty: 2, serials: ['A'] }),
      status: 'exception',
      reasons: ['serials_required'],
      stock: 'quarantine',
      qty: 2,
    },
    { name: 'inactive item: quarantine', setup: [[item(1, { active: false })]], event: scan(1, { item: 1 }), status: 'exception', reasons: ['item_inactive'], stock: 'quarantine', qty: 1 },
  ];
  it.each(cases)('$name', ({ setup, event, status, reasons, stock, qty }) => {
    const effects = decide(stateWith(...setup), event);
    expect(effects.status).toBe(status);
    expect(effects.reasons).toEqual(reasons);
    expect(effects.exceptions).toHaveLength(reasons.length > 0 ? 1 : 0);
    expect(effects.movements.map((m) => [m.status, m.qty, m.locationId])).toEqual(stock ? [[stock, qty, DOCK]] : []);
  });

  it('values receipts at the PO cost, else the standard cost', () => {
    const s = stateWith([item(1), item(2)], [{ item: 1, qty: 5, unitCost: 77 }]);
    const onPo = decide(s, scan(1, { item: 1, poId: PO, qty: 3 }));
    const offPo = decide(s, scan(2, { item: 2, poId: PO, qty: 3 }));
    expect(onPo.movements[0]?.value).toBe(231);
    expect(offPo.movements[0]?.value).toBe(600);
  });

  it('puts stock on the scanned location when it is in the warehouse, else on the dock with an exception', () => {
    const s = stateWith([item(1)]);
    expect(decide(s, scan(1, { item: 1, locationId: BIN })).movements[0]?.locationId).toBe(BIN);
    const foreign = decide(s, scan(2, { item: 1, locationId: itemId(99) }));
    expect(foreign.reasons).toEqual(['unknown_location']);
    expect(foreign.movements[0]?.locationId).toBe(DOCK);
  });
});

describe('closing a receipt', () => {
  it('books received quantities on the PO and reports discrepancies', () => {
    const s = stateWith([item(1), item(2), item(3)], [{ item: 1, qty: 4 }, { item: 2, qty: 2 }]);
    const out = applyEvents(s, [scan(1, { item: 1, poId: PO, qty: 5 }), scan(2, { item: 2, poId: PO, qty: 1, condition: 'damaged' }), scan(3, { item: 3, poId: PO }), close(4)]);
    expect(out.get(close(4).id)?.exceptions[0]?.kind).toBe('receipt_discrepancy');
    const receipt = s.receipts.get(receiptId(1));
    expect(receipt?.status).toBe('closed');
    expect(receipt?.discrepancies.map((d) => [d.kind, d.itemId, d.qty])).toEqual([
      ['over', itemId(1), 1],
      ['short', itemId(2), 1],
      ['damaged', itemId(2), 1],
      ['unexpected', itemId(3), 1],
    ]);
    expect(s.pos.get(PO)?.status).toBe('partially_received');
  });

  it('marks the PO received when every line is complete, and refuses later scans into quarantine', () => {
    const s = stateWith([item(1)], [{ item: 1, qty: 2 }]);
    applyEvents(s, [scan(1, { item: 1, poId: PO, qty: 2 }), close(2)]);
    expect(s.pos.get(PO)?.status).toBe('received');
    expect(s.receipts.get(receiptId(1))?.discrepancies).toEqual([]);
    const late = decide(s, scan(3, { item: 1, poId: PO }));
    expect(late.reasons).toEqual(['receipt_closed', 'po_closed']);
    expect(late.movements[0]?.status).toBe('quarantine');
  });

  it('closing twice changes nothing the second time', () => {
    const s = stateWith([item(1)], [{ item: 1, qty: 2 }]);
    applyEvents(s, [scan(1, { item: 1, poId: PO }), close(2)]);
    const again = decide(s, close(3));
    expect(again.note).toBe('already_closed');
    expect(again.receipts).toEqual([]);
  });
});

describe('receiptDiscrepancies', () => {
  it.each([
    { expected: [{ itemId: 'a', qty: 5 }], lines: [{ itemId: 'a', qty: 5 }], kinds: [] },
    { expected: [{ itemId: 'a', qty: 5 }], lines: [], kinds: [['short', 5]] },
    { expected: [], lines: [{ itemId: 'b', qty: 2 }], kinds: [['unexpected', 2]] },
    { expected: [{ itemId: 'a', qty: 1 }, { itemId: 'a', qty: 1 }], lines: [{ itemId: 'a', qty: 3 }], kinds: [['over', 1]] },
  ])('expected $expected vs received $lines', ({ expected, lines, kinds }) => {
    const full = lines.map((l) => ({ ...l, lot: null, expiry: null, condition: 'good' as const, serials: [] }));
    expect(receiptDiscrepancies(expected, full).map((d) => [d.kind, d.qty])).toEqual(kinds);
  });
});

describe('issueValue (moving average)', () => {
  it.each([
    { v: { qty: 3, value: 100 }, qty: 1, out: 33 },
    { v: { qty: 3, value: 100 }, qty: 2, out: 67 },
    { v: { qty: 3, value: 100 }, qty: 3, out: 100 },
    { v: { qty: 0, value: 0 }, qty: 1, out: 0 },
  ])('issuing $qty of $v is worth $out', ({ v, qty, out }) => {
    expect(issueValue(v, qty)).toBe(out);
  });
});
