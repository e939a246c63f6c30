import type { LedgerState } from '../../shared/domain/state';
import { PackCartonClosedEvent, type EventOf } from '../../shared/schemas/events';
import { findOrders, type OrderDocs } from './orders';
import { eventBase, isLotTracked, issuesText, readFloorScan, reject, type FloorReject, type FloorScanContext } from './scan';

/** One item (and lot) of an order at the pack station. */
export interface PackLine {
  itemId: string;
  lot: string | null;
  picked: number;
  /** In cartons already closed (this device's, and any it heard of). */
  packed: number;
  /** Still to go into a carton. */
  remaining: number;
}

export interface CartonLine {
  itemId: string;
  lot: string | null;
  qty: number;
}

const key = (itemId: string, lot: string | null) => `${itemId}|${lot ?? ''}`;

/**
 * What the order still needs packed: what was picked for it (its pick
 * tasks in the optimistic view) minus what earlier cartons hold.
 */
export function packExpectation(state: Pick<LedgerState, 'tasks' | 'cartons'>, orderId: string): PackLine[] {
  const lines = new Map<string, PackLine>();
  for (const t of state.tasks.values()) {
    if (t.orderId !== orderId || t.qtyPicked <= 0) continue;
    const k = key(t.itemId, t.lot);
    const l = lines.get(k) ?? { itemId: t.itemId, lot: t.lot, picked: 0, packed: 0, remaining: 0 };
    l.picked += t.qtyPicked;
    lines.set(k, l);
  }
  for (const c of state.cartons.values()) {
    if (c.orderId !== orderId) continue;
    for (const cl of c.lines) {
      const k = key(cl.itemId, cl.lot);
      const l = lines.get(k) ?? { itemId: cl.itemId, lot: cl.lot, picked: 0, packed: 0, remaining: 0 };
      l.packed += cl.qty;
      lines.set(k, l);
    }
  }
  return [...lines.values()].map((l) => ({ ...l, remaining: Math.max(0, l.picked - l.packed) }));
}

export interface OrderToPack {
  orderId: string;
  totes: string[];
  remaining: number;
}

/** Orders with picked goods not yet in a carton, oldest first (UUIDv7 ids sort by time). */
export function ordersToPack(state: Pick<LedgerState, 'tasks' | 'cartons'>, warehouseId: string): OrderToPack[] {
  const totes = new Map<string, Set<string>>();
  for (const t of state.tasks.values()) {
    if (t.warehouseId !== warehouseId || t.qtyPicked <= 0) continue;
    const s = totes.get(t.orderId) ?? new Set<string>();
    if (t.tote) s.add(t.tote);
    totes.set(t.orderId, s);
  }
  const out: OrderToPack[] = [];
  for (const [orderId, s] of totes) {
    const remaining = packExpectation(state, orderId).reduce((n, l) => n + l.remaining, 0);
    if (remaining > 0) out.push({ orderId, totes: [...s].sort(), remaining });
  }
  return out.sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
}

export interface CartonCheck {
  missing: CartonLine[];
  extra: CartonLine[];
}

/** Verification: what the order still needs that the carton lacks (missing) and what the carton holds beyond it (extra). */
export function verifyCarton(expected: readonly PackLine[], carton: readonly CartonLine[]): CartonCheck {
  const inCarton = new Map<string, CartonLine>();
  for (const c of carton) {
    const k = key(c.itemId, c.lot);
    const prev = inCarton.get(k);
    inCarton.set(k, { ...c, qty: (prev?.qty ?? 0) + c.qty });
  }
  const missing: CartonLine[] = [];
  const extra: CartonLine[] = [];
  for (const l of expected) {
    const got = inCarton.get(key(l.itemId, l.lot))?.qty ?? 0;
    if (got < l.remaining) missing.push({ itemId: l.itemId, lot: l.lot, qty: l.remaining - got });
    if (got > l.remaining) extra.push({ itemId: l.itemId, lot: l.lot, qty: got - l.remaining });
  }
  for (const [k, c] of inCarton) if (!expected.some((l) => key(l.itemId, l.lot) === k) && c.qty > 0) extra.push(c);
  return { missing, extra };
}

/** Adds one scanned unit to the open carton; a lot-tracked item takes the lot the scan names, else the first lot still needed. */
export function addToCarton(carton: readonly CartonLine[], expected: readonly PackLine[], itemId: string, lot: string | null, qty = 1): CartonLine[] {
  let chosen = lot;
  if (chosen === null) {
    const inCarton = (l: PackLine) => carton.filter((c) => c.itemId === l.itemId && c.lot === l.lot).reduce((n, c) => n + c.qty, 0);
    const open = expected.filter((l) => l.itemId === itemId && inCarton(l) < l.remaining);
    chosen = (open[0] ?? expected.find((l) => l.itemId === itemId))?.lot ?? null;
  }
  const k = key(itemId, chosen);
  const found = carton.some((c) => key(c.itemId, c.lot) === k);
  if (found) return carton.map((c) => (key(c.itemId, c.lot) === k ? { ...c, qty: c.qty + qty } : c));
  return [...carton, { itemId, lot: chosen, qty }];
}

