import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makePurchaseOrder, makeWarehouse, type TestWarehouse } from '../support/factories';
import { api, lineScanned, pullAll, push, receiptClosed, sessionFor, startTestServer, uuidv7, type Session, type TestServer } from '../support/server';
import type { Discrepancy, ReceiptDoc } from '../../shared/schemas/docs';

describe.each(DATABASE_KINDS)('receiving at the dock on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let device: Session;
  let supervisor: Session;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db);
    device = await sessionFor(server, ['associate'], wh.id);
    supervisor = await sessionFor(server, ['supervisor']);
  });
  afterAll(() => server.close());

  async function dockStock(itemId: string) {
    const res = await api<{ locationId: string; status: string; qty: number; lot: string | null }[]>(
      server,
      `/api/balances?warehouseId=${wh.id}&itemId=${itemId}`,
      { token: supervisor.token },
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  it('receives a PO line by line into the dock and reports over, short, unexpected and damaged at close', async () => {
    const bolts = await makeItem(server.db);
    const nuts = await makeItem(server.db, { caseOf: 12 });
    const washers = await makeItem(server.db);
    const stray = await makeItem(server.db);
    const po = await makePurchaseOrder(server.db, wh.id, [
      { itemId: bolts.id, qty: 10, unitCost: 120 },
      { itemId: nuts.id, qty: 24, unitCost: 40 },
      { itemId: washers.id, qty: 5 },
    ]);
    const receiptId = uuidv7();
    const scans = [
      ...Array.from({ length: 11 }, () => lineScanned(device, { receiptId, poId: po.id, itemId: bolts.id, barcode: bolts.gtin })),
      lineScanned(device, { receiptId, poId: po.id, itemId: nuts.id, qty: 1, uom: 'CS' }),
      lineScanned(device, { receiptId, poId: po.id, itemId: washers.id, qty: 2, condition: 'damaged' }),
      lineScanned(device, { receiptId, poId: po.id, itemId: stray.id, qty: 3 }),
    ];
    const res = await push(server, device, scans);
    expect(res.status).toBe(200);
    expect(res.body.results.every((r) => r.status === 'applied')).toBe(true);

    const close = await push(server, device, [receiptClosed(device, receiptId, po.id)]);
    expect(close.body.results[0]?.status).toBe('applied');

    const receipt = await api<ReceiptDoc>(server, `/api/receipts/${receiptId}`, { token: supervisor.token });
    expect(receipt.body.status).toBe('closed');
    const byKind = (k: Discrepancy['kind'], itemId: string) => receipt.body.discrepancies.find((d) => d.kind === k && d.itemId === itemId);
    expect(byKind('over', bolts.id)).toMatchObject({ expected: 10, received: 11, qty: 1 });
    expect(byKind('short', nuts.id)).toMatchObject({ expected: 24, received: 12, qty: 12 });
    expect(byKind('short', washers.id)).toMatchObject({ expected: 5, received: 2, qty: 3 });
    expect(byKind('damaged', washers.id)).toMatchObject({ qty: 2 });
    expect(byKind('unexpected', stray.id)).toMatchObject({ expected: 0, received: 3 });

    expect(await dockStock(bolts.id)).toEqual([expect.objectContaining({ locationId: wh.dockId, status: 'available', qty: 11 })]);
    expect(await dockStock(nuts.id)).toEqual([expect.objectContaining({ locationId: wh.dockId, qty: 12 })]);
    expect(await dockStock(washers.id)).toEqual([expect.objectContaining({ status: 'damaged', qty: 2 })]);

    const poNow = await api<{ status: string; lines: { itemId: string; qtyReceived: number }[] }>(server, `/api/purchase-orders/${po.id}`, {
      token: supervisor.token,
    });
    expect(poNow.body.status).toBe('partially_received');
    expect(poNow.body.lines.map((l) => l.qtyReceived)).toEqual([11, 12, 2]);

    // The moving-average valuation uses the PO cost: 11 x 120 for the bolts.
    const [val] = await server.db.query<{ qty: number; value: number }>('SELECT qty, value FROM valuations WHERE warehouse_id = $1 AND item_id = $2', [
      wh.id,
      bolts.id,
    ]);
    expect(val).toEqual({ qty: 11, value: 1320 });

    // The supervisor sees the discrepancy in the exception queue; the device sees it replicated.
    const exceptions = await pullAll<{ kind: string; eventId: string }>(server, device, 'exceptions');
    expect(exceptions.some((e) => e.kind === 'receipt_discrepancy' && e.eventId === close.body.results[0]?.id)).toBe(true);
  });

  it('records contradicting scans as exceptions instead of dropping them', async () => {
    const item = await makeItem(server.db);
    const lotItem = await makeItem(server.db, { tracking: 'lot_expiry' });
    const po = await makePurchaseOrder(server.db, wh.id, [{ itemId: item.id, qty: 5 }]);
    const receiptId = uuidv7();
    await push(server, device, [lineScanned(device, { receiptId, poId: po.id, itemId: item.id, qty: 5 })]);
    await push(server, device, [receiptClosed(device, receiptId, po.id)]);

    // Another handheld was offline and scanned more of the same pallet after the receipt closed.
    const late = lineScanned(device, { receiptId, poId: po.id, itemId: item.id, qty: 2 });
    const unknown = lineScanned(device, { receiptId: uuidv7(), poId: null, itemId: uuidv7(), qty: 1 });
    const noLot = lineScanned(device, { receiptId: uuidv7(), poId: null, itemId: lotItem.id, qty: 4 });
    const res = await push(server, device, [late, unknown, noLot]);
    expect(res.body.results.map((r) => [r.status, r.reason])).toEqual([
      ['exception', 'receipt_closed,po_closed'],
      ['exception', 'unknown_item'],
      ['exception', 'lot_required,expiry_required'],
    ]);

    // The late goods are on the ledger, in quarantine at the dock: a fact, not a loss.
    expect(await dockStock(item.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'available', qty: 5 }), expect.objectContaining({ status: 'quarantine', qty: 2 })]),
    );
    expect(await dockStock(lotItem.id)).toEqual([expect.objectContaining({ status: 'quarantine', qty: 4 })]);

    const queue = await api<{ eventId: string; kind: string; status: string }[]>(server, `/api/exceptions?warehouseId=${wh.id}&status=open`, {
      token: supervisor.token,
    });
    for (const ev of [late, unknown, noLot]) {
      expect(queue.body.some((q) => q.eventId === ev.id)).toBe(true);
    }
    const outcomes = await pullAll<{ id: string; status: string; reason: string | null }>(server, device, 'event_outcomes');
    expect(outcomes.find((o) => o.id === unknown.id)).toMatchObject({ status: 'exception', reason: 'unknown_item' });
  });

  it('quarantines a serial number that is already in stock', async () => {
    const phone = await makeItem(server.db, { tracking: 'serial' });
    const first = lineScanned(device, { receiptId: uuidv7(), poId: null, itemId: phone.id, qty: 2, serials: ['SN1', 'SN2'] });
    const again = lineScanned(device, { receiptId: uuidv7(), poId: null, itemId: phone.id, qty: 1, serials: ['SN2'] });
    const res = await push(server, device, [first, again]);
    expect(res.body.results.map((r) => r.reason)).toEqual([null, 'serial_duplicate']);
    expect(await dockStock(phone.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'available', qty: 2 }), expect.objectContaining({ status: 'quarantine', qty: 1 })]),
    );
  });

  it('lets a supervisor resolve an exception, once, with the change replicated', async () => {
    const res = await push(server, device, [lineScanned(device, { receiptId: uuidv7(), poId: null, itemId: uuidv7() })]);
    const [exc] = await server.db.query<{ id: string }>('SELECT id FROM exceptions WHERE event_id = $1', [res.body.results[0]?.id ?? '']);
    if (!exc) throw new Error('exception missing');
    const resolve = () =>
      api(server, `/api/exceptions/${exc.id}/resolve`, { token: supervisor.token, body: { resolution: 'Label misprint, item returned to supplier' } });
    expect((await resolve()).status).toBe(200);
    expect((await resolve()).status).toBe(409);
    const associate = await api(server, `/api/exceptions/${exc.id}/resolve`, { token: device.token, body: { resolution: 'not mine to decide' } });
    expect(associate.status).toBe(403);
    const docs = await pullAll<{ id: string; status: string; resolution: string }>(server, device, 'exceptions');
    expect(docs.find((d) => d.id === exc.id)).toMatchObject({ status: 'resolved', resolution: 'Label misprint, item returned to supplier' });
  });
});
