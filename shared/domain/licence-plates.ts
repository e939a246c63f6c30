import type { EventOf } from '../schemas/events';
import type { LicencePlateLine } from '../schemas/docs';
import { noEffects, type Effects } from './effects';
import { balanceKey, type Movement } from './ledger';
import { describeReasons, type ExceptionReason } from './reasons';
import type { LedgerState, PlateHeader, PlateState } from './state';

/**
 * Licence plates (LPNs): a pallet label the receiver scans at the dock,
 * then one scan puts the whole pallet away. A plate is a container
 * reference, not a second set of books: its stock is in the ledger at the
 * plate's location, and what is on it is the sum of the movements tagged
 * with it. Reducers here decide plate headers (status, location) and tag
 * movements; `evolve` folds the tags into the plate's contents.
 */

/** Why a plate cannot take goods received at `locationId`; null when it can. */
export type PlateRefusal = Extract<ExceptionReason, 'lpn_other_warehouse' | 'lpn_put_away' | 'lpn_other_location'>;

export function plateRefusal(plate: PlateState | undefined, warehouseId: string, locationId: string): PlateRefusal | null {
  if (!plate) return null;
  if (plate.warehouseId !== warehouseId) return 'lpn_other_warehouse';
  if (plate.status === 'put_away') return 'lpn_put_away';
  // An emptied plate can be loaded again wherever it is now; one holding stock is where that stock is.
  if (plate.contents.length > 0 && plate.locationId !== null && plate.locationId !== locationId) return 'lpn_other_location';
  return null;
}

export function plateHeader(plate: PlateState): PlateHeader {
  const { contents: _contents, ...header } = plate;
  return header;
}

export const plateUnits = (plate: Pick<PlateState, 'contents'>): number => plate.contents.reduce((n, l) => n + l.qty, 0);

const sameLine = (a: Pick<LicencePlateLine, 'itemId' | 'lot' | 'status'>, b: Pick<LicencePlateLine, 'itemId' | 'lot' | 'status'>): boolean =>
  a.itemId === b.itemId && a.lot === b.lot && a.status === b.status;

/** Folds one tagged movement into its plate's contents (a new plate object: the device's mirror is never edited). */
export function applyPlateMovement(plates: Map<string, PlateState>, m: Movement): void {
  if (m.lpn === undefined) return;
  const plate = plates.get(m.lpn);
  if (!plate) return;
  const idx = plate.contents.findIndex((l) => sameLine(l, m));
  const contents = plate.contents.slice();
  const hit = contents[idx];
  if (hit) contents[idx] = { ...hit, qty: hit.qty + m.qty, expiry: m.expiry ?? hit.expiry };
  else contents.push({ itemId: m.itemId, lot: m.lot, expiry: m.expiry, status: m.status, qty: m.qty });
  plates.set(m.lpn, { ...plate, contents: contents.filter((l) => l.qty !== 0) });
}

