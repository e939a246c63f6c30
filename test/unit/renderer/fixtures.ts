import { gs1CheckDigit, withCheckDigit } from '../../../shared/barcode/check-digit';
import type { AsnDoc, ItemDoc, LocationDoc, PurchaseOrderDoc, WarehouseDoc } from '../../../shared/schemas/docs';
import type { Stored } from '../../../renderer/db/rx-schemas';
import { ReplicaMirror } from '../../../renderer/replica/mirror';
import type { ReceivingScanContext } from '../../../renderer/receiving/scan-to-event';
import { DEVICE, DOCK, itemId, PO, USER, WH } from '../domain/fixtures';

export { DEVICE, DOCK, itemId, PO, USER, WH };
export const ASN = '01900000-0000-7000-8000-0000000000a0';
export const NOW = new Date('2026-11-20T10:00:00.000Z');
const REPL = { seq: 1, updatedAt: '2026-11-01T00:00:00.000Z' };

/** A valid GTIN-14 for item n (pack = 1 gives its case GTIN). */
export function gtinOf(n: number, pack = 0): string {
  const body = `${pack}9506000${String(n).padStart(5, '0')}`;
  return body + String(gs1CheckDigit(body));
}

export function itemDoc(n: number, over: Partial<Stored<ItemDoc>> = {}): Stored<ItemDoc> {
  return {
    id: itemId(n),
    sku: `SKU-${n}`,
    name: `Item ${n}`,
    gtin: gtinOf(n),
    baseUom: 'EA',
    uoms: [{ code: 'CS', factor: 6, gtin: gtinOf(n, 1) }],
    tracking: 'none',
    standardCost: 100 * n,
    active: true,
    ...REPL,
    ...over,
  };
}

export function poDoc(lines: { item: number; qty: number; received?: number }[]): Stored<PurchaseOrderDoc> {
  return {
    id: PO,
    warehouseId: WH,
    number: '100001',
    barcode: 'PO-100001',
    supplierId: USER,
    supplierName: 'Acme',
    status: 'open',
    expectedAt: null,
    lines: lines.map((l, i) => ({ lineNo: i + 1, itemId: itemId(l.item), qtyOrdered: l.qty, qtyReceived: l.received ?? 0, unitCost: 50 })),
    ...REPL,
  };
}

export const SSCC = withCheckDigit('00950600012345678');

export function asnDoc(lines: { item: number; qty: number }[]): Stored<AsnDoc> {
  return {
    id: ASN,
    warehouseId: WH,
    poId: PO,
    number: '7001',
    barcode: 'ASN-7001',
    status: 'in_transit',
    ssccs: [SSCC],
    lines: lines.map((l) => ({ sscc: SSCC, itemId: itemId(l.item), qty: l.qty, lot: null, expiry: null })),
    ...REPL,
  };
}

/** A mirror as the replica would fill it: a warehouse with a dock and bins, items, one PO and one ASN. */
export function mirrorWith(items: Stored<ItemDoc>[], po: Stored<PurchaseOrderDoc> | null = null, asn: Stored<AsnDoc> | null = null): ReplicaMirror {
  const m = new ReplicaMirror();
  const wh: Stored<WarehouseDoc> = { id: WH, code: 'WH1', name: 'Main', kind: 'warehouse', dockLocationId: DOCK, ...REPL };
  const dock: Stored<LocationDoc> = { id: DOCK, warehouseId: WH, code: 'DOCK-1', barcode: 'LOC-DOCK-1', kind: 'dock', zone: 'D', pathSeq: 0, capacity: null, ...REPL };
  m.put('warehouses', wh.id, wh);
  m.put('locations', dock.id, dock);
  for (const i of items) m.put('items', i.id, i);
  if (po) m.put('purchase_orders', po.id, po);
  if (asn) m.put('asns', asn.id, asn);
  return m;
}

let ids = 0;
export function contextFor(m: ReplicaMirror, session: ReceivingScanContext['session'], over: Partial<ReceivingScanContext> = {}): ReceivingScanContext {
  return {
    index: m.index,
    items: m.docs.items,
    session,
    actor: { userId: USER, deviceId: DEVICE, warehouseId: WH },
    qty: 1,
    condition: 'good',
    now: NOW,
    newId: () => `01900003-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
    ...over,
  };
}
