import { classifyScan } from '../../shared/barcode/classify';
import { INTERNAL_PREFIXES } from '../../shared/barcode/internal';
import { plateRefusal, type PlateRefusal } from '../../shared/domain/licence-plates';
import type { PlateState } from '../../shared/domain/state';
import type { Condition } from '../../shared/schemas/common';
import type { ItemDoc } from '../../shared/schemas/docs';
import { EVENT_SCHEMA_VERSION, ReceiptLineScannedEvent, type EventOf } from '../../shared/schemas/events';
import type { Stored } from '../db/rx-schemas';
import type { ScanIndex } from '../replica/scan-index';
import type { Actor, ReceivingSession } from './session';

export type RejectReason =
  | 'unreadable'
  | 'unknown_item'
  | 'unknown_po'
  | 'unknown_asn'
  | 'unknown_location'
  | 'no_session'
  | 'wrong_barcode'
  | PlateRefusal
  | 'invalid';

export type MissingTracking = 'lot' | 'expiry' | 'serial';

/** What the operator typed to complete a scan of a tracked item that lacked it. */
export interface TrackingEntry {
  lot?: string;
  expiry?: string;
  serial?: string;
  /** Record it without: the server will quarantine the goods and raise an exception. */
  force?: boolean;
}

export interface LineDraft {
  item: Stored<ItemDoc>;
  raw: string;
  qty: number;
  uom: string;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
}

export type ScanDecision =
  | { kind: 'open-po'; poId: string }
  | { kind: 'open-asn'; asnId: string }
  | { kind: 'set-location'; locationId: string }
  | { kind: 'set-lpn'; lpn: string }
  | { kind: 'line'; event: EventOf<'receipt.line_scanned'>; item: Stored<ItemDoc> }
  | { kind: 'needs-tracking'; draft: LineDraft; missing: MissingTracking[] }
  | { kind: 'reject'; reason: RejectReason; detail: string };

export interface ReceivingScanContext {
  index: ScanIndex;
  items: ReadonlyMap<string, Stored<ItemDoc>>;
  session: ReceivingSession | null;
  actor: Actor;
  /** Quantity for the next scan (repeat scans add one each; entry sets more). */
  qty: number;
  condition: Condition;
  /** 'YYYY-MM-DD': GS1's two-digit-year window, and the event's clock. */
  now: Date;
  newId: () => string;
  /** Licence plates as the optimistic view knows them (pulled plus this device's pending scans), by code. */
  plates?: ReadonlyMap<string, PlateState>;
  /** The warehouse's default dock (where a session without a dock receives). */
  dockId?: string | null;
}

const reject = (reason: RejectReason, detail = ''): ScanDecision => ({ kind: 'reject', reason, detail });

/**
 * Maps one scan at the receiving dock to what it means: open a PO or ASN
 * session, set the dock, or a `receipt.line_scanned` event ready to store.
 * Pure and synchronous: every lookup is in memory (one frame per scan).
 */
export function interpretReceivingScan(raw: string, ctx: ReceivingScanContext): ScanDecision {
  const scan = classifyScan(raw, { today: ctx.now.toISOString().slice(0, 10) });
  if (scan.kind === 'unknown') return reject('unreadable', scan.error);

  if (scan.kind === 'internal') {
    const barcode = `${INTERNAL_PREFIXES[scan.type]}-${scan.value}`;
    if (scan.type === 'po') {
      const poId = ctx.index.po(barcode) ?? ctx.index.po(scan.value);
      return poId ? { kind: 'open-po', poId } : reject('unknown_po', barcode);
    }
    if (scan.type === 'asn') {
      const asnId = ctx.index.asn(barcode) ?? ctx.index.asn(scan.value);
      return asnId ? { kind: 'open-asn', asnId } : reject('unknown_asn', barcode);
    }
    if (scan.type === 'location') {
      if (!ctx.session) return reject('no_session');
      const locationId = ctx.index.location(barcode);
      return locationId ? { kind: 'set-location', locationId } : reject('unknown_location', barcode);
    }
    if (scan.type === 'lpn') {
      if (!ctx.session) return reject('no_session');
      // The same check the server makes; a plate of another warehouse is unknown here and the server refuses it.
      const refusal = plateRefusal(ctx.plates?.get(barcode), ctx.actor.warehouseId, ctx.session.locationId ?? ctx.dockId ?? '');
      return refusal ? reject(refusal, barcode) : { kind: 'set-lpn', lpn: barcode };
    }
    return reject('wrong_barcode', barcode);
  }

  if (scan.gtin === undefined) {
    if (scan.sscc === undefined) return reject('wrong_barcode', scan.parsed.hri);
    const asnId = ctx.index.sscc(scan.sscc);
    return asnId ? { kind: 'open-asn', asnId } : reject('unknown_asn', scan.sscc);
  }
  const hit = ctx.index.gtin(scan.gtin);
  const item = hit ? ctx.items.get(hit.itemId) : undefined;
  if (!hit || !item) return reject('unknown_item', scan.gtin);
  if (!ctx.session) return reject('no_session');

  const draft: LineDraft = {
    item,
    raw,
    qty: scan.qty ?? ctx.qty,
    uom: hit.uom,
    lot: scan.lot ?? null,
    expiry: scan.expiry ?? null,
    serial: scan.serial ?? null,
  };
  return completeLine(draft, {}, ctx);
}

