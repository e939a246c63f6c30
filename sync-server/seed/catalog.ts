import { uuidv7 } from 'uuidv7';
import { withCheckDigit } from '../../shared/barcode/check-digit';
import type { Tracking } from '../../shared/schemas/common';
import type { UnitOfMeasure } from '../../shared/schemas/docs';
import { pad, type Rng } from './random';
import type { ItemPlan, SupplierPlan } from './plan';

/**
 * GS1 company prefixes the demo GTINs and SSCCs are built on (7 digits, so a
 * 5-digit item reference; 0950600 is GS1's own example prefix).
 */
export const COMPANY_PREFIXES = ['0950600', '0614141', '0312345'] as const;
/** Item references are 5 digits per company prefix. */
export const MAX_ITEMS = 99_999 * 3;

interface Category {
  tracking: Tracking;
  /** Standard cost range in cents, drawn on a log scale. */
  cost: readonly [number, number];
  caseSizes: readonly number[];
  name: (rng: Rng) => string;
}

const COLOURS = ['Black', 'White', 'Navy', 'Grey', 'Red', 'Green', 'Blue', 'Yellow', 'Olive', 'Sand'];

const CATEGORIES: readonly Category[] = [
  {
    tracking: 'none',
    cost: [50, 900],
    caseSizes: [12, 24],
    name: (r) =>
      `${r.pick(['Stainless', 'Zinc-Plated', 'Galvanized', 'Brass', 'Black Oxide'])} ` +
      `${r.pick(['Hex Bolt', 'Socket Cap Screw', 'Carriage Bolt', 'Machine Screw', 'Wood Screw', 'Coach Screw'])} ` +
      `M${r.pick([3, 4, 5, 6, 8, 10, 12])}x${r.pick([8, 10, 12, 16, 20, 25, 30, 40, 50, 60, 80, 100])}`,
  },
  {
    tracking: 'none',
    cost: [60, 2500],
    caseSizes: [6, 12, 24],
    name: (r) =>
      r.pick([
        () => `${r.pick(['Ballpoint', 'Gel', 'Fineliner', 'Felt-Tip'])} Pen ${r.pick(COLOURS)} ${r.pick([4, 10, 12, 20])}pk`,
        () => `Copy Paper ${r.pick(['A4', 'A3', 'Letter'])} ${r.pick([80, 90, 100])}gsm ${r.pick([250, 500])} Sheets`,
        () => `${r.pick(['Lever Arch', 'Ring', 'Presentation'])} Binder ${r.pick(COLOURS)} ${r.pick([25, 50, 75])}mm`,
        () => `${r.pick(['Sticky', 'Index', 'Ruled'])} Notes ${r.pick(['76x76', '76x127', '38x51'])}mm ${r.pick([6, 12])}pk`,
      ])(),
  },
  {
    tracking: 'none',
    cost: [150, 6000],
    caseSizes: [6, 12],
    name: (r) =>
      `${r.pick(['Glass', 'Stainless', 'Enamel', 'Bamboo', 'Ceramic', 'Cast Iron'])} ` +
      `${r.pick(['Storage Jar', 'Mixing Bowl', 'Saucepan', 'Serving Tray', 'Mug', 'Cutting Board', 'Skillet'])} ` +
      r.pick(['Small', 'Medium', 'Large', '1L', '2L', '20cm', '28cm']),
  },
  {
    tracking: 'none',
    cost: [300, 8000],
    caseSizes: [6, 12, 24],
    name: (r) =>
      `${r.pick(['Cotton', 'Merino', 'Fleece', 'Organic Cotton', 'Ripstop'])} ` +
      `${r.pick(['Crew T-Shirt', 'Hoodie', 'Work Trousers', 'Beanie', 'Polo Shirt', 'Socks 3pk'])} ` +
      `${r.pick(COLOURS)} ${r.pick(['XS', 'S', 'M', 'L', 'XL', 'XXL'])}`,
  },
  {
    tracking: 'none',
    cost: [400, 9000],
    caseSizes: [4, 6, 12],
    name: (r) =>
      `${r.pick(['Claw Hammer', 'Adjustable Wrench', 'Utility Knife', 'Tape Measure', 'Spirit Level', 'Hex Key Set', 'Pliers'])} ` +
      r.pick(['8in', '10in', '16oz', '5m', '8m', '600mm', 'Pro', 'Compact']),
  },
  {
    tracking: 'lot',
    cost: [200, 4000],
    caseSizes: [6, 12],
    name: (r) =>
      r.pick([
        () => `${r.pick(['Citrus', 'Unscented', 'Pine', 'Lavender'])} ${r.pick(['All-Purpose Cleaner', 'Floor Cleaner', 'Degreaser', 'Hand Soap'])} ${r.pick(['500ml', '750ml', '1L', '5L'])}`,
        () => `${r.pick(['Matte', 'Satin', 'Gloss'])} ${r.pick(['Interior', 'Exterior'])} Paint ${r.pick(COLOURS)} ${r.pick(['1L', '2.5L', '5L'])}`,
        () => `${r.pick(['Epoxy', 'Wood', 'Contact', 'Construction'])} Adhesive ${r.pick(['50ml', '290ml', '500ml'])}`,
      ])(),
  },
  {
    tracking: 'lot_expiry',
    cost: [80, 2500],
    caseSizes: [6, 12, 24],
    name: (r) =>
      r.pick([
        () => `${r.pick(['Organic', 'Classic', 'Decaf', 'Fairtrade'])} ${r.pick(['Green Tea', 'Earl Grey', 'Chamomile Tea', 'Peppermint Tea'])} ${r.pick([20, 40, 80])}ct`,
        () => `${r.pick(['Roasted', 'Salted', 'Raw', 'Honey'])} ${r.pick(['Almonds', 'Cashews', 'Peanuts', 'Mixed Nuts'])} ${r.pick(['150g', '500g', '1kg'])}`,
        () => `${r.pick(['Wholegrain', 'Durum', 'Gluten-Free'])} Pasta ${r.pick(['Penne', 'Fusilli', 'Spaghetti', 'Farfalle'])} ${r.pick(['500g', '1kg'])}`,
        () => `${r.pick(['Arabica', 'Espresso', 'Colombian'])} Coffee ${r.pick(['Beans', 'Ground', 'Pods 30ct'])} ${r.pick(['250g', '1kg'])}`,
        () => `Vitamin ${r.pick(['C 1000mg', 'D3 25mcg', 'B12 500mcg', 'E 400IU'])} ${r.pick([30, 60, 120])}ct`,
      ])(),
  },
  {
    tracking: 'serial',
    cost: [4000, 50_000],
    caseSizes: [2, 4],
    name: (r) =>
      `${r.pick(['Cordless Drill 18V', 'Angle Grinder 125mm', 'Label Printer 4in', 'Barcode Scanner BT', 'Rugged Tablet 8in', 'Laser Distance Meter', 'Impact Driver 18V'])} ` +
      `${r.pick(['Kit', 'Body Only', 'Pro', 'Gen 2', 'XR'])}`,
  },
];

