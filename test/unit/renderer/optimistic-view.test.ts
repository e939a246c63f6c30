import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../shared/schemas/events';
import { OptimisticView, pendingEvents } from '../../../renderer/replica/ledger-view';
import type { BalanceDoc, EventOutcomeDoc } from '../../../shared/schemas/docs';
import type { Stored } from '../../../renderer/db/rx-schemas';
import { receivingProgress } from '../../../renderer/receiving/line-progress';
import { lineFeedback } from '../../../renderer/receiving/scan-feedback';
import { close, scan } from '../domain/fixtures';
import { DEVICE, DOCK, itemDoc, itemId, mirrorWith, PO, poDoc, WH } from './fixtures';

const session = { receiptId: '01900002-0000-7000-8000-000000000001', poId: PO, asnId: null, locationId: null };
const onPo = (n: number, item: number, qty = 1): DeviceEvent => scan(n, { item, qty, poId: PO });

function setup(received = 0) {
  const mirror = mirrorWith([itemDoc(1), itemDoc(2)], poDoc([{ item: 1, qty: 5, received }]));
  return { mirror, view: new OptimisticView(mirror.docs) };
}

describe('optimistic view', () => {
  it('is the server state plus pending events folded by the shared reducers', () => {
    const { mirror, view } = setup();
    mirror.put('events', onPo(1, 1, 2).id, onPo(1, 1, 2));
    mirror.put('events', onPo(2, 1, 1).id, onPo(2, 1, 1));
    const lines = receivingProgress(view.current, session);
    expect(lines).toEqual([{ itemId: itemId(1), expected: 5, received: 3, thisReceipt: 3, damaged: 0, state: 'partial' }]);
  });

  it('drops an event once its outcome arrives, and then shows the server figures alone', () => {
    const { mirror, view } = setup();
    const ev = onPo(1, 1, 2);
    mirror.put('events', ev.id, ev);
    expect(pendingEvents(mirror.docs)).toHaveLength(1);
    // The server applied it: the pulled PO carries the received quantity, and the outcome came.
    mirror.put('purchase_orders', PO, poDoc([{ item: 1, qty: 5, received: 2 }]));
    const outcome: Stored<EventOutcomeDoc> = { id: ev.id, warehouseId: WH, deviceId: DEVICE, type: ev.type, status: 'applied', reason: null, appliedAt: ev.occurredAt, seq: 9, updatedAt: ev.occurredAt };
    mirror.put('event_outcomes', ev.id, outcome);
    view.invalidate();
    expect(pendingEvents(mirror.docs)).toHaveLength(0);
    expect(receivingProgress(view.current, session)[0]).toMatchObject({ received: 2, thisReceipt: 0 });
  });

  it('folds a committed scan once, even if the stored event reached the mirror first', () => {
    const { mirror, view } = setup();
    const ev = onPo(1, 1, 1);
    const effects = view.predict(ev);
    mirror.put('events', ev.id, ev);
    view.invalidate();
    view.commit(ev, effects);
    expect(receivingProgress(view.current, session)[0]?.received).toBe(1);
  });

  it('never changes the replica documents it starts from', () => {
    const { mirror, view } = setup();
    const balance: Stored<BalanceDoc> = {
      id: `${DOCK}|${itemId(1)}||available`, warehouseId: WH, locationId: DOCK, itemId: itemId(1), lot: null, expiry: null, status: 'available', qty: 7, seq: 1, updatedAt: '2026-11-01T00:00:00.000Z',
    };
    mirror.put('balances', balance.id, balance);
    const ev = onPo(1, 1, 2);
    view.commit(ev, view.predict(ev));
    expect(view.current.balances.get(`${WH}|${DOCK}|${itemId(1)}||available`)?.qty).toBe(9);
    expect(mirror.docs.balances.get(`${DOCK}|${itemId(1)}||available`)?.qty).toBe(7);
    expect(mirror.docs.purchase_orders.get(PO)?.lines[0]?.qtyReceived).toBe(0);
  });

  it('predicts exceptions, over and unexpected at the scan', () => {
    const { view } = setup(4);
    const over = onPo(1, 1, 2);
    const overEffects = view.predict(over);
    view.commit(over, overEffects);
    const after = receivingProgress(view.current, session).find((l) => l.itemId === itemId(1));
    expect(after?.state).toBe('over');
    expect(lineFeedback(overEffects, after, { name: 'x', qty: 2, uom: 'EA' })).toMatchObject({ kind: 'warning', title: 'flash.over', params: { over: 1 } });

    const surprise = onPo(2, 2, 1);
    const surpriseEffects = view.predict(surprise);
    view.commit(surprise, surpriseEffects);
    const line2 = receivingProgress(view.current, session).find((l) => l.itemId === itemId(2));
    expect(line2).toMatchObject({ expected: null, received: 1, state: 'unexpected' });
    expect(lineFeedback(surpriseEffects, line2, { name: 'y', qty: 1, uom: 'EA' }).kind).toBe('warning');

    const closed = close(3, session.receiptId);
    expect(view.predict(closed).receipts[0]?.discrepancies.map((d) => d.kind)).toEqual(expect.arrayContaining(['over', 'unexpected']));
  });

  it('flashes green for a clean scan and amber with the reasons for a predicted exception', () => {
    const { view } = setup();
    const ok = onPo(1, 1, 1);
    const okEffects = view.predict(ok);
    view.commit(ok, okEffects);
    const line = receivingProgress(view.current, session)[0];
    expect(lineFeedback(okEffects, line, { name: 'x', qty: 1, uom: 'EA' })).toMatchObject({ kind: 'accepted', details: ['flash.progress'] });
    const expired = scan(2, { item: 1, poId: PO, expiry: '2020-01-01' });
    expect(lineFeedback(view.predict(expired), line, { name: 'x', qty: 1, uom: 'EA' })).toMatchObject({ kind: 'warning', details: ['reasons.expired'] });
  });
});