/** What a tracked item still lacks before it can be recorded cleanly. */
export function missingTracking(draft: LineDraft): MissingTracking[] {
  const t = draft.item.tracking;
  const missing: MissingTracking[] = [];
  if ((t === 'lot' || t === 'lot_expiry') && draft.lot === null) missing.push('lot');
  if (t === 'lot_expiry' && draft.expiry === null) missing.push('expiry');
  if (t === 'serial' && draft.serial === null) missing.push('serial');
  return missing;
}

/** Turns a draft (plus anything the operator typed for it) into the event, or asks for what is missing. */
export function completeLine(draft: LineDraft, entry: TrackingEntry, ctx: ReceivingScanContext): ScanDecision {
  const session = ctx.session;
  if (!session) return reject('no_session');
  const filled: LineDraft = {
    ...draft,
    lot: draft.lot ?? blankToNull(entry.lot),
    expiry: draft.expiry ?? blankToNull(entry.expiry),
    serial: draft.serial ?? blankToNull(entry.serial),
  };
  const missing = missingTracking(filled);
  if (missing.length > 0 && !entry.force) return { kind: 'needs-tracking', draft: filled, missing };

  // A serial names one unit: serial-tracked goods are scanned one at a time.
  const serials = filled.serial === null ? [] : [filled.serial];
  const qty = serials.length > 0 ? 1 : filled.qty;
  const uom = serials.length > 0 ? filled.item.baseUom : filled.uom;
  const parsed = ReceiptLineScannedEvent.safeParse({
    id: ctx.newId(),
    type: 'receipt.line_scanned',
    schemaVersion: EVENT_SCHEMA_VERSION,
    ...ctx.actor,
    occurredAt: ctx.now.toISOString(),
    payload: {
      receiptId: session.receiptId,
      poId: session.poId,
      asnId: session.asnId,
      itemId: filled.item.id,
      barcode: filled.raw.slice(0, 200),
      qty,
      uom,
      lot: filled.lot,
      expiry: filled.expiry,
      serials,
      condition: ctx.condition,
      locationId: session.locationId,
      // Only with a plate: a receipt without plates writes exactly the events it always did.
      ...(session.lpn ? { lpn: session.lpn } : {}),
    },
  });
  if (!parsed.success) return reject('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return { kind: 'line', event: parsed.data, item: filled.item };
}

function blankToNull(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/**
 * While a tracked item waits for its lot/expiry/serial, a GS1 scan that
 * carries them (for the same item, or with no GTIN at all) completes it.
 * Null when the scan is something else (then it is handled as a new scan).
 */
export function interpretTrackingScan(raw: string, draft: LineDraft, ctx: ReceivingScanContext): ScanDecision | null {
  const scan = classifyScan(raw, { today: ctx.now.toISOString().slice(0, 10) });
  if (scan.kind !== 'gs1') return null;
  if (scan.gtin !== undefined && ctx.index.gtin(scan.gtin)?.itemId !== draft.item.id) return null;
  if (scan.lot === undefined && scan.expiry === undefined && scan.serial === undefined) return null;
  const entry: TrackingEntry = {};
  if (scan.lot !== undefined) entry.lot = scan.lot;
  if (scan.expiry !== undefined) entry.expiry = scan.expiry;
  if (scan.serial !== undefined) entry.serial = scan.serial;
  return completeLine(draft, entry, ctx);
}
