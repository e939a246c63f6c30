import type { EventOf } from '../schemas/events';
import type { ReceiptLine } from '../schemas/docs';
import type { StockStatus } from '../schemas/common';
import { receiptDiscrepancies, type ExpectedLine } from './discrepancies';
import { noEffects, type Effects } from './effects';
import type { Movement } from './ledger';
import { plateHeader, plateRefusal } from './licence-plates';
import { describeReasons, EXCEPTION_REASONS, type ExceptionReason } from './reasons';
import { serialKey, type LedgerState, type PoFacts, type ReceiptState } from './state';

const NOT_RECEIVABLE = new Set(['received', 'closed', 'cancelled']);

function exception(effects: Effects, reasons: ExceptionReason[]): Effects {
  const [first] = reasons;
  if (first === undefined) return effects;
  return {
    ...effects,
    status: 'exception',
    reasons,
    exceptions: [{ kind: first, reason: describeReasons(reasons) }],
  };
}

function openReceipt(ev: EventOf<'receipt.line_scanned'> | EventOf<'receipt.closed'>): ReceiptState {
  return {
    id: ev.payload.receiptId,
    warehouseId: ev.warehouseId,
    poId: ev.payload.poId,
    asnId: ev.payload.asnId,
    status: 'open',
    lines: [],
    discrepancies: [],
    openedAt: ev.occurredAt,
    closedAt: null,
  };
}

/** New lines array sharing every unchanged line (a scan touches one line, not the receipt). */
function addReceiptLine(lines: readonly ReceiptLine[], add: ReceiptLine): ReceiptLine[] {
  const idx = lines.findIndex(
    (l) => l.itemId === add.itemId && l.lot === add.lot && l.expiry === add.expiry && l.condition === add.condition,
  );
  const out = lines.slice();
  const hit = lines[idx];
  if (!hit) out.push(add);
  else out[idx] = { ...hit, qty: hit.qty + add.qty, serials: add.serials.length > 0 ? [...hit.serials, ...add.serials] : hit.serials };
  return out;
}

/** Books received units against the first PO line for the item that still has some outstanding. */
function bookOnPo(po: PoFacts, itemId: string, qty: number): PoFacts {
  let idx = po.lines.findIndex((l) => l.itemId === itemId && l.qtyReceived < l.qtyOrdered);
  if (idx < 0) idx = po.lines.findLastIndex((l) => l.itemId === itemId);
  const lines = po.lines.slice();
  const target = lines[idx];
  if (target) lines[idx] = { ...target, qtyReceived: target.qtyReceived + qty };
  const anyReceived = target !== undefined || lines.some((l) => l.qtyReceived > 0);
  const status = po.status === 'open' || po.status === 'approved' ? (anyReceived ? 'partially_received' : po.status) : po.status;
  return { ...po, lines, status };
}

/** Receiving a line at the dock: stock lands in the dock, whatever else is wrong. */
export function decideReceiptLine(state: LedgerState, ev: EventOf<'receipt.line_scanned'>): Effects {
  const p = ev.payload;
  const item = state.items.get(p.itemId);
  if (!item) return exception(noEffects(), ['unknown_item']);
  const factor = p.uom === item.baseUom ? 1 : item.uoms.find((u) => u.code === p.uom)?.factor;
  if (factor === undefined) return exception(noEffects(), ['unknown_uom']);
  const baseQty = p.qty * factor;

  const reasons: ExceptionReason[] = [];
  let locationId = p.locationId;
  if (locationId !== null && state.locations.get(locationId) !== ev.warehouseId) {
    reasons.push('unknown_location');
    locationId = null;
  }
  locationId ??= state.docks.get(ev.warehouseId) ?? null;
  if (locationId === null) return exception(noEffects(), ['no_dock']);

  const receipt = state.receipts.get(p.receiptId) ?? openReceipt(ev);
  if (receipt.status === 'closed') reasons.push('receipt_closed');

  let po = p.poId === null ? undefined : state.pos.get(p.poId);
  if (p.poId !== null && !po) reasons.push('unknown_po');
  if (po && po.warehouseId !== ev.warehouseId) {
    reasons.push('po_other_warehouse');
    po = undefined;
  }
  if (po && NOT_RECEIVABLE.has(po.status)) reasons.push('po_closed');
  const asn = p.asnId === null ? undefined : state.asns.get(p.asnId);
  if (asn && p.poId !== null && asn.poId !== p.poId) reasons.push('asn_mismatch');

  if (!item.active) reasons.push('item_inactive');
  const tracked = item.tracking === 'lot' || item.tracking === 'lot_expiry';
  if (tracked && p.lot === null) reasons.push('lot_required');
  if (item.tracking === 'lot_expiry' && p.expiry === null) reasons.push('expiry_required');
  if (p.expiry !== null && p.expiry < ev.occurredAt.slice(0, 10)) reasons.push('expired');
  if (item.tracking === 'serial') {
    if (p.serials.length !== baseQty) reasons.push('serials_required');
    else if (p.serials.some((s) => state.serials.get(serialKey(ev.warehouseId, item.id, s))?.status === 'in_stock')) {
      reasons.push('serial_duplicate');
    }
  }

  // The pallet label: goods go on the plate unless the plate cannot take them (then on the dock, and an exception).
  const lpn = p.lpn ?? null;
  const plate = lpn === null ? undefined : state.plates.get(lpn);
  const refusal = lpn === null ? null : plateRefusal(plate, ev.warehouseId, locationId);
  if (refusal) reasons.push(refusal);
  const onPlate = lpn !== null && refusal === null ? lpn : null;

  const status: StockStatus = reasons.length > 0 ? 'quarantine' : p.condition === 'damaged' ? 'damaged' : 'available';
  const unitCost = po?.lines.find((l) => l.itemId === item.id)?.unitCost ?? item.standardCost;
  const movement: Movement = {
    warehouseId: ev.warehouseId,
    locationId,
    itemId: item.id,
    lot: p.lot,
    expiry: p.expiry,
    status,
    qty: baseQty,
    value: baseQty * unitCost,
    cause: ev.id,
    ...(onPlate === null ? {} : { lpn: onPlate }),
  };
  const serials = item.tracking === 'serial' ? p.serials : [];

  const effects: Effects = {
    ...noEffects(),
    movements: [movement],
    receipts: [
      {
        ...receipt,
        lines: addReceiptLine(receipt.lines, {
          itemId: item.id,
          lot: p.lot,
          expiry: p.expiry,
          condition: p.condition,
          qty: baseQty,
          serials,
        }),
      },
    ],
    // A closed receipt or PO is history: late goods are recorded on the ledger and the exception, not on it.
    pos: po && !NOT_RECEIVABLE.has(po.status) && receipt.status === 'open' ? [bookOnPo(po, item.id, baseQty)] : [],
    serials: serials.map((serial) => ({
      warehouseId: ev.warehouseId,
      itemId: item.id,
      serial,
      locationId,
      status: 'in_stock' as const,
    })),
    plates:
      onPlate === null
        ? []
        : [{ code: onPlate, warehouseId: ev.warehouseId, locationId, status: 'open', receiptId: p.receiptId, openedAt: plate?.openedAt ?? ev.occurredAt }],
  };
  if (reasons.length > 0 && receipt.status === 'closed') effects.receipts = [];
  return exception(effects, reasons);
}

