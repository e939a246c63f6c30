import { emptyLedgerState, type ItemFacts, type LedgerState } from '../../../shared/domain/state';
import type { DeviceEvent, ReceiptLineScannedPayload } from '../../../shared/schemas/events';

/** Pure fixtures for reducer tests: fixed ids and clock, no database. */
export const WH = '01900000-0000-7000-8000-000000000001';
export const DOCK = '01900000-0000-7000-8000-0000000000d0';
export const BIN = '01900000-0000-7000-8000-0000000000b1';
export const DEVICE = '01900000-0000-7000-8000-0000000000de';
export const USER = '01900000-0000-7000-8000-0000000000a5';
export const PO = '01900000-0000-7000-8000-0000000000f0';

export const itemId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const eventId = (n: number) => `01900001-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const receiptId = (n: number) => `01900002-0000-7000-8000-${String(n).padStart(12, '0')}`;

export function item(n: number, over: Partial<ItemFacts> = {}): ItemFacts {
  return { id: itemId(n), tracking: 'none', standardCost: 100 * n, baseUom: 'EA', uoms: [{ code: 'CS', factor: 6, gtin: null }], active: true, ...over };
}

export function stateWith(items: ItemFacts[], poLines: { item: number; qty: number; unitCost?: number }[] = []): LedgerState {
  const s = emptyLedgerState();
  for (const i of items) s.items.set(i.id, i);
  s.docks.set(WH, DOCK);
  s.locations.set(DOCK, WH);
  s.locations.set(BIN, WH);
  if (poLines.length > 0) {
    s.pos.set(PO, {
      id: PO,
      warehouseId: WH,
      status: 'open',
      lines: poLines.map((l, i) => ({ lineNo: i + 1, itemId: itemId(l.item), qtyOrdered: l.qty, qtyReceived: 0, unitCost: l.unitCost ?? 50 })),
    });
  }
  return s;
}

export function scan(n: number, p: Partial<ReceiptLineScannedPayload> & { item: number }, at = '2026-11-20T10:00:00.000Z'): DeviceEvent {
  const { item: i, ...rest } = p;
  return {
    id: eventId(n),
    type: 'receipt.line_scanned',
    schemaVersion: 1,
    warehouseId: WH,
    deviceId: DEVICE,
    userId: USER,
    occurredAt: at,
    payload: {
      receiptId: receiptId(1),
      poId: null,
      asnId: null,
      itemId: itemId(i),
      barcode: '',
      qty: 1,
      uom: 'EA',
      lot: null,
      expiry: null,
      serials: [],
      condition: 'good',
      locationId: null,
      ...rest,
    },
  };
}

export function close(n: number, receipt = receiptId(1), poId: string | null = PO): DeviceEvent {
  return {
    id: eventId(n),
    type: 'receipt.closed',
    schemaVersion: 1,
    warehouseId: WH,
    deviceId: DEVICE,
    userId: USER,
    occurredAt: '2026-11-20T11:00:00.000Z',
    payload: { receiptId: receipt, poId, asnId: null, note: null },
  };
}
