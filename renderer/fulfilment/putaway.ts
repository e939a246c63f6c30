import { suggestBin, suggestPlateBin, type BinInfo, type BinStock, type Suggestion } from '../../shared/domain/putaway';
import type { BalanceRow, PlateState } from '../../shared/domain/state';
import type { LicencePlateLine, LocationDoc } from '../../shared/schemas/docs';
import { PutawayLpnMovedEvent, PutawayMovedEvent, type EventOf } from '../../shared/schemas/events';
import type { Stored } from '../db/rx-schemas';
import { eventBase, isLotTracked, issuesText, readFloorScan, reject, type FloorReject, type FloorScanContext } from './scan';

/** Available stock of one item (and lot) at one dock location. */
export interface DockStock {
  locationId: string;
  lot: string | null;
  qty: number;
}

/** What is waiting at the docks for put-away: available stock of the item at dock locations, largest first. */
export function dockStock(rows: readonly BalanceRow[], locations: ReadonlyMap<string, Stored<LocationDoc>>, itemId: string, lot: string | null = null): DockStock[] {
  return rows
    .filter((r) => r.itemId === itemId && r.status === 'available' && r.qty > 0 && locations.get(r.locationId)?.kind === 'dock')
    .filter((r) => lot === null || r.lot === lot)
    .map((r) => ({ locationId: r.locationId, lot: r.lot, qty: r.qty }))
    .sort((a, b) => b.qty - a.qty);
}

/**
 * Loose stock waiting at the docks: available units at dock locations less
 * what stands on licence plates there (those are listed as pallets and go
 * to a bin with their plate), largest first.
 */
export function looseAtDocks(
  rows: readonly BalanceRow[],
  plates: Iterable<PlateState>,
  locations: ReadonlyMap<string, Stored<LocationDoc>>,
): BalanceRow[] {
  const onPlates = new Map<string, number>();
  for (const p of plates) {
    if (p.status !== 'open' && p.status !== 'closed') continue;
    for (const l of p.contents) {
      if (l.status !== 'available') continue;
      const key = `${p.locationId}|${l.itemId}|${l.lot ?? ''}`;
      onPlates.set(key, (onPlates.get(key) ?? 0) + l.qty);
    }
  }
  return rows
    .filter((r) => r.status === 'available' && r.qty > 0 && locations.get(r.locationId)?.kind === 'dock')
    .map((r) => ({ ...r, qty: r.qty - (onPlates.get(`${r.locationId}|${r.itemId}|${r.lot ?? ''}`) ?? 0) }))
    .filter((r) => r.qty > 0)
    .sort((a, b) => b.qty - a.qty);
}

/** The put-away rule (shared with the server) on the device's replica: bins of the warehouse and what they hold. */
export function suggestPutaway(
  rows: readonly BalanceRow[],
  locations: ReadonlyMap<string, Stored<LocationDoc>>,
  warehouseId: string,
  itemId: string,
  qty: number,
): Suggestion | null {
  const { bins, stock } = binsAndStock(rows, locations, warehouseId);
  return suggestBin(itemId, qty, bins, stock);
}

/** The same rule for a whole licence plate (by its dominant item, room for every unit on it). */
export function suggestPlatePutaway(
  rows: readonly BalanceRow[],
  locations: ReadonlyMap<string, Stored<LocationDoc>>,
  warehouseId: string,
  contents: readonly LicencePlateLine[],
): Suggestion | null {
  const { bins, stock } = binsAndStock(rows, locations, warehouseId);
  return suggestPlateBin(contents, bins, stock);
}

function binsAndStock(rows: readonly BalanceRow[], locations: ReadonlyMap<string, Stored<LocationDoc>>, warehouseId: string): { bins: BinInfo[]; stock: BinStock[] } {
  const bins = [...locations.values()].filter((l) => l.warehouseId === warehouseId && l.kind === 'bin');
  const stock = rows.filter((r) => r.qty > 0 && locations.get(r.locationId)?.kind === 'bin').map((r) => ({ locationId: r.locationId, itemId: r.itemId, qty: r.qty }));
  return { bins, stock };
}

/** A licence plate picked up at the dock, waiting for its bin: everything on it moves with one bin scan. */
export interface PlateDraft {
  lpn: string;
  fromLocationId: string;
  contents: LicencePlateLine[];
  suggestion: Suggestion | null;
}

/** An item picked up at the dock, waiting for its bin. */
export interface PutawayDraft {
  itemId: string;
  lot: string | null;
  fromLocationId: string;
  /** At the dock now (the most that can move). */
  available: number;
  qty: number;
  suggestion: Suggestion | null;
}

export type PutawayDecision =
  | { kind: 'item'; draft: PutawayDraft }
  | { kind: 'move'; event: EventOf<'putaway.moved'> }
  | { kind: 'plate'; plate: PlateDraft }
  | { kind: 'plate-move'; event: EventOf<'putaway.lpn_moved'> }
  | { kind: 'needs-reason'; toLocationId: string }
  | FloorReject;

export interface PutawayContext extends FloorScanContext {
  rows: readonly BalanceRow[];
  draft: PutawayDraft | null;
  /** Licence plates as the optimistic view knows them, by code. */
  plates?: ReadonlyMap<string, PlateState>;
  plate?: PlateDraft | null;
}

