import { uuidv7 } from 'uuidv7';
import { balanceId } from '../../shared/domain/ledger';
import { caseFactor } from './catalog';
import { drawLot } from './orders';
import { pad, type Rng } from './random';
import type { BalancePlan, ItemPlan, LocationPlan, MovementPlan, SerialPlan, ValuationPlan, WarehousePlan } from './plan';

/** Share of the active catalogue each site carries, by site kind. */
export const STOCKED_SHARE: Readonly<Record<string, number>> = { WH1: 0.6, WH2: 0.4, ST1: 0.04 };

export const OPENING_BALANCE_CAUSE = 'opening_balance';

export interface OpeningStock {
  movements: MovementPlan[];
  balances: BalancePlan[];
  valuations: ValuationPlan[];
  serials: SerialPlan[];
}

/** Bins with a running fill level, so opening stock respects capacity. */
class BinPicker {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly bins: readonly LocationPlan[],
  ) {}

  /** A bin not in `exclude` with room for up to `qty`, and how much it takes; null when none found. */
  place(qty: number, exclude: ReadonlySet<string>): { bin: LocationPlan; qty: number } | null {
    let best: { bin: LocationPlan; room: number } | null = null;
    for (let attempt = 0; attempt < 12; attempt++) {
      const bin = this.rng.pick(this.bins);
      if (exclude.has(bin.id)) continue;
      const room = (bin.capacity ?? Number.MAX_SAFE_INTEGER) - (this.used.get(bin.id) ?? 0);
      if (room >= qty) {
        best = { bin, room };
        break;
      }
      if (!best || room > best.room) best = { bin, room };
    }
    if (!best || best.room <= 0) return null;
    const placed = Math.min(qty, best.room);
    this.used.set(best.bin.id, (this.used.get(best.bin.id) ?? 0) + placed);
    return { bin: best.bin, qty: placed };
  }
}

function stockQty(rng: Rng, item: ItemPlan, store: boolean): number {
  if (item.tracking === 'serial') return rng.int(1, store ? 2 : 5);
  const perCase = caseFactor(item);
  if (store) return rng.int(2, 24);
  if (perCase !== null) return perCase * rng.int(1, 10);
  return rng.int(5, 300);
}

/**
 * Opening balances for one site: a share of the active items, each in 1-3
 * bins (lot items possibly with a different lot per bin), serial items in
 * one bin with their serial numbers. Every balance comes from exactly one
 * `opening_balance` movement valued at standard cost, and the valuations are
 * their sums per item.
 */
export function generateOpeningStock(
  rng: Rng,
  warehouse: WarehousePlan,
  bins: readonly LocationPlan[],
  items: readonly ItemPlan[],
  serialCounters: Map<string, number>,
  now: Date,
): OpeningStock {
  const out: OpeningStock = { movements: [], balances: [], valuations: [], serials: [] };
  if (bins.length === 0) return out;
  const store = warehouse.kind === 'store';
  const picker = new BinPicker(rng, bins);
  const active = items.filter((i) => i.active);
  const stocked = rng.sample(active, Math.round(active.length * (STOCKED_SHARE[warehouse.code] ?? 0)));
  // Keep the stocked items in SKU order so the generated rows read naturally.
  stocked.sort((a, b) => a.sku.localeCompare(b.sku));

  for (const item of stocked) {
    const r = rng.next();
    const slots = item.tracking === 'serial' || store ? 1 : r < 0.7 ? 1 : r < 0.92 ? 2 : 3;
    const usedBins = new Set<string>();
    let lot = drawLot(rng, item, now);
    for (let s = 0; s < slots; s++) {
      if (s > 0 && rng.chance(0.5)) lot = drawLot(rng, item, now);
      const placed = picker.place(stockQty(rng, item, store), usedBins);
      if (!placed) continue;
      usedBins.add(placed.bin.id);
      const key = { locationId: placed.bin.id, itemId: item.id, lot: lot.lot, status: 'available' as const };
      const value = placed.qty * item.standardCost;
      out.movements.push({
        id: uuidv7(),
        warehouseId: warehouse.id,
        ...key,
        expiry: lot.expiry,
        qty: placed.qty,
        value,
        cause: OPENING_BALANCE_CAUSE,
      });
      out.balances.push({ id: balanceId(key), warehouseId: warehouse.id, ...key, expiry: lot.expiry, qty: placed.qty });
      if (item.tracking === 'serial') {
        const skuDigits = item.sku.replace(/\D/g, '');
        for (let u = 0; u < placed.qty; u++) {
          const next = (serialCounters.get(item.id) ?? 0) + 1;
          serialCounters.set(item.id, next);
          out.serials.push({
            warehouseId: warehouse.id,
            itemId: item.id,
            serial: `SN${skuDigits}${pad(next, 5)}`,
            locationId: placed.bin.id,
            status: 'in_stock',
          });
        }
      }
    }
  }
  out.valuations = valuationsFrom(out.movements);
  return out;
}

/** Valuations are the movements summed per warehouse and item, nothing else. */
export function valuationsFrom(movements: readonly MovementPlan[]): ValuationPlan[] {
  const sums = new Map<string, ValuationPlan>();
  for (const m of movements) {
    const key = `${m.warehouseId}|${m.itemId}`;
    const v = sums.get(key);
    if (v) {
      v.qty += m.qty;
      v.value += m.value;
    } else {
      sums.set(key, { warehouseId: m.warehouseId, itemId: m.itemId, qty: m.qty, value: m.value });
    }
  }
  return [...sums.values()];
}
