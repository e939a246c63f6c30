/**
 * Available-to-promise and allocation. Pure: the caller passes a working copy
 * of stock, and allocation consumes it so the next order sees what is left.
 */

export interface StockSlot {
  locationId: string;
  zone: string;
  pathSeq: number;
  lot: string | null;
  expiry: string | null;
  /** Available (unallocated) quantity in this slot. */
  qty: number;
}

export interface ItemStock {
  slots: StockSlot[];
  safetyStock: number;
  /** channel -> units held back for that channel only. */
  reserves: Record<string, number>;
}

/** warehouseId -> itemId -> stock */
export type StockMap = Map<string, Map<string, ItemStock>>;

export interface OrderLineDemand {
  lineNo: number;
  itemId: string;
  qty: number;
}

export interface Reservation {
  lineNo: number;
  itemId: string;
  warehouseId: string;
  locationId: string;
  zone: string;
  pathSeq: number;
  lot: string | null;
  expiry: string | null;
  qty: number;
}

export interface Allocation {
  reservations: Reservation[];
  backorders: { lineNo: number; itemId: string; qty: number }[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** ATP = available - safety stock - what other channels have reserved (never negative). */
export function atp(stock: ItemStock | undefined, channel: string): number {
  if (!stock) return 0;
  const available = sum(stock.slots.map((s) => s.qty));
  const othersReserved = sum(Object.entries(stock.reserves).filter(([c]) => c !== channel).map(([, q]) => q));
  return Math.max(0, available - stock.safetyStock - othersReserved);
}

/** FEFO: earliest expiry first (no expiry last), then along the pick path. */
function fefo(a: StockSlot, b: StockSlot): number {
  if (a.expiry !== b.expiry) {
    if (a.expiry === null) return 1;
    if (b.expiry === null) return -1;
    return a.expiry < b.expiry ? -1 : 1;
  }
  return a.pathSeq - b.pathSeq;
}

/** Takes `qty` from the item's slots in FEFO order; reservations are bound to a location. */
function take(warehouseId: string, stock: ItemStock, line: OrderLineDemand, qty: number): Reservation[] {
  const out: Reservation[] = [];
  let left = qty;
  for (const slot of [...stock.slots].sort(fefo)) {
    if (left === 0) break;
    const n = Math.min(slot.qty, left);
    if (n <= 0) continue;
    slot.qty -= n;
    left -= n;
    out.push({ lineNo: line.lineNo, itemId: line.itemId, warehouseId, locationId: slot.locationId, zone: slot.zone, pathSeq: slot.pathSeq, lot: slot.lot, expiry: slot.expiry, qty: n });
  }
  return out;
}

/**
 * Allocates an order: one warehouse that can ship it all (by priority), else
 * split across warehouses when the policy allows, else backorder. Never
 * takes more than a warehouse's ATP for the order's channel.
 */
export function allocateOrder(
  lines: readonly OrderLineDemand[],
  channel: string,
  stock: StockMap,
  warehousePriority: readonly string[],
  policy: 'ship_complete' | 'split',
): Allocation {
  // Several lines may ask for the same item: the whole order's need per item must fit.
  const need = new Map<string, number>();
  for (const l of lines) need.set(l.itemId, (need.get(l.itemId) ?? 0) + l.qty);

  const whole = warehousePriority.find((wh) => [...need].every(([item, q]) => atp(stock.get(wh)?.get(item), channel) >= q));
  if (whole !== undefined) {
    const items = stock.get(whole);
    const reservations = lines.flatMap((l) => {
      const s = items?.get(l.itemId);
      return s ? take(whole, s, l, l.qty) : [];
    });
    return { reservations, backorders: [] };
  }
  if (policy === 'ship_complete') {
    return { reservations: [], backorders: lines.map((l) => ({ lineNo: l.lineNo, itemId: l.itemId, qty: l.qty })) };
  }

  const reservations: Reservation[] = [];
  const backorders: Allocation['backorders'] = [];
  for (const l of lines) {
    let left = l.qty;
    for (const wh of warehousePriority) {
      if (left === 0) break;
      const s = stock.get(wh)?.get(l.itemId);
      const n = Math.min(left, atp(s, channel));
      if (s && n > 0) {
        reservations.push(...take(wh, s, l, n));
        left -= n;
      }
    }
    if (left > 0) backorders.push({ lineNo: l.lineNo, itemId: l.itemId, qty: left });
  }
  return { reservations, backorders };
}
