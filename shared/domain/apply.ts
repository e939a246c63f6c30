import type { DeviceEvent } from '../schemas/events';
import type { Effects } from './effects';
import { applyMovement } from './ledger';
import { applyPlateMovement, decideLpnClose, decideLpnPutaway } from './licence-plates';
import { decidePack, decidePick, decidePutaway, decideShip, decideShort } from './fulfilment';
import { decideReceiptClose, decideReceiptLine } from './receiving';
import { serialKey, type LedgerState } from './state';

/** Decides what one event means against the current state. Pure: reads state, returns effects. */
export function decide(state: LedgerState, ev: DeviceEvent): Effects {
  switch (ev.type) {
    case 'receipt.line_scanned':
      return decideReceiptLine(state, ev);
    case 'receipt.closed':
      return decideReceiptClose(state, ev);
    case 'putaway.moved':
      return decidePutaway(state, ev);
    case 'pick.picked':
      return decidePick(state, ev);
    case 'pick.short':
      return decideShort(state, ev);
    case 'pack.carton_closed':
      return decidePack(state, ev);
    case 'ship.confirmed':
      return decideShip(state, ev);
    case 'lpn.closed':
      return decideLpnClose(state, ev);
    case 'putaway.lpn_moved':
      return decideLpnPutaway(state, ev);
  }
}

/** Folds decided effects into the working state so the next event sees them. */
export function evolve(state: LedgerState, effects: Effects): void {
  // Plate headers first: a plate opened by this event is there for its movements' tags.
  for (const p of effects.plates) state.plates.set(p.code, { ...p, contents: state.plates.get(p.code)?.contents ?? [] });
  for (const m of effects.movements) {
    applyMovement(state, m);
    applyPlateMovement(state.plates, m);
  }
  for (const r of effects.receipts) state.receipts.set(r.id, r);
  for (const po of effects.pos) state.pos.set(po.id, po);
  for (const asn of effects.asns) state.asns.set(asn.id, asn);
  for (const s of effects.serials) state.serials.set(serialKey(s.warehouseId, s.itemId, s.serial), s);
  for (const t of effects.tasks) state.tasks.set(t.id, t);
  for (const o of effects.orders) state.orders.set(o.id, o);
  for (const c of effects.cartons) state.cartons.set(c.id, c);
}

/**
 * Applies events in order, each id at most once (guarantee 2): the same
 * fold the server runs per batch and a device runs for its optimistic view.
 */
export function applyEvents(
  state: LedgerState,
  events: Iterable<DeviceEvent>,
  seen: Set<string> = new Set(),
): Map<string, Effects> {
  const outcomes = new Map<string, Effects>();
  for (const ev of events) {
    if (seen.has(ev.id)) continue;
    seen.add(ev.id);
    const effects = decide(state, ev);
    evolve(state, effects);
    outcomes.set(ev.id, effects);
  }
  return outcomes;
}
