import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makeWarehouse, putStock, type TestItem, type TestWarehouse } from '../support/factories';
import { api, deviceEvent, pullAll, push, sessionFor, startTestServer, uuidv7, type Session, type TestServer, webOrder } from '../support/server';

type Task = { id: string; orderId: string; itemId: string; locationId: string; lot: string | null; qty: number; sequence: number; waveId: string; status: string };

describe.each(DATABASE_KINDS)('put-away, pick, pack and ship on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let picker: Session;
  let packer: Session;
  let supervisor: Session;
  let a: TestItem;
  let b: TestItem;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db, { bins: 4 });
    picker = await sessionFor(server, ['associate'], wh.id);
    packer = await sessionFor(server, ['associate'], wh.id);
    supervisor = await sessionFor(server, ['supervisor', 'customer_service']);
    a = await makeItem(server.db, { standardCost: 300, listPrice: 1000 });
    b = await makeItem(server.db, { standardCost: 200, listPrice: 1000 });
    await server.db.exec(`INSERT INTO channels (code, name) VALUES ('web', 'Web')`);
  });
  afterAll(() => server.close());

  const balances = async (itemId: string) =>
    (await api<{ locationId: string; status: string; qty: number }[]>(server, `/api/balances?warehouseId=${wh.id}&itemId=${itemId}`, { token: supervisor.token })).body;

  it('puts received stock away into a bin; an override needs a reason', async () => {
    await putStock(server.db, wh.id, wh.dockId, a.id, 10, 300);
    const suggestion = await api<{ locationId: string; rule: string; barcode: string }>(server, `/api/putaway/suggest?itemId=${a.id}&qty=6`, { token: picker.token });
    expect(suggestion.body).toMatchObject({ locationId: wh.binIds[0], rule: 'any_bin' });
    expect(suggestion.body.barcode).toMatch(/^LOC-/);
    const noReason = await push(server, picker, [
      deviceEvent(picker, 'putaway.moved', { itemId: a.id, lot: null, qty: 10, fromLocationId: wh.dockId, toLocationId: wh.binIds[1] ?? '', suggestedLocationId: wh.binIds[0] ?? '', overrideReason: null }),
    ]);
    expect(noReason.status).toBe(400);
    const ok = await push(server, picker, [
      deviceEvent(picker, 'putaway.moved', { itemId: a.id, lot: null, qty: 6, fromLocationId: wh.dockId, toLocationId: wh.binIds[0] ?? '', suggestedLocationId: wh.binIds[0] ?? '', overrideReason: null }),
      deviceEvent(picker, 'putaway.moved', { itemId: a.id, lot: null, qty: 4, fromLocationId: wh.dockId, toLocationId: wh.binIds[2] ?? '', suggestedLocationId: wh.binIds[0] ?? '', overrideReason: 'bin A-01-01 is full' }),
    ]);
    expect(ok.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await balances(a.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ locationId: wh.binIds[0], qty: 6 }), expect.objectContaining({ locationId: wh.binIds[2], qty: 4 })]),
    );
    expect((await balances(a.id)).some((x) => x.locationId === wh.dockId)).toBe(false);
  });

  it('picks by the path, refuses nothing physical, re-allocates a short pick, packs, ships and takes stock off the books', async () => {
    await putStock(server.db, wh.id, wh.binIds[3] ?? '', b.id, 5, 200);
    const total = 3 * 1000 + 2 * 1000 + 500;
    const imp = await api<{ results: { orderId: string; status: string }[] }>(server, '/api/orders/import', {
      token: supervisor.token,
      body: {
        orders: [
          {
            channel: 'web',
            externalId: `F-${Date.now()}`,
            placedAt: '2026-11-20T08:00:00Z',
            customer: { email: 'f@example.com', name: 'F' },
            shipTo: { name: 'F', line1: '1 Way', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
            lines: [
              { sku: a.sku, qty: 3, unitPrice: 1000 },
              { sku: b.sku, qty: 2, unitPrice: 1000 },
            ],
            shipping: { method: 'ground', price: 500 },
            payment: { status: 'captured', amount: total },
          },
        ],
      },
    });
    const orderId = imp.body.results[0]?.orderId ?? '';
    expect(imp.body.results[0]?.status).toBe('released');
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const tasks = (await pullAll<Task>(server, picker, 'pick_tasks')).filter((t) => t.orderId === orderId).sort((x, y) => x.sequence - y.sequence);
    expect(tasks.map((t) => [t.itemId, t.qty])).toEqual([
      [a.id, 3],
      [b.id, 2],
    ]);
    const [ta, tb] = tasks as [Task, Task];

    // A wrong item is refused at the scan on the device; if such a pick reaches the server anyway it is recorded as an exception.
    const wrong = await push(server, picker, [deviceEvent(picker, 'pick.picked', { taskId: ta.id, locationId: ta.locationId, itemId: b.id, lot: null, qty: 1, tote: 'TOTE-1' })]);
    expect(wrong.body.results[0]).toMatchObject({ status: 'exception' });
    expect(wrong.body.results[0]?.reason).toContain('wrong_item');

    // Two of three found, the third is not in the bin: short.
    const picks = await push(server, picker, [
      deviceEvent(picker, 'pick.picked', { taskId: ta.id, locationId: ta.locationId, itemId: a.id, lot: null, qty: 2, tote: 'TOTE-1' }),
      deviceEvent(picker, 'pick.short', { taskId: ta.id, locationId: ta.locationId, itemId: a.id, lot: null, qtyShort: 1, note: 'bin had two' }),
      deviceEvent(picker, 'pick.picked', { taskId: tb.id, locationId: tb.locationId, itemId: b.id, lot: null, qty: 2, tote: 'TOTE-1' }),
    ]);
    expect(picks.body.results.map((r) => r.status)).toEqual(['applied', 'exception', 'applied']);
    const queue = await api<{ kind: string; eventId: string }[]>(server, `/api/exceptions?warehouseId=${wh.id}&status=open`, { token: supervisor.token });
    expect(queue.body.some((q) => q.kind === 'pick_short' && q.eventId === picks.body.results[1]?.id)).toBe(true);

    // The short unit is re-allocated from the other bin holding the item.
    const order = await api<{ status: string; lines: { qtyAllocated: number; qtyPicked: number; allocations: { locationId: string; qty: number; status: string }[] }[] }>(server, `/api/orders/${orderId}`, { token: supervisor.token });
    expect(order.body.lines[0]).toMatchObject({ qtyAllocated: 3, qtyPicked: 2 });
    expect(order.body.lines[0]?.allocations.some((x) => x.status === 'open' && x.qty === 1)).toBe(true);
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const extra = (await pullAll<Task>(server, picker, 'pick_tasks')).find((t) => t.orderId === orderId && t.status === 'open');
    if (!extra) throw new Error('no re-allocated task');
    await push(server, picker, [deviceEvent(picker, 'pick.picked', { taskId: extra.id, locationId: extra.locationId, itemId: a.id, lot: null, qty: 1, tote: 'TOTE-1' })]);

    // Another device packs the tote into one carton and ships it.
    const cartonId = uuidv7();
    const packed = await push(server, packer, [
      deviceEvent(packer, 'pack.carton_closed', { cartonId, orderId, lines: [{ itemId: a.id, lot: null, qty: 3 }, { itemId: b.id, lot: null, qty: 2 }], weightGrams: 2300, tote: 'TOTE-1' }),
    ]);
    expect(packed.body.results[0]?.status).toBe('applied');
    // Every device of the warehouse learns of the carton (with its SSCC), so any station can ship it.
    const pulledCartons = await pullAll<{ id: string; sscc: string; status: string; orderId: string }>(server, picker, 'cartons');
    expect(pulledCartons.find((c) => c.id === cartonId)).toMatchObject({ orderId, status: 'closed', sscc: expect.stringMatching(/^\d{18}$/) });
    const shipped = await push(server, packer, [deviceEvent(packer, 'ship.confirmed', { orderId, cartonIds: [cartonId], carrier: 'UPS', trackingNumber: '1Z999AA10123456784' })]);
    expect(shipped.body.results[0]?.status).toBe('applied');

    const final = await api<{ status: string; lines: { qtyShipped: number }[] }>(server, `/api/orders/${orderId}`, { token: supervisor.token });
    expect(final.body.status).toBe('shipped');
    expect(final.body.lines.map((l) => l.qtyShipped)).toEqual([3, 2]);
    // 10 received - 3 shipped - 1 quarantined pending count = 6 available; nothing left allocated or staged.
    const aStock = await balances(a.id);
    expect(aStock.filter((x) => x.status === 'available').reduce((s, x) => s + x.qty, 0)).toBe(6);
    expect(aStock.filter((x) => x.status === 'quarantine').reduce((s, x) => s + x.qty, 0)).toBe(1);
    expect(aStock.filter((x) => x.status === 'allocated')).toEqual([]);
    const [val] = await server.db.query<{ qty: number; value: number }>('SELECT qty, value FROM valuations WHERE warehouse_id = $1 AND item_id = $2', [wh.id, a.id]);
    expect(val).toEqual({ qty: 7, value: 7 * 300 });
    // Every reservation of the order ended shipped, including the one whose pick came up short.
    const reservations = await server.db.query<{ status: string; qty: number }>('SELECT status, qty FROM reservations WHERE order_id = $1 ORDER BY created_at', [orderId]);
    expect(reservations.map((r) => r.status).sort()).toEqual(['shipped', 'shipped', 'shipped']);
    expect(reservations.reduce((s, r) => s + r.qty, 0)).toBe(5);
    const [carton] = await server.db.query<{ sscc: string; status: string }>('SELECT sscc, status FROM cartons WHERE id = $1', [cartonId]);
    expect(carton?.status).toBe('shipped');
    expect(carton?.sscc).toMatch(/^\d{18}$/);

    // Labels: ZPL for the Zebra on the pack bench, PDF for any printer; both carry the carton's SSCC.
    const zpl = await fetch(`${server.url}/api/cartons/${cartonId}/label?format=zpl`, { headers: { authorization: `Bearer ${packer.token}` } });
    const zplText = await zpl.text();
    expect(zplText).toMatch(/^\^XA/);
    expect(zplText).toContain(`^FD>;>800${carton?.sscc ?? ''}^FS`);
    expect(zplText).toContain('1Z999AA10123456784');
    expect(zplText.trim().endsWith('^XZ')).toBe(true);
    const pdf = await fetch(`${server.url}/api/cartons/${cartonId}/label?format=pdf`, { headers: { authorization: `Bearer ${packer.token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfText = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(pdfText.startsWith('%PDF-1.4')).toBe(true);
    expect(pdfText).toContain(`(\\(00\\) ${carton?.sscc ?? ''}) Tj`);
    expect(pdfText.trim().endsWith('%%EOF')).toBe(true);
    if (process.env.LABEL_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.LABEL_PDF_OUT, pdfText, 'latin1');
    const data = await api<{ sscc: string; orderNumber: string; cartonNumber: number; cartonCount: number; trackingNumber: string }>(server, `/api/cartons/${cartonId}/label?format=json`, { token: packer.token });
    expect(data.body).toMatchObject({ sscc: carton?.sscc, cartonNumber: 1, cartonCount: 1, trackingNumber: '1Z999AA10123456784' });
    expect((await fetch(`${server.url}/api/cartons/${uuidv7()}/label`, { headers: { authorization: `Bearer ${packer.token}` } })).status).toBe(404);
  });

  it('ships what was picked when a short unit is re-allocated, and the order is shipped only once the rest follows', async () => {
    const c = await makeItem(server.db, { standardCost: 100, listPrice: 1000 });
    await putStock(server.db, wh.id, wh.binIds[0] ?? '', c.id, 5, 100);
    const imp = await api<{ results: { orderId: string; status: string }[] }>(server, '/api/orders/import', {
      token: supervisor.token,
      body: {
        orders: [webOrder(`P-${Date.now()}`, [{ sku: c.sku, qty: 2, unitPrice: 1000 }], '2026-11-20T09:00:00Z')],
      },
    });
    const orderId = imp.body.results[0]?.orderId ?? '';
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const openTasks = async () => (await pullAll<Task>(server, picker, 'pick_tasks')).filter((t) => t.orderId === orderId && t.status === 'open');
    const [task] = await openTasks();
    if (!task) throw new Error('no task');
    expect(task.qty).toBe(2);
    await push(server, picker, [
      deviceEvent(picker, 'pick.picked', { taskId: task.id, locationId: task.locationId, itemId: c.id, lot: null, qty: 1, tote: 'TOTE-P' }),
      deviceEvent(picker, 'pick.short', { taskId: task.id, locationId: task.locationId, itemId: c.id, lot: null, qtyShort: 1, note: 'one missing' }),
    ]);
    const ship = async (qty: number) => {
      const cartonId = uuidv7();
      await push(server, packer, [deviceEvent(packer, 'pack.carton_closed', { cartonId, orderId, lines: [{ itemId: c.id, lot: null, qty }], weightGrams: 500, tote: 'TOTE-P' })]);
      const res = await push(server, packer, [deviceEvent(packer, 'ship.confirmed', { orderId, cartonIds: [cartonId], carrier: 'UPS', trackingNumber: '1Z999AA10123456784' })]);
      expect(res.body.results[0]?.status).toBe('applied');
      return (await api<{ status: string; lines: { qtyShipped: number }[] }>(server, `/api/orders/${orderId}`, { token: supervisor.token })).body;
    };
    // The packer ships the one unit in the tote; the re-allocated unit is still to pick: the order is not done.
    const first = await ship(1);
    expect(first.status).toBe('picking');
    expect(first.lines[0]?.qtyShipped).toBe(1);
    const [status] = await pullAll<{ id: string; status: string; linesShipped: number }>(server, picker, 'order_status').then((d) => d.filter((x) => x.id === orderId));
    expect(status).toMatchObject({ status: 'picking', linesShipped: 0 });

    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const [rest] = await openTasks();
    if (!rest) throw new Error('the re-allocated unit was not waved');
    await push(server, picker, [deviceEvent(picker, 'pick.picked', { taskId: rest.id, locationId: rest.locationId, itemId: c.id, lot: null, qty: 1, tote: 'TOTE-P' })]);
    const second = await ship(1);
    expect(second.status).toBe('shipped');
    expect(second.lines[0]?.qtyShipped).toBe(2);
    const cStock = (await balances(c.id)).filter((x) => x.status === 'allocated');
    expect(cStock).toEqual([]);
    const reservations = await server.db.query<{ status: string }>('SELECT status FROM reservations WHERE order_id = $1', [orderId]);
    expect(reservations.every((r) => r.status === 'shipped')).toBe(true);
  });
});
