import { classifyScan, type ScanClassification } from '../../shared/barcode/classify';
import { INTERNAL_PREFIXES } from '../../shared/barcode/internal';
import type { ItemDoc, LocationDoc } from '../../shared/schemas/docs';
import { EVENT_SCHEMA_VERSION } from '../../shared/schemas/events';
import type { Stored } from '../db/rx-schemas';
import type { Actor } from '../receiving/session';
import type { ScanIndex } from '../replica/scan-index';

/** Why the floor refused a scan: each has a title and a sentence in the i18n files (`floorReject.*`). */
export type FloorRejectReason =
  | 'unreadable'
  | 'unknown_item'
  | 'unknown_location'
  | 'wrong_barcode'
  | 'wrong_bin'
  | 'wrong_item'
  | 'wrong_lot'
  | 'scan_bin_first'
  | 'scan_item_first'
  | 'scan_lot'
  | 'scan_tote'
  | 'no_task'
  | 'pick_over'
  | 'bad_qty'
  | 'nothing_at_dock'
  | 'same_location'
  | 'not_a_bin'
  | 'no_bin_fits'
  | 'lpn_unsupported'
  | 'lpn_unknown'
  | 'lpn_put_away'
  | 'lpn_empty'
  | 'order_unknown'
  | 'tote_empty'
  | 'no_order'
  | 'invalid';

export interface FloorReject {
  kind: 'reject';
  reason: FloorRejectReason;
  params: Record<string, string | number>;
}

export const reject = (reason: FloorRejectReason, params: Record<string, string | number> = {}): FloorReject => ({ kind: 'reject', reason, params });

/** What every floor workflow reads to understand a scan; all in memory. */
export interface FloorScanContext {
  index: ScanIndex;
  items: ReadonlyMap<string, Stored<ItemDoc>>;
  locations: ReadonlyMap<string, Stored<LocationDoc>>;
  actor: Actor;
  now: Date;
  newId: () => string;
}

/** A scan reduced to what the floor cares about. */
export type FloorScan =
  | { kind: 'location'; barcode: string; location: Stored<LocationDoc> | undefined }
  | { kind: 'tote'; barcode: string }
  | { kind: 'order'; barcode: string; value: string }
  | { kind: 'lpn'; barcode: string }
  | { kind: 'item'; code: string; item: Stored<ItemDoc> | undefined; lot: string | null; qty: number | null }
  | { kind: 'lot-only'; lot: string }
  | { kind: 'other'; barcode: string }
  | FloorReject;

export function readFloorScan(raw: string, ctx: FloorScanContext): FloorScan {
  const scan: ScanClassification = classifyScan(raw, { today: ctx.now.toISOString().slice(0, 10) });
  if (scan.kind === 'unknown') return reject('unreadable', { code: scan.error });
  if (scan.kind === 'internal') {
    const barcode = `${INTERNAL_PREFIXES[scan.type]}-${scan.value}`;
    if (scan.type === 'location') {
      const id = ctx.index.location(barcode);
      const location = id ? ctx.locations.get(id) : undefined;
      return { kind: 'location', barcode, location: location && location.warehouseId === ctx.actor.warehouseId ? location : undefined };
    }
    if (scan.type === 'tote') return { kind: 'tote', barcode };
    if (scan.type === 'order') return { kind: 'order', barcode, value: scan.value };
    if (scan.type === 'lpn') return { kind: 'lpn', barcode };
    return { kind: 'other', barcode };
  }
  if (scan.gtin === undefined) {
    if (scan.lot !== undefined) return { kind: 'lot-only', lot: scan.lot };
    return { kind: 'other', barcode: scan.parsed.hri };
  }
  const hit = ctx.index.gtin(scan.gtin);
  const item = hit ? ctx.items.get(hit.itemId) : undefined;
  const factor = item && hit ? (item.uoms.find((u) => u.code === hit.uom)?.factor ?? 1) : 1;
  const qty = scan.qty !== undefined ? scan.qty * factor : factor > 1 ? factor : null;
  return { kind: 'item', code: scan.gtin, item, lot: scan.lot ?? null, qty };
}

export const isLotTracked = (item: Pick<ItemDoc, 'tracking'>): boolean => item.tracking === 'lot' || item.tracking === 'lot_expiry';

export function eventBase(ctx: Pick<FloorScanContext, 'actor' | 'now' | 'newId'>) {
  return { id: ctx.newId(), schemaVersion: EVENT_SCHEMA_VERSION, ...ctx.actor, occurredAt: ctx.now.toISOString() };
}

export function issuesText(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
}
