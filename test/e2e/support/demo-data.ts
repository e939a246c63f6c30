import type { ItemDoc, PurchaseOrderDoc } from '../../../shared/schemas/docs';
import { api, pullAll, type Session } from '../../support/server';

export interface DemoData {
  server: { url: string };
  warehouseId: string;
  /** A supervisor's token for the supervisor APIs (balances, receipts, POs). */
  supervisor: string;
  pos: PurchaseOrderDoc[];
  items: Map<string, ItemDoc>;
}

/** Reads the demo tenant the way a device does (sync API), to choose POs and items for a test. */
export async function loadDemoData(baseURL: string, warehouseCode = 'WH1'): Promise<DemoData> {
  const server = { url: baseURL };
  const login = await api<{ token: string; user: { id: string } }>(server, '/api/auth/login', { body: { username: 'supervisor', password: 'demo' } });
  const warehouses = await api<{ id: string; code: string }[]>(server, '/api/warehouses', { token: login.body.token });
  const wh = warehouses.body.find((w) => w.code === warehouseCode);
  if (!wh) throw new Error(`no warehouse ${warehouseCode}`);
  const enrol = await api<{ token: string; device: { id: string } }>(server, '/api/devices/enrol', { token: login.body.token, body: { name: 'e2e probe', warehouseId: wh.id } });
  const probe: Session = { token: enrol.body.token, userId: login.body.user.id, deviceId: enrol.body.device.id, warehouseId: wh.id };
  const [pos, items] = await Promise.all([pullAll<PurchaseOrderDoc>(server, probe, 'purchase_orders'), pullAll<ItemDoc>(server, probe, 'items', 5000)]);
  return { server, warehouseId: wh.id, supervisor: login.body.token, pos, items: new Map(items.map((i) => [i.id, i])) };
}

export interface PoPick {
  po: PurchaseOrderDoc;
  /** Untracked items with a GTIN, in PO line order. */
  plain: ItemDoc[];
  /** Lot-tracked items on the PO (may be empty). */
  tracked: ItemDoc[];
}

const taken = new Set<string>();

/** An open PO not used by another test in this run, with at least `plainItems` untracked lines. */
export function takePo(data: DemoData, plainItems = 2, needTracked = false): PoPick {
  for (const po of data.pos) {
    if (taken.has(po.id) || po.status !== 'open') continue;
    const lineItems = po.lines.map((l) => data.items.get(l.itemId)).filter((i): i is ItemDoc => Boolean(i?.gtin));
    const plain = [...new Map(lineItems.filter((i) => i.tracking === 'none').map((i) => [i.id, i])).values()];
    const tracked = lineItems.filter((i) => i.tracking === 'lot' || i.tracking === 'lot_expiry');
    if (plain.length < plainItems || (needTracked && tracked.length === 0)) continue;
    taken.add(po.id);
    return { po, plain, tracked };
  }
  throw new Error('no suitable open PO left in the demo tenant');
}

export function ordered(po: PurchaseOrderDoc, itemId: string): number {
  return po.lines.filter((l) => l.itemId === itemId).reduce((n, l) => n + l.qtyOrdered, 0);
}

export async function serverPo(data: DemoData, poId: string) {
  const res = await api<{ status: string; lines: { itemId: string; qtyReceived: number; qtyOrdered: number }[] }>(data.server, `/api/purchase-orders/${poId}`, { token: data.supervisor });
  return res.body;
}

export async function serverReceipt(data: DemoData, receiptId: string) {
  return api<{ status: string; discrepancies: { kind: string; itemId: string; qty: number }[]; lines: { itemId: string; qty: number }[] }>(
    data.server,
    `/api/receipts/${receiptId}`,
    { token: data.supervisor },
  );
}

export async function serverBalances(data: DemoData, itemId: string) {
  const res = await api<{ locationId: string; status: string; qty: number }[]>(data.server, `/api/balances?warehouseId=${data.warehouseId}&itemId=${itemId}`, { token: data.supervisor });
  return res.body;
}

export const received = (po: { lines: { itemId: string; qtyReceived: number }[] }, itemId: string): number =>
  po.lines.filter((l) => l.itemId === itemId).reduce((n, l) => n + l.qtyReceived, 0);