/** Takes one unit (of a line) back out of the open carton. */
export function removeFromCarton(carton: readonly CartonLine[], itemId: string, lot: string | null): CartonLine[] {
  return carton.map((c) => (c.itemId === itemId && c.lot === lot ? { ...c, qty: c.qty - 1 } : c)).filter((c) => c.qty > 0);
}

export type PackScanDecision =
  | { kind: 'open'; orderId: string; tote: string | null }
  | { kind: 'choose'; orderIds: string[]; tote: string }
  /** The carton after the scan; `expected` is false when the scan made something extra. */
  | { kind: 'add'; carton: CartonLine[]; itemId: string; qty: number; expected: boolean }
  | FloorReject;

export interface PackContext extends FloorScanContext {
  state: Pick<LedgerState, 'tasks' | 'cartons'>;
  /** Pulled documents that name orders: an order scan is matched on the order number. */
  orders: OrderDocs;
  orderId: string | null;
  carton: readonly CartonLine[];
}

/** At the pack station: a tote or order opens the order to pack; an item goes into the open carton. */
export function interpretPackScan(raw: string, ctx: PackContext): PackScanDecision {
  const scan = readFloorScan(raw, ctx);
  if (scan.kind === 'reject') return scan;
  if (scan.kind === 'tote') {
    const orders = ordersToPack(ctx.state, ctx.actor.warehouseId).filter((o) => o.totes.includes(scan.barcode));
    const [first] = orders;
    if (!first) return reject('tote_empty', { code: scan.barcode });
    if (orders.length > 1) return { kind: 'choose', orderIds: orders.map((o) => o.orderId), tote: scan.barcode };
    return { kind: 'open', orderId: first.orderId, tote: scan.barcode };
  }
  if (scan.kind === 'order') {
    const waiting = ordersToPack(ctx.state, ctx.actor.warehouseId).map((o) => o.orderId);
    const match = findOrders(ctx.orders, waiting, scan.barcode);
    const [first] = match;
    if (!first || match.length > 1) return reject('order_unknown', { code: scan.barcode });
    return { kind: 'open', orderId: first, tote: null };
  }
  if (scan.kind === 'item') {
    if (!ctx.orderId) return reject('no_order');
    if (!scan.item) return reject('unknown_item', { code: scan.code });
    const expected = packExpectation(ctx.state, ctx.orderId);
    const lot = isLotTracked(scan.item) ? scan.lot : null;
    const after = addToCarton(ctx.carton, expected, scan.item.id, lot, scan.qty ?? 1);
    const extraBefore = verifyCarton(expected, ctx.carton).extra.reduce((n, l) => n + l.qty, 0);
    const extraAfter = verifyCarton(expected, after).extra.reduce((n, l) => n + l.qty, 0);
    return { kind: 'add', carton: after, itemId: scan.item.id, qty: scan.qty ?? 1, expected: extraAfter <= extraBefore };
  }
  if (scan.kind === 'lpn') return reject('lpn_unsupported', { code: scan.barcode });
  return reject('wrong_barcode', { code: 'barcode' in scan ? scan.barcode : raw });
}

/** Weight as typed at the scale: grams, or kilograms with a decimal point or comma. Null when not a positive weight. */
export function parseWeight(text: string, unit: 'g' | 'kg'): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const grams = Math.round(Number(t) * (unit === 'kg' ? 1000 : 1));
  return grams > 0 && grams <= 1_000_000 ? grams : null;
}

export function cartonEvent(
  ctx: Pick<FloorScanContext, 'actor' | 'now' | 'newId'>,
  c: { cartonId: string; orderId: string; lines: readonly CartonLine[]; weightGrams: number; tote: string | null },
): EventOf<'pack.carton_closed'> | FloorReject {
  const parsed = PackCartonClosedEvent.safeParse({
    ...eventBase(ctx),
    type: 'pack.carton_closed',
    payload: { cartonId: c.cartonId, orderId: c.orderId, lines: c.lines.filter((l) => l.qty > 0), weightGrams: c.weightGrams, tote: c.tote },
  });
  if (!parsed.success) return reject('invalid', { code: issuesText(parsed.error.issues) });
  return parsed.data;
}