/** Plates at a location still carrying stock there (open or closed), by code for a stable order. */
export function platesAt(state: Pick<LedgerState, 'plates'>, warehouseId: string, locationId: string): PlateState[] {
  return [...state.plates.values()]
    .filter((p) => p.warehouseId === warehouseId && p.locationId === locationId && (p.status === 'open' || p.status === 'closed'))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function withExceptions(effects: Effects, reasons: ExceptionReason[]): Effects {
  const [first] = reasons;
  if (first === undefined) return effects;
  return { ...effects, status: 'exception', reasons, exceptions: [{ kind: first, reason: describeReasons(reasons) }] };
}

/** The receiver finished a plate: it waits at the dock for put-away. Closing twice changes nothing. */
export function decideLpnClose(state: LedgerState, ev: EventOf<'lpn.closed'>): Effects {
  const plate = state.plates.get(ev.payload.lpn);
  if (!plate || plate.warehouseId !== ev.warehouseId) return { ...noEffects(), note: 'unknown_lpn' };
  if (plate.status !== 'open') return { ...noEffects(), note: 'already_closed' };
  return { ...noEffects(), plates: [{ ...plateHeader(plate), status: 'closed' }] };
}

/**
 * A whole plate into a bin, one scan: every line on the plate leaves the
 * plate's location and lands in the bin with its lot, expiry and status
 * (quarantined goods stay quarantined), all in this one event. What moves
 * is what the books have on the plate: the pallet moved, not a count of it.
 */
export function decideLpnPutaway(state: LedgerState, ev: EventOf<'putaway.lpn_moved'>): Effects {
  const p = ev.payload;
  if (state.locations.get(p.toLocationId) !== ev.warehouseId) return withExceptions(noEffects(), ['unknown_location']);
  const plate = state.plates.get(p.lpn);
  if (!plate) return withExceptions(noEffects(), ['unknown_lpn']);
  if (plate.warehouseId !== ev.warehouseId) return withExceptions(noEffects(), ['lpn_other_warehouse']);
  if (plate.status === 'put_away') return withExceptions(noEffects(), ['lpn_put_away']);
  const from = plate.locationId;
  if (from === null || plate.contents.length === 0) return withExceptions(noEffects(), ['lpn_empty']);
  if (from === p.toLocationId) return { ...noEffects(), note: 'already_there' };

  const reasons: ExceptionReason[] = [];
  const movements: Movement[] = [];
  for (const l of plate.contents) {
    const key = balanceKey({ warehouseId: ev.warehouseId, locationId: from, itemId: l.itemId, lot: l.lot, status: l.status });
    if ((state.balances.get(key)?.qty ?? 0) < l.qty && !reasons.includes('stock_not_found')) reasons.push('stock_not_found');
    const base = { warehouseId: ev.warehouseId, itemId: l.itemId, lot: l.lot, expiry: l.expiry, status: l.status, value: 0, cause: ev.id };
    movements.push({ ...base, locationId: from, qty: -l.qty, lpn: plate.code }, { ...base, locationId: p.toLocationId, qty: l.qty });
  }
  return withExceptions({ ...noEffects(), movements, plates: [{ ...plateHeader(plate), status: 'put_away', locationId: p.toLocationId }] }, reasons);
}

/**
 * An item-level move out of a location that holds plates: loose units go
 * first, then units come off the plates (tagged), so a plate never claims
 * more than the location holds. A plate left with nothing is `emptied`.
 */
export function takeFromPlates(
  state: LedgerState,
  ev: { id: string; warehouseId: string },
  from: { locationId: string; itemId: string; lot: string | null; qty: number },
): { movements: Movement[]; plates: PlateHeader[] } {
  const status = 'available' as const;
  const onHand = state.balances.get(balanceKey({ warehouseId: ev.warehouseId, ...from, status }))?.qty ?? 0;
  const plates = platesAt(state, ev.warehouseId, from.locationId);
  const onPlate = (pl: PlateState) => pl.contents.find((l) => sameLine(l, { itemId: from.itemId, lot: from.lot, status }))?.qty ?? 0;
  const loose = onHand - plates.reduce((n, pl) => n + onPlate(pl), 0);
  let need = from.qty - Math.max(0, loose);
  const movements: Movement[] = [];
  const touched: PlateHeader[] = [];
  for (const pl of plates) {
    if (need <= 0) break;
    const take = Math.min(need, onPlate(pl));
    if (take <= 0) continue;
    need -= take;
    movements.push({ warehouseId: ev.warehouseId, locationId: from.locationId, itemId: from.itemId, lot: from.lot, expiry: null, status, qty: -take, value: 0, cause: ev.id, lpn: pl.code });
    const left = plateUnits(pl) - take;
    touched.push({ ...plateHeader(pl), status: left > 0 ? pl.status : 'emptied' });
  }
  const taken = movements.reduce((n, m) => n - m.qty, 0);
  const rest = from.qty - taken;
  if (rest > 0) movements.unshift({ warehouseId: ev.warehouseId, locationId: from.locationId, itemId: from.itemId, lot: from.lot, expiry: null, status, qty: -rest, value: 0, cause: ev.id });
  return { movements, plates: touched };
}