function drawTracking(rng: Rng): Tracking {
  const r = rng.next();
  if (r < 0.1) return 'lot_expiry';
  if (r < 0.15) return 'lot';
  if (r < 0.18) return 'serial';
  return 'none';
}

/** GTIN-14 for item `ref` under `prefix` with packaging indicator digit `indicator`. */
export function gtin14(indicator: number, prefix: string, ref: number): string {
  return withCheckDigit(`${indicator}${prefix}${pad(ref, 12 - prefix.length)}`);
}

function unitsOfMeasure(rng: Rng, category: Category, prefix: string, ref: number): UnitOfMeasure[] {
  const uoms: UnitOfMeasure[] = [{ code: 'EA', factor: 1, gtin: gtin14(0, prefix, ref) }];
  if (!rng.chance(category.tracking === 'serial' ? 0.4 : 0.75)) return uoms;
  const caseSize = rng.pick(category.caseSizes);
  const inner = [2, 3, 4, 6].filter((n) => n < caseSize && caseSize % n === 0);
  if (inner.length > 0 && rng.chance(0.3)) uoms.push({ code: 'PK', factor: rng.pick(inner), gtin: gtin14(2, prefix, ref) });
  uoms.push({ code: 'CS', factor: caseSize, gtin: gtin14(1, prefix, ref) });
  if (rng.chance(0.06)) uoms.push({ code: 'PL', factor: caseSize * rng.int(20, 60), gtin: gtin14(3, prefix, ref) });
  return uoms;
}

/** Items `SKU-000001`.. with valid GTINs; the first 100 are always active. */
export function generateItems(rng: Rng, count: number): ItemPlan[] {
  const items: ItemPlan[] = [];
  for (let n = 1; n <= count; n++) {
    const tracking = drawTracking(rng);
    const category = rng.pick(CATEGORIES.filter((c) => c.tracking === tracking));
    const prefix = COMPANY_PREFIXES[n % COMPANY_PREFIXES.length] ?? COMPANY_PREFIXES[0];
    // Each prefix numbers its own items, so three prefixes hold 3 x 99,999 (benchmark replicas need 100,000+).
    const ref = Math.ceil(n / COMPANY_PREFIXES.length);
    const uoms = unitsOfMeasure(rng, category, prefix, ref);
    items.push({
      id: uuidv7(),
      sku: `SKU-${pad(n, 6)}`,
      name: category.name(rng),
      gtin: uoms[0]?.gtin ?? gtin14(0, prefix, ref),
      baseUom: 'EA',
      uoms,
      tracking,
      standardCost: rng.logInt(category.cost[0], category.cost[1]),
      active: n <= 100 || !rng.chance(0.01),
    });
  }
  return items;
}

/** Base units in one case, or null when the item is only handled in eaches. */
export function caseFactor(item: ItemPlan): number | null {
  return item.uoms.find((u) => u.code === 'CS')?.factor ?? null;
}

const SUPPLIER_PLACES = ['Northwind', 'Harbor', 'Summit', 'Redwood', 'Bluewater', 'Ironbridge', 'Meadow', 'Granite', 'Lakeside', 'Pioneer'];
const SUPPLIER_TRADES = ['Fasteners', 'Foods', 'Supply', 'Industrial', 'Trading', 'Home Goods', 'Tools', 'Wholesale', 'Outfitters'];
const SUPPLIER_SUFFIXES = ['Ltd', 'Inc', 'Co', 'GmbH', 'LLC'];

export function generateSuppliers(rng: Rng, count: number): SupplierPlan[] {
  const names = new Set<string>();
  const suppliers: SupplierPlan[] = [];
  for (let n = 1; n <= count; n++) {
    let name: string;
    do {
      name = `${rng.pick(SUPPLIER_PLACES)} ${rng.pick(SUPPLIER_TRADES)} ${rng.pick(SUPPLIER_SUFFIXES)}`;
    } while (names.has(name));
    names.add(name);
    suppliers.push({ id: uuidv7(), code: `SUP-${pad(n, 3)}`, name, leadTimeDays: rng.int(2, 21) });
  }
  return suppliers;
}