/** Put-away scans: an item at the dock starts a move and gets a bin suggested; a bin scan ends it (another bin needs a reason). */
export function interpretPutawayScan(raw: string, ctx: PutawayContext): PutawayDecision {
  const scan = readFloorScan(raw, ctx);
  if (scan.kind === 'reject') return scan;
  if (scan.kind === 'item') {
    if (!scan.item) return reject('unknown_item', { code: scan.code });
    const lot = isLotTracked(scan.item) ? scan.lot : null;
    const [first] = dockStock(ctx.rows, ctx.locations, scan.item.id, lot);
    if (!first) return reject('nothing_at_dock', { name: scan.item.name });
    const suggestion = suggestPutaway(ctx.rows, ctx.locations, ctx.actor.warehouseId, scan.item.id, first.qty);
    return {
      kind: 'item',
      draft: { itemId: scan.item.id, lot: first.lot, fromLocationId: first.locationId, available: first.qty, qty: first.qty, suggestion },
    };
  }
  if (scan.kind === 'location' && ctx.plate) {
    const plate = ctx.plate;
    if (!scan.location) return reject('unknown_location', { code: scan.barcode });
    if (scan.location.id === plate.fromLocationId) return reject('same_location', { code: scan.location.code });
    if (scan.location.kind !== 'bin') return reject('not_a_bin', { code: scan.location.code });
    if (plate.suggestion && scan.location.id !== plate.suggestion.locationId) return { kind: 'needs-reason', toLocationId: scan.location.id };
    return plateMoveEvent(ctx, plate, scan.location.id, null);
  }
  if (scan.kind === 'location') {
    const draft = ctx.draft;
    if (!draft) return reject('scan_item_first', { expected: '' });
    if (!scan.location) return reject('unknown_location', { code: scan.barcode });
    if (scan.location.id === draft.fromLocationId) return reject('same_location', { code: scan.location.code });
    if (scan.location.kind !== 'bin') return reject('not_a_bin', { code: scan.location.code });
    if (draft.suggestion && scan.location.id !== draft.suggestion.locationId) return { kind: 'needs-reason', toLocationId: scan.location.id };
    return moveEvent(ctx, draft, scan.location.id, null);
  }
  if (scan.kind === 'lpn') return interpretPlateScan(scan.barcode, ctx);
  return reject('wrong_barcode', { code: 'barcode' in scan ? scan.barcode : raw });
}

export function moveEvent(ctx: Pick<FloorScanContext, 'actor' | 'now' | 'newId'>, draft: PutawayDraft, toLocationId: string, reason: string | null): PutawayDecision {
  if (!Number.isInteger(draft.qty) || draft.qty <= 0 || draft.qty > draft.available) return reject('bad_qty', { qty: String(draft.qty) });
  const parsed = PutawayMovedEvent.safeParse({
    ...eventBase(ctx),
    type: 'putaway.moved',
    payload: {
      itemId: draft.itemId,
      lot: draft.lot,
      qty: draft.qty,
      fromLocationId: draft.fromLocationId,
      toLocationId,
      suggestedLocationId: draft.suggestion?.locationId ?? null,
      overrideReason: reason === null || reason.trim() === '' ? null : reason.trim().slice(0, 200),
    },
  });
  if (!parsed.success) return reject('invalid', { code: issuesText(parsed.error.issues) });
  return { kind: 'move', event: parsed.data };
}

/** A licence plate scanned for put-away: what is on it and the bin for all of it, or why it cannot move. */
function interpretPlateScan(lpn: string, ctx: PutawayContext): PutawayDecision {
  const plate = ctx.plates?.get(lpn);
  // This device holds its own warehouse's plates only: any other is unknown here.
  if (!plate || plate.warehouseId !== ctx.actor.warehouseId) return reject('lpn_unknown', { code: lpn });
  if (plate.status === 'put_away') return reject('lpn_put_away', { code: lpn, bin: ctx.locations.get(plate.locationId ?? '')?.code ?? '' });
  if (plate.locationId === null || plate.contents.length === 0) return reject('lpn_empty', { code: lpn });
  const suggestion = suggestPlatePutaway(ctx.rows, ctx.locations, ctx.actor.warehouseId, plate.contents);
  return { kind: 'plate', plate: { lpn, fromLocationId: plate.locationId, contents: plate.contents, suggestion } };
}

export function plateMoveEvent(ctx: Pick<FloorScanContext, 'actor' | 'now' | 'newId'>, plate: PlateDraft, toLocationId: string, reason: string | null): PutawayDecision {
  const parsed = PutawayLpnMovedEvent.safeParse({
    ...eventBase(ctx),
    type: 'putaway.lpn_moved',
    payload: {
      lpn: plate.lpn,
      toLocationId,
      suggestedLocationId: plate.suggestion?.locationId ?? null,
      overrideReason: reason === null || reason.trim() === '' ? null : reason.trim().slice(0, 200),
    },
  });
  if (!parsed.success) return reject('invalid', { code: issuesText(parsed.error.issues) });
  return { kind: 'plate-move', event: parsed.data };
}
