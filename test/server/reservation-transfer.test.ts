import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/databases';
import { makeItem, makeWarehouse, putStock, type TestItem, type TestWarehouse } from '../support/factories';
import { api, deviceEvent, pullAll, push, sessionFor, startTestServer, webOrder, type Session, type TestServer } from '../support/server';

type Allocation = { id: string; locationId: string; qty: number; status: string };
type Order = { status: string; lines: { qtyAllocated: number; allocations: Allocation[] }[] };
type Task = { id: string; orderId: string; locationId: string; pathSeq: number; sequence: number; status: string; qty: number };
type Balance = { locationId: string; status: string; qty: number };

describe.each(DATABASE_KINDS)('reservation transfer on %s', (kind) => {
  let server: TestServer;
  let wh: TestWarehouse;
  let supervisor: Session;
  let picker: Session;
  let item: TestItem;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    wh = await makeWarehouse(server.db, { bins: 3 });
    supervisor = await sessionFor(server, ['supervisor', 'customer_service']);
    picker = await sessionFor(server, ['associate'], wh.id);
    item = await makeItem(server.db, { standardCost: 100, listPrice: 1000 });
    await server.db.exec(`INSERT INTO channels (code, name) VALUES ('web', 'Web')`);
    await putStock(server.db, wh.id, wh.binIds[0] ?? '', item.id, 4, 100);
    await putStock(server.db, wh.id, wh.binIds[2] ?? '', item.id, 3, 100);
  });
  afterAll(() => server.close());

  const order = async (id: string) => (await api<Order>(server, `/api/orders/${id}`, { token: supervisor.token })).body;
  const place = async (qty: number) => {
    const imp = await api<{ results: { orderId: string; status: string }[] }>(server, '/api/orders/import', {
      token: supervisor.token,
      body: { orders: [webOrder(`T-${Date.now()}-${++n}`, [{ sku: item.sku, qty, unitPrice: 1000 }])] },
    });
    return imp.body.results[0]?.orderId ?? '';
  };
  const transfer = (reservationId: string, body: unknown, token = supervisor.token) =>
    api<{ reservations?: Allocation[]; error?: string; message?: string }>(server, `/api/reservations/${reservationId}/transfer`, { token, body });
  const stock = async () => {
    const rows = (await api<Balance[]>(server, `/api/balances?warehouseId=${wh.id}&itemId=${item.id}`, { token: supervisor.token })).body;
    const at = (l: string | undefined, s: string) => rows.filter((r) => r.locationId === l && r.status === s).reduce((q, r) => q + r.qty, 0);
    return { bin0: [at(wh.binIds[0], 'available'), at(wh.binIds[0], 'allocated')], bin2: [at(wh.binIds[2], 'available'), at(wh.binIds[2], 'allocated')] };
  };

  it('moves an open reservation whole or in part, in the ledger and on the order; refuses what cannot be and changes nothing', async () => {
    const orderId = await place(2);
    const [res] = (await order(orderId)).lines[0]?.allocations ?? [];
    if (!res) throw new Error('not allocated');
    expect(res.locationId).toBe(wh.binIds[0]);
    expect(await stock()).toEqual({ bin0: [2, 2], bin2: [3, 0] });

    // Refused, nothing changed: not enough at the target, a non-stock location, bad input, a role that may not.
    const before = await stock();
    const short = await transfer(res.id, { toLocationId: wh.binIds[1], reason: 'bin blocked by a pallet' });
    expect(short.status).toBe(409);
    expect(short.body.message).toMatch(/Only 0 available/);
    expect((await transfer(res.id, { toLocationId: wh.dockId, reason: 'x' })).status).toBe(400);
    expect((await transfer(res.id, { toLocationId: wh.binIds[2], reason: 'bin blocked', extra: 1 })).status).toBe(400);
    expect((await transfer(res.id, { toLocationId: wh.binIds[2], qty: 3, reason: 'bin blocked' })).status).toBe(400);
    expect((await transfer(res.id, { toLocationId: wh.binIds[2], reason: 'bin blocked' }, picker.token)).status).toBe(403);
    expect(await stock()).toEqual(before);

    // One of the two moves: the reservation splits.
    const part = await transfer(res.id, { toLocationId: wh.binIds[2], qty: 1, reason: 'bin blocked by a pallet' });
    expect(part.status).toBe(200);
    expect(await stock()).toEqual({ bin0: [3, 1], bin2: [2, 1] });
    const after = (await order(orderId)).lines[0];
    expect(after?.qtyAllocated).toBe(2);
    expect(after?.allocations.map((a) => [a.locationId, a.qty]).sort()).toEqual([[wh.binIds[0], 1], [wh.binIds[2], 1]].sort());
    const [audit] = await server.db.query<{ data: { reason: string; qty: number } }>(`SELECT data FROM audit_log WHERE action = 'reservation.transferred' ORDER BY at DESC LIMIT 1`);
    expect(audit?.data).toMatchObject({ reason: 'bin blocked by a pallet', qty: 1 });
  });

  it('walks a waved task to the new bin (devices pull it in path order); once picking started the reservation stays', async () => {
    const orderId = await place(2);
    await api(server, '/api/waves', { token: supervisor.token, body: { warehouseId: wh.id } });
    const [res] = (await order(orderId)).lines[0]?.allocations ?? [];
    if (!res) throw new Error('not allocated');
    expect(res.status).toBe('waved');
    const from = res.locationId;
    const to = from === wh.binIds[0] ? wh.binIds[2] : wh.binIds[0];
    const moved = await transfer(res.id, { toLocationId: to, reason: 'bin A-01 closed for repair' });
    expect(moved.status).toBe(200);
    const task = (await pullAll<Task>(server, picker, 'pick_tasks')).find((t) => t.orderId === orderId);
    expect(task).toMatchObject({ locationId: to, status: 'open' });
    // Part of a waved reservation cannot move (its task is whole).
    expect((await transfer(res.id, { toLocationId: from, qty: 1, reason: 'back again' })).status).toBe(409);

    // The picker picks at the new bin; the reservation cannot move any more.
    const picked = await push(server, picker, [
      deviceEvent(picker, 'pick.picked', { taskId: task?.id ?? '', locationId: to ?? '', itemId: item.id, lot: null, qty: 2, tote: 'TOTE-T' }),
    ]);
    expect(picked.body.results[0]?.status).toBe('applied');
    const late = await transfer(res.id, { toLocationId: from, reason: 'back again' });
    expect(late.status).toBe(409);
  });
});
