import { decide, evolve } from '../../shared/domain/apply';
import type { Effects } from '../../shared/domain/effects';
import { emptyLedgerState, type BalanceRow, type LedgerState } from '../../shared/domain/state';
import type { DeviceEvent } from '../../shared/schemas/events';
import { floorServerState } from '../fulfilment/floor-state';
import { CopyOnReadMap } from './copy-on-read-map';
import type { MirrorDocs } from './mirror';

/** This device's events the server has not answered yet, in the order they were made (UUIDv7 ids sort by time). */
export function pendingEvents(docs: Pick<MirrorDocs, 'events' | 'event_outcomes'>): DeviceEvent[] {
  const out: DeviceEvent[] = [];
  for (const ev of docs.events.values()) if (!docs.event_outcomes.has(ev.id)) out.push(ev);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many of this device's events the server has not answered yet (no sorting, no copies: runs on every change). */
export function pendingCount(docs: Pick<MirrorDocs, 'events' | 'event_outcomes'>): number {
  let n = 0;
  for (const id of docs.events.keys()) if (!docs.event_outcomes.has(id)) n++;
  return n;
}

/**
 * The latest pulled server state as the shared reducers' LedgerState.
 * Maps of whole documents are copied shallowly (the reducers replace
 * entries, never edit them); balance rows, which the ledger edits in
 * place, are cloned on first read.
 */
export function serverLedgerState(docs: MirrorDocs): LedgerState {
  const docks = new Map<string, string>();
  for (const w of docs.warehouses.values()) if (w.dockLocationId) docks.set(w.id, w.dockLocationId);
  const locations = new Map<string, string>();
  for (const l of docs.locations.values()) locations.set(l.id, l.warehouseId);
  // Balance docs are keyed within their warehouse; the ledger keys them `${warehouseId}|${id}`.
  const balances = new CopyOnReadMap<BalanceRow>(docs.balances, (key) => key.slice(key.indexOf('|') + 1));
  return {
    // Anything the receiving reducers do not read starts empty (server-side books, later workflows).
    ...emptyLedgerState(),
    // Pick tasks, staging, orders and this device's answered cartons (put-away, picking, packing, shipping).
    ...floorServerState(docs),
    items: docs.items,
    docks,
    locations,
    pos: new Map(docs.purchase_orders),
    asns: new Map(docs.asns),
    receipts: new Map(docs.receipts),
    balances,
  };
}

/**
 * Optimistic view (DESIGN section 6) = latest pulled server state + this
 * device's pending events, folded through the very reducers the server
 * runs. New scans are folded in incrementally; the fold is redone from
 * the server state only when that state (or the pending set) changed.
 */
export class OptimisticView {
  private state: LedgerState | null = null;
  private readonly predicted = new Map<string, Effects>();

  constructor(private readonly docs: MirrorDocs) {}

  /** Server state or the pending set changed: refold on next read. */
  invalidate(): void {
    this.state = null;
  }

  get current(): LedgerState {
    if (this.state) return this.state;
    const state = serverLedgerState(this.docs);
    this.predicted.clear();
    for (const ev of pendingEvents(this.docs)) this.fold(state, ev);
    this.state = state;
    return state;
  }

  /** What the server will make of this event given everything known here; changes nothing. */
  predict(ev: DeviceEvent): Effects {
    return decide(this.current, ev);
  }

  /** The event is durably stored: fold it into the view. */
  commit(ev: DeviceEvent, effects: Effects): void {
    const state = this.current;
    // A refold since predict() already picked the stored event up from the replica.
    if (this.predicted.has(ev.id)) return;
    evolve(state, effects);
    this.predicted.set(ev.id, effects);
  }

  /** The predicted outcome of a pending event (null once the server answered). */
  predictionFor(id: string): Effects | null {
    return this.predicted.get(id) ?? null;
  }

  private fold(state: LedgerState, ev: DeviceEvent): void {
    const effects = decide(state, ev);
    evolve(state, effects);
    this.predicted.set(ev.id, effects);
  }
}
