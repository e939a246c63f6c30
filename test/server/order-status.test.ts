import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CartonDoc, OrderStatusDoc, PickTaskDoc, WaveDoc } from '../../shared/schemas/docs';
import { expireFinishedOrderStatus } from '../../sync-server/orders/housekeeping';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makeWarehouse, putStock, type TestItem, type TestWarehouse } from '../support/factories';
import { api, deviceEvent, pullAll, push, sessionFor, startTestServer, uuidv7, type Session, type TestServer } from '../support/server';

/** What a device pulls, checked against the very schemas the device validates with. */
const Page = <T extends z.ZodType>(doc: T) => z.object({ documents: z.array(doc), checkpoint: z.object({ seq: z.number().int() }) });

let n = 0;
const importBody = (channel: string, lines: { sku: string; qty: number }[], name = 'Ana Ruiz') => ({
  orders: [
    {
      channel,
      externalId: `113-${Date.now()}-${++n}`,
      placedAt: '2026-11-20T08:00:00Z',
      customer: { email: 'ana@example.com', name: `${name} (buyer)` },
      shipTo: { name, line1: '1 Way', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
      lines: lines.map((l) => ({ ...l, unitPrice: 1000 })),
      shipping: { method: 'ground', price: 500 },
      payment: { status: 'captured', amount: lines.reduce((s, l) => s + l.qty * 1000, 500) },
    },
  ],
});

describe.each(DATABASE_KINDS)('order numbers and order status on devices, on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let other: TestWarehouse;
  let device: Session;
  let otherDevice: Session;
  let supervisor: Session;
  let a: TestItem;
  let b: TestItem;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db, { bins: 3 });
    other = await makeWarehouse(server.db, { bins: 1 });
    device = await sessionFor(server, ['associate'], wh.id);
    otherDevice = await sessionFor(server, ['associate'], other.id);
    supervisor = await sessionFor(server, ['supervisor', 'customer_service']);
    a = await makeItem(server.db, { listPrice: 1000 });
    b = await makeItem(server.db, { listPrice: 1000 });
    await server.db.exec(`INSERT INTO channels (code, name, order_prefix) VALUES ('amazon', 'Amazon', 'AMZ'), ('web', 'Web', NULL)`);
    const rules = await api<Record<string, unknown>>(server, '/api/settings/order-rules', { token: supervisor.token });
    const admin = await sessionFor(server, ['admin']);
    await api(server, '/api/settings/order-rules', { method: 'PUT', token: admin.token, body: { ...rules.body, warehousePriority: [wh.code] } });
  });
  afterAll(() => server.close());

  /** One page after the checkpoint, validated with the device's zod schema. */
  async function pullAfter<T extends z.ZodType>(s: Session, collection: string, schema: T, checkpoint: number) {
    const res = await api(server, `/sync/${collection}/pull?checkpoint=${checkpoint}&limit=5000`, { token: s.token });
    expect(res.status).toBe(200);
    return Page(schema).parse(res.body);
  }
  const headSeq = async (s: Session, collection: string) => (await pullAfter(s, collection, z.object({ seq: z.number() }), 0)).checkpoint.seq;

  it('carries the channel order number on pick tasks, waves and cartons, and every order state to the warehouse devices', async () => {
    await putStock(server.db, wh.id, wh.binIds[0] ?? '', a.id, 5);
    await putStock(server.db, wh.id, wh.binIds[1] ?? '', b.id, 5);
    let checkpoint = await headSeq(device, 'order_status');
    const imp = await api<{ results: { orderId: string; orderNumber: string; status: string }[] }>(server, '/api/orders/import', {
      token: supervisor.token,
      body: importBody('amazon', [
        { sku: a.sku, qty: 2 },
        { sku: b.sku, qty: 1 },
      ]),
    });
    const result = imp.body.results[0];
    expect(result?.status).toBe('released');
    const orderId = result?.orderId ?? '';
    const orderNumber = result?.orderNumber ?? '';
    expect(orderNumber).toMatch(/^AMZ-113-\d+-\d+$/);
    expect((await api<{ orderNumber: string }>(server, `/api/orders/${orderId}`, { token: supervisor.token })).body.orderNumber).toBe(orderNumber);

    /** The order's document in the pull after the checkpoint: exactly one, newer than the checkpoint; moves the checkpoint on. */
    const nextState = async () => {
      const page = await pullAfter(device, 'order_status', OrderStatusDoc, checkpoint);
      const mine = page.documents.filter((d) => d.id === orderId);
      expect(mine).toHaveLength(1);
      const doc = mine[0] as OrderStatusDoc;
      expect(doc.seq).toBeGreaterThan(checkpoint);
      checkpoint = page.checkpoint.seq;
      return doc;
    };

    expect(await nextState()).toMatchObject({
      warehouseId: wh.id,
      orderNumber,
      channel: 'amazon',
      customerName: 'Ana Ruiz (buyer)',
      shipToName: 'Ana Ruiz',
      status: 'allocated',
      holds: [],
      carrier: 'UPS',
      cutoff: expect.stringMatching(/Z$/),
      lines: 2,
      linesPicked: 0,
      linesPacked: 0,
      linesShipped: 0,
      _deleted: false,
    });
    // Scoped to the warehouse the order is allocated in.
    expect((await pullAll<{ id: string }>(server, otherDevice, 'order_status')).some((d) => d.id === orderId)).toBe(false);

    // Waving: the tasks and the wave carry the order number; the order is now being picked.
    const waveCheckpoint = await headSeq(device, 'waves');
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const tasks = (await pullAfter(device, 'pick_tasks', PickTaskDoc, 0)).documents.filter((t) => t.orderId === orderId).sort((x, y) => x.sequence - y.sequence);
    expect(tasks).toHaveLength(2);
    for (const t of tasks) expect(t).toMatchObject({ orderNumber, shipToName: 'Ana Ruiz' });
    const wave = (await pullAfter(device, 'waves', WaveDoc, waveCheckpoint)).documents.find((w) => w.orderIds.includes(orderId));
    expect(wave?.orderNumbers[wave.orderIds.indexOf(orderId)]).toBe(orderNumber);
    expect(await nextState()).toMatchObject({ status: 'picking', linesPicked: 0 });

    // Each pick changes the document (no state transition for the first, but a line count): each is pulled.
    const [ta, tb] = tasks as [PickTaskDoc, PickTaskDoc];
    await push(server, device, [deviceEvent(device, 'pick.picked', { taskId: ta.id, locationId: ta.locationId, itemId: a.id, lot: null, qty: 2, tote: 'TOTE-5' })]);
    expect(await nextState()).toMatchObject({ status: 'picking', linesPicked: 1 });
    await push(server, device, [deviceEvent(device, 'pick.picked', { taskId: tb.id, locationId: tb.locationId, itemId: b.id, lot: null, qty: 1, tote: 'TOTE-5' })]);
    expect(await nextState()).toMatchObject({ status: 'picking', linesPicked: 2, linesPacked: 0 });

    // Packing in two cartons: the first packs one line, the second the other.
    const c1 = uuidv7();
    const c2 = uuidv7();
    await push(server, device, [deviceEvent(device, 'pack.carton_closed', { cartonId: c1, orderId, lines: [{ itemId: a.id, lot: null, qty: 2 }], weightGrams: 800, tote: 'TOTE-5' })]);
    expect(await nextState()).toMatchObject({ status: 'packed', linesPacked: 1 });
    await push(server, device, [deviceEvent(device, 'pack.carton_closed', { cartonId: c2, orderId, lines: [{ itemId: b.id, lot: null, qty: 1 }], weightGrams: 400, tote: 'TOTE-5' })]);
    expect(await nextState()).toMatchObject({ status: 'packed', linesPacked: 2, linesShipped: 0 });
    const cartons = (await pullAfter(device, 'cartons', CartonDoc, 0)).documents.filter((c) => c.orderId === orderId);
    expect(cartons.map((c) => [c.orderNumber, c.shipToName])).toEqual([
      [orderNumber, 'Ana Ruiz'],
      [orderNumber, 'Ana Ruiz'],
    ]);
    const label = await api<{ orderNumber: string }>(server, `/api/cartons/${c1}/label?format=json`, { token: device.token });
    expect(label.body.orderNumber).toBe(orderNumber);

    const shipped = await push(server, device, [deviceEvent(device, 'ship.confirmed', { orderId, cartonIds: [c1, c2], carrier: 'UPS', trackingNumber: '1Z999AA10123456784' })]);
    expect(shipped.body.results[0]?.status).toBe('applied');
    expect(await nextState()).toMatchObject({ status: 'shipped', lines: 2, linesPicked: 2, linesPacked: 2, linesShipped: 2 });

    // Nothing changed, nothing new to pull: a write that touches the order without changing it keeps its seq.
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    expect((await pullAfter(device, 'order_status', OrderStatusDoc, checkpoint)).documents.filter((d) => d.id === orderId)).toEqual([]);
  });

  it('uses the channel code in capitals when the channel has no prefix, and leaves a tombstone when nothing stays allocated in the warehouse', async () => {
    await putStock(server.db, wh.id, wh.binIds[2] ?? '', a.id, 1);
    // Only the one unit in bin 3 is free (bin 1 holds the 3 left from the first test, so take them all first).
    const first = await api<{ results: { orderId: string; orderNumber: string; status: string }[] }>(server, '/api/orders/import', {
      token: supervisor.token,
      body: importBody('web', [{ sku: a.sku, qty: 4 }], 'Bo Li'),
    });
    const orderId = first.body.results[0]?.orderId ?? '';
    expect(first.body.results[0]?.orderNumber).toMatch(/^WEB-113-/);
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const tasks = (await pullAll<PickTaskDoc>(server, device, 'pick_tasks')).filter((t) => t.orderId === orderId && t.status === 'open');
    expect(tasks.reduce((s, t) => s + t.qty, 0)).toBe(4);
    let checkpoint = await headSeq(device, 'order_status');

    // Every stop comes up short: the units go to quarantine, nothing is left to allocate, the order is backordered.
    const shorts = await push(
      server,
      device,
      tasks.map((t) => deviceEvent(device, 'pick.short', { taskId: t.id, locationId: t.locationId, itemId: a.id, lot: null, qtyShort: t.qty, note: null })),
    );
    expect(shorts.body.results.every((r) => r.status === 'exception')).toBe(true);
    const page = await pullAfter(device, 'order_status', OrderStatusDoc, checkpoint);
    const doc = page.documents.find((d) => d.id === orderId);
    expect(doc).toMatchObject({ status: 'backordered', lines: 0, _deleted: true });
    checkpoint = page.checkpoint.seq;
    expect((await api<{ status: string }>(server, `/api/orders/${orderId}`, { token: supervisor.token })).body.status).toBe('backordered');

    // Stock arrives (a receipt would do the same): allocation runs again, the document comes back.
    await putStock(server.db, wh.id, wh.binIds[0] ?? '', a.id, 4);
    const receipt = await push(server, device, [
      deviceEvent(device, 'putaway.moved', { itemId: a.id, lot: null, qty: 4, fromLocationId: wh.binIds[0] ?? '', toLocationId: wh.binIds[1] ?? '', suggestedLocationId: wh.binIds[1] ?? '', overrideReason: null }),
    ]);
    expect(receipt.body.results[0]?.status).toBe('applied');
    const back = (await pullAfter(device, 'order_status', OrderStatusDoc, checkpoint)).documents.find((d) => d.id === orderId);
    expect(back).toMatchObject({ status: 'allocated', lines: 1, _deleted: false });
  });

  it('never skips an order state: a device pulling while pushes commit ends with every order as the server has it', async () => {
    await putStock(server.db, wh.id, wh.binIds[2] ?? '', b.id, 40);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const imp = await api<{ results: { orderId: string }[] }>(server, '/api/orders/import', { token: supervisor.token, body: importBody('web', [{ sku: b.sku, qty: 2 }]) });
      ids.push(imp.body.results[0]?.orderId ?? '');
    }
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const tasks = (await pullAll<PickTaskDoc>(server, device, 'pick_tasks')).filter((t) => ids.includes(t.orderId) && t.status === 'open');
    expect(tasks).toHaveLength(6);

    const seen = new Map<string, OrderStatusDoc>();
    let checkpoint = 0;
    const drain = async () => {
      for (;;) {
        const page = await pullAfter(device, 'order_status', OrderStatusDoc, checkpoint);
        for (const d of page.documents) seen.set(d.id, d);
        checkpoint = page.checkpoint.seq;
        if (page.documents.length === 0) return;
      }
    };
    let writing = true;
    const puller = (async () => {
      while (writing) await drain();
    })();
    // Picks, packs and ships of six orders from two devices at once.
    const picker2 = await sessionFor(server, ['associate'], wh.id);
    await Promise.all(
      tasks.map(async (t, i) => {
        const s = i % 2 === 0 ? device : picker2;
        const cartonId = uuidv7();
        await push(server, s, [deviceEvent(s, 'pick.picked', { taskId: t.id, locationId: t.locationId, itemId: b.id, lot: null, qty: 2, tote: `TOTE-${10 + i}` })]);
        await push(server, s, [deviceEvent(s, 'pack.carton_closed', { cartonId, orderId: t.orderId, lines: [{ itemId: b.id, lot: null, qty: 2 }], weightGrams: 500, tote: null })]);
        if (i % 3 !== 0) await push(server, s, [deviceEvent(s, 'ship.confirmed', { orderId: t.orderId, cartonIds: [cartonId], carrier: 'UPS', trackingNumber: `1Z${i}0000000` })]);
      }),
    );
    writing = false;
    await puller;
    await drain();

    const truth = await pullAll<OrderStatusDoc>(server, device, 'order_status');
    for (const id of ids) {
      const expected = truth.find((d) => d.id === id);
      expect(seen.get(id)).toEqual(expected);
    }
    expect(ids.map((id) => seen.get(id)?.status).sort()).toEqual(['packed', 'packed', 'shipped', 'shipped', 'shipped', 'shipped']);
  });

  it('drops finished orders from the devices two weeks after their last change; open ones stay', async () => {
    await putStock(server.db, wh.id, wh.binIds[1] ?? '', a.id, 4, 100);
    const place = async () =>
      (await api<{ results: { orderId: string }[] }>(server, '/api/orders/import', { token: supervisor.token, body: importBody('web', [{ sku: a.sku, qty: 1 }]) })).body
        .results[0]?.orderId ?? '';
    const done = await place();
    const open = await place();
    // One finished (shipped) and one still allocated, both last changed three weeks ago.
    await server.db.query(`UPDATE order_status SET status = 'shipped' WHERE order_id = $1`, [done]);
    await server.db.query(`UPDATE order_status SET updated_at = now() - interval '21 days' WHERE order_id = ANY($1::uuid[])`, [[done, open]]);
    const from = await headSeq(device, 'order_status');
    expect(await expireFinishedOrderStatus(server.db, new Date())).toBeGreaterThanOrEqual(1);
    const page = await pullAfter(device, 'order_status', OrderStatusDoc, from);
    expect(page.documents.find((d) => d.id === done)).toMatchObject({ _deleted: true });
    expect(page.documents.some((d) => d.id === open)).toBe(false);
    // Nothing left to expire: a second run changes nothing and sends devices nothing.
    expect(await expireFinishedOrderStatus(server.db, new Date())).toBe(0);
    expect(await headSeq(device, 'order_status')).toBe(page.checkpoint.seq);
  });
});
