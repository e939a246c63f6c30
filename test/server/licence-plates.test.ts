import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicencePlateDoc } from '../../shared/schemas/docs';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makePurchaseOrder, makeWarehouse, type TestItem, type TestWarehouse } from '../support/factories';
import { api, deviceEvent, lineScanned, pullAll, push, receiptClosed, sessionFor, startTestServer, uuidv7, type Session, type TestServer, webOrder } from '../support/server';

type Plate = Omit<LicencePlateDoc, '_deleted'>;
type Balance = { locationId: string; status: string; qty: number };

let plateNo = 0;
/** A pre-printed label nobody else in the run uses. */
const newLpn = () => `LPN-${Date.now()}${String(++plateNo).padStart(3, '0')}`;

describe.each(DATABASE_KINDS)('licence plates on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let other: TestWarehouse;
  let dock: Session;
  let forklift: Session;
  let elsewhere: Session;
  let supervisor: Session;
  let a: TestItem;
  let b: TestItem;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db, { bins: 3 });
    other = await makeWarehouse(server.db, { bins: 1 });
    dock = await sessionFor(server, ['associate'], wh.id);
    forklift = await sessionFor(server, ['associate'], wh.id);
    elsewhere = await sessionFor(server, ['associate'], other.id);
    supervisor = await sessionFor(server, ['supervisor']);
    a = await makeItem(server.db);
    b = await makeItem(server.db);
  });
  afterAll(() => server.close());

  const balances = async (itemId: string, warehouseId = wh.id) =>
    (await api<Balance[]>(server, `/api/balances?warehouseId=${warehouseId}&itemId=${itemId}`, { token: supervisor.token })).body;
  const qtyAt = (rows: Balance[], locationId: string, status = 'available') => rows.filter((r) => r.locationId === locationId && r.status === status).reduce((n, r) => n + r.qty, 0);
  const plate = async (s: Session, code: string) => (await pullAll<Plate>(server, s, 'licence_plates')).find((p) => p.code === code);
  const contents = (p: Plate | undefined) => (p?.contents ?? []).map((l) => [l.itemId, l.status, l.qty]).sort();

  it('receives onto a plate, puts the whole plate away in one event, once, and refuses the plate after that', async () => {
    const lpn = newLpn();
    const po = await makePurchaseOrder(server.db, wh.id, [{ itemId: a.id, qty: 10 }, { itemId: b.id, qty: 5 }]);
    const receiptId = uuidv7();
    const received = await push(server, dock, [
      lineScanned(dock, { receiptId, poId: po.id, itemId: a.id, qty: 4, lpn }),
      lineScanned(dock, { receiptId, poId: po.id, itemId: b.id, qty: 2, lpn }),
      // A receipt line without a plate works exactly as before: loose on the dock.
      lineScanned(dock, { receiptId, poId: po.id, itemId: a.id, qty: 1 }),
    ]);
    expect(received.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const open = await plate(forklift, lpn);
    expect(open).toMatchObject({ status: 'open', locationId: wh.dockId, receiptId, warehouseId: wh.id });
    expect(contents(open)).toEqual([[a.id, 'available', 4], [b.id, 'available', 2]].sort());
    // The plate is a container reference: the ledger holds the units, at the dock.
    expect(qtyAt(await balances(a.id), wh.dockId)).toBe(5);

    // Closing the receipt closes the plates still open on it.
    expect((await push(server, dock, [receiptClosed(dock, receiptId, po.id)])).body.results[0]?.status).toBe('applied');
    expect((await plate(forklift, lpn))?.status).toBe('closed');

    // Put-away by plate: its contents and the suggested bin for the whole plate (by its dominant item).
    const view = await api<Plate & { suggestion: { locationId: string; rule: string; barcode: string } | null }>(server, `/api/licence-plates/${lpn.toLowerCase()}`, { token: forklift.token });
    expect(view.status).toBe(200);
    expect(view.body.suggestion).toMatchObject({ locationId: wh.binIds[0], rule: 'any_bin' });
    expect(view.body.suggestion?.barcode).toMatch(/^LOC-/);
    expect(view.body.contents).toHaveLength(2);
    const bin = view.body.suggestion?.locationId ?? '';

    // Another bin than the suggestion needs a reason (400, nothing applied).
    const noReason = await push(server, forklift, [deviceEvent(forklift, 'putaway.lpn_moved', { lpn, toLocationId: wh.binIds[1] ?? '', suggestedLocationId: bin, overrideReason: null })]);
    expect(noReason.status).toBe(400);

    const move = deviceEvent(forklift, 'putaway.lpn_moved', { lpn, toLocationId: bin, suggestedLocationId: bin, overrideReason: null });
    const moved = await push(server, forklift, [move]);
    expect(moved.body.results).toEqual([{ id: move.id, status: 'applied', reason: null }]);
    const [aRows, bRows] = [await balances(a.id), await balances(b.id)];
    expect(qtyAt(aRows, bin)).toBe(4);
    expect(qtyAt(bRows, bin)).toBe(2);
    expect(qtyAt(aRows, wh.dockId)).toBe(1);
    expect(qtyAt(bRows, wh.dockId)).toBe(0);
    const done = await plate(forklift, lpn);
    expect(done).toMatchObject({ status: 'put_away', locationId: bin, contents: [] });

    // The same event again (a retry): applied once.
    const again = await push(server, forklift, [move]);
    expect(again.body.results).toEqual([{ id: move.id, status: 'duplicate', reason: null }]);
    expect(qtyAt(await balances(a.id), bin)).toBe(4);
    const [movements] = await server.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM movements WHERE warehouse_id = $1 AND event_id = $2', [wh.id, move.id]);
    expect(movements?.n).toBe(4);

    // The label is used: receiving onto it again is an exception (goods on the dock, without the plate, in quarantine).
    const reuse = await push(server, dock, [lineScanned(dock, { receiptId: uuidv7(), itemId: a.id, qty: 3, lpn })]);
    expect(reuse.body.results[0]).toMatchObject({ status: 'exception', reason: 'lpn_put_away' });
    expect(qtyAt(await balances(a.id), wh.dockId, 'quarantine')).toBe(3);
    expect(await plate(forklift, lpn)).toMatchObject({ status: 'put_away', locationId: bin, contents: [] });
    const queue = await api<{ kind: string; eventId: string; reason: string }[]>(server, `/api/exceptions?warehouseId=${wh.id}&status=open`, { token: supervisor.token });
    expect(queue.body.find((q) => q.eventId === reuse.body.results[0]?.id)).toMatchObject({ kind: 'lpn_put_away', reason: expect.stringContaining('already put away') });
    // Putting it away a second time moves nothing.
    const twice = await push(server, forklift, [deviceEvent(forklift, 'putaway.lpn_moved', { lpn, toLocationId: wh.binIds[2] ?? '', suggestedLocationId: null, overrideReason: null })]);
    expect(twice.body.results[0]).toMatchObject({ status: 'exception', reason: 'lpn_put_away' });
    expect(qtyAt(await balances(a.id), wh.binIds[2] ?? '')).toBe(0);

    // One code, one tenant: another warehouse cannot receive onto it (and never sees it).
    const foreign = await push(server, elsewhere, [lineScanned(elsewhere, { receiptId: uuidv7(), itemId: a.id, qty: 1, lpn })]);
    expect(foreign.body.results[0]).toMatchObject({ status: 'exception', reason: 'lpn_other_warehouse' });
    expect(qtyAt(await balances(a.id, other.id), other.dockId, 'quarantine')).toBe(1);
    expect(await plate(elsewhere, lpn)).toBeUndefined();
    expect((await api(server, `/api/licence-plates/${lpn}`, { token: elsewhere.token })).status).toBe(404);
  });

  it('takes units off a plate when they are put away item by item, loose units first, and marks the plate emptied', async () => {
    const lpn = newLpn();
    const receiptId = uuidv7();
    const loose = (await balances(a.id)).filter((r) => r.locationId === wh.dockId && r.status === 'available').reduce((n, r) => n + r.qty, 0);
    await push(server, dock, [lineScanned(dock, { receiptId, itemId: a.id, qty: 3, lpn }), deviceEvent(dock, 'lpn.closed', { lpn, receiptId })]);
    expect(await plate(forklift, lpn)).toMatchObject({ status: 'closed' });

    const itemMove = (qty: number) =>
      deviceEvent(forklift, 'putaway.moved', { itemId: a.id, lot: null, qty, fromLocationId: wh.dockId, toLocationId: wh.binIds[2] ?? '', suggestedLocationId: null, overrideReason: null });
    expect((await push(server, forklift, [itemMove(loose + 1)])).body.results[0]?.status).toBe('applied');
    expect(contents(await plate(forklift, lpn))).toEqual([[a.id, 'available', 2]]);
    expect((await push(server, forklift, [itemMove(2)])).body.results[0]?.status).toBe('applied');
    expect(await plate(forklift, lpn)).toMatchObject({ status: 'emptied', contents: [] });
    expect(qtyAt(await balances(a.id), wh.dockId)).toBe(0);

    // Nothing left on it: a plate put-away moves nothing.
    const empty = await push(server, forklift, [deviceEvent(forklift, 'putaway.lpn_moved', { lpn, toLocationId: wh.binIds[1] ?? '', suggestedLocationId: null, overrideReason: null })]);
    expect(empty.body.results[0]).toMatchObject({ status: 'exception', reason: 'lpn_empty' });
  });

  it('never allocates units standing on a plate at the dock; once the plate is in a bin, a waiting order gets them', async () => {
    const c = await makeItem(server.db, { listPrice: 1000 });
    await server.db.exec(`INSERT INTO channels (code, name) VALUES ('web', 'Web') ON CONFLICT DO NOTHING`);
    const lpn = newLpn();
    const po = await makePurchaseOrder(server.db, wh.id, [{ itemId: c.id, qty: 6 }]);
    const receiptId = uuidv7();
    await push(server, dock, [lineScanned(dock, { receiptId, poId: po.id, itemId: c.id, qty: 4, lpn }), lineScanned(dock, { receiptId, poId: po.id, itemId: c.id, qty: 1 })]);
    const cs = await sessionFor(server, ['customer_service']);
    const imported = await api<{ results: { orderId: string; status: string }[] }>(server, '/api/orders/import', {
      token: cs.token,
      body: {
        orders: [webOrder(`LPN-ORDER-${Date.now()}`, [{ sku: c.sku, qty: 3, unitPrice: 1000 }])],
      },
    });
    const orderId = imported.body.results[0]?.orderId ?? '';
    type Order = { status: string; lines: { qtyAllocated: number; qtyBackordered: number }[] };
    const order = async () => (await api<Order>(server, `/api/orders/${orderId}`, { token: supervisor.token })).body;
    // Only the loose unit at the dock is allocatable; the plate's four are not.
    expect((await order()).lines[0]).toMatchObject({ qtyAllocated: 1, qtyBackordered: 2 });
    const bin = wh.binIds[1] ?? '';
    const moved = await push(server, forklift, [deviceEvent(forklift, 'putaway.lpn_moved', { lpn, toLocationId: bin, suggestedLocationId: bin, overrideReason: null })]);
    expect(moved.body.results[0]?.status).toBe('applied');
    // In a bin the units are ordinary stock, and the backordered order takes them.
    expect((await order()).lines[0]).toMatchObject({ qtyAllocated: 3, qtyBackordered: 0 });
    expect(qtyAt(await balances(c.id), bin, 'allocated')).toBe(2);
  });

  it('refuses a malformed plate code at the boundary', async () => {
    const bad = await push(server, dock, [lineScanned(dock, { receiptId: uuidv7(), itemId: a.id, lpn: 'LPN-12A' })]);
    expect(bad.status).toBe(400);
    expect((await api(server, '/api/licence-plates/PO-1', { token: forklift.token })).status).toBe(400);
  });
});
