import { generateItems, generateSuppliers, MAX_ITEMS } from './catalog';
import { DEMO_SITES, layoutSite } from './layout';
import { generateAsns, generatePurchaseOrders } from './orders';
import { Rng } from './random';
import { generateOpeningStock } from './stock';
import type { DemoPlan, ItemPlan } from './plan';

export interface DemoOptions {
  /** Catalogue size (default 5,000; 20..99,999). */
  items?: number;
  /** Multiplies the bays per aisle, and so the number of bins (default 1: ~5,200 bins). */
  binsScale?: number;
  /** Reference date for PO due dates and lot expiries (default: the real date). */
  now?: Date;
  /** PRNG seed; the same seed gives the same tenant apart from ids and `now`-relative dates. */
  seed?: number;
}

export const DEFAULT_ITEMS = 5000;
export const DEFAULT_SEED = 0x5eed_d0c5;
export const SUPPLIER_COUNT = 25;
export const MIN_ITEMS = 20;

export interface ResolvedOptions {
  items: number;
  binsScale: number;
  now: Date;
  seed: number;
}

export function resolveOptions(opts: DemoOptions = {}): ResolvedOptions {
  const items = opts.items ?? DEFAULT_ITEMS;
  const binsScale = opts.binsScale ?? 1;
  const now = opts.now ?? new Date();
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(items) || items < MIN_ITEMS || items > MAX_ITEMS) {
    throw new RangeError(`seed: items must be an integer from ${MIN_ITEMS} to ${MAX_ITEMS}, got ${items}`);
  }
  if (!Number.isFinite(binsScale) || binsScale <= 0 || binsScale > 20) {
    throw new RangeError(`seed: binsScale must be a number in (0, 20], got ${binsScale}`);
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('seed: now is an invalid date');
  if (!Number.isInteger(seed)) throw new RangeError(`seed: seed must be an integer, got ${seed}`);
  return { items, binsScale, now, seed };
}

/**
 * The whole demo tenant in memory. Each part draws from its own PRNG stream,
 * so asking for more items leaves the suppliers (say) exactly as they were.
 */
export function generateDemo(opts: DemoOptions = {}): DemoPlan {
  const { items: itemCount, binsScale, now, seed } = resolveOptions(opts);
  const stream = (n: number): Rng => new Rng(seed + n * 0x9e37_79b9);

  const sites = DEMO_SITES.map((site) => layoutSite(site, binsScale));
  const warehouses = sites.map((s) => s.warehouse);
  const items = generateItems(stream(1), itemCount);
  const itemsById = new Map<string, ItemPlan>(items.map((i) => [i.id, i]));
  const suppliers = generateSuppliers(stream(2), SUPPLIER_COUNT);
  const purchaseOrders = generatePurchaseOrders(stream(3), warehouses, suppliers, items, now);
  const asns = generateAsns(stream(4), warehouses, purchaseOrders, itemsById, now);

  const plan: DemoPlan = {
    warehouses,
    locations: sites.flatMap((s) => s.locations),
    items,
    suppliers,
    purchaseOrders,
    asns,
    movements: [],
    balances: [],
    valuations: [],
    serials: [],
  };
  const stockRng = stream(5);
  const serialCounters = new Map<string, number>();
  for (const site of sites) {
    const stock = generateOpeningStock(stockRng, site.warehouse, site.bins, items, serialCounters, now);
    plan.movements = plan.movements.concat(stock.movements);
    plan.balances = plan.balances.concat(stock.balances);
    plan.valuations = plan.valuations.concat(stock.valuations);
    plan.serials = plan.serials.concat(stock.serials);
  }
  return plan;
}