/** What this receipt was expected to bring: the ASN's contents, else the PO's outstanding lines. */
function expectedFor(state: LedgerState, receipt: ReceiptState): ExpectedLine[] {
  const asn = receipt.asnId === null ? undefined : state.asns.get(receipt.asnId);
  if (asn) return asn.lines.map((l) => ({ itemId: l.itemId, qty: l.qty }));
  const po = receipt.poId === null ? undefined : state.pos.get(receipt.poId);
  if (!po) return [];
  const inThisReceipt = new Map<string, number>();
  for (const l of receipt.lines) inThisReceipt.set(l.itemId, (inThisReceipt.get(l.itemId) ?? 0) + l.qty);
  // Outstanding when this receipt opened = ordered - what earlier receipts brought.
  const byItem = new Map<string, { ordered: number; received: number }>();
  for (const l of po.lines) {
    const acc = byItem.get(l.itemId) ?? { ordered: 0, received: 0 };
    acc.ordered += l.qtyOrdered;
    acc.received += l.qtyReceived;
    byItem.set(l.itemId, acc);
  }
  return [...byItem].map(([itemId, { ordered, received }]) => ({
    itemId,
    qty: Math.max(0, ordered - (received - (inThisReceipt.get(itemId) ?? 0))),
  }));
}

export function decideReceiptClose(state: LedgerState, ev: EventOf<'receipt.closed'>): Effects {
  const p = ev.payload;
  const receipt = state.receipts.get(p.receiptId) ?? openReceipt(ev);
  if (receipt.status === 'closed') return { ...noEffects(), note: 'already_closed' };

  const discrepancies = receiptDiscrepancies(expectedFor(state, receipt), receipt.lines);
  const closed: ReceiptState = { ...receipt, status: 'closed', closedAt: ev.occurredAt, discrepancies };
  // The plates still open on this receipt are loaded: they wait for put-away.
  const plates = [...state.plates.values()]
    .filter((pl) => pl.receiptId === receipt.id && pl.warehouseId === ev.warehouseId && pl.status === 'open')
    .map((pl) => ({ ...plateHeader(pl), status: 'closed' as const }));
  const effects: Effects = { ...noEffects(), receipts: [closed], plates };

  const po = receipt.poId === null ? undefined : state.pos.get(receipt.poId);
  if (po && !NOT_RECEIVABLE.has(po.status)) {
    const complete = po.lines.every((l) => l.qtyReceived >= l.qtyOrdered);
    effects.pos = [{ ...po, status: complete ? 'received' : 'partially_received' }];
  }
  const asn = receipt.asnId === null ? undefined : state.asns.get(receipt.asnId);
  if (asn && asn.status !== 'received') effects.asns = [{ ...asn, status: 'received' }];

  if (discrepancies.length > 0) {
    const summary = discrepancies.map((d) => `${d.kind} ${d.qty} of item ${d.itemId}`).join('; ');
    effects.exceptions = [
      { kind: 'receipt_discrepancy', reason: `${EXCEPTION_REASONS.receipt_discrepancy} ${summary}.` },
    ];
  }
  return effects;
}
