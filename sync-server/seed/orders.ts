import { uuidv7 } from 'uuidv7';
import { withCheckDigit } from '../../shared/barcode/check-digit';
import type { PoLine } from '../../shared/schemas/docs';
import { caseFactor, COMPANY_PREFIXES } from './catalog';
import { isoDatePlusDays, pad, type Rng } from './random';
import type { AsnLinePlan, AsnPlan, ItemPlan, PurchaseOrderPlan, SupplierPlan, WarehousePlan } from './plan';

/** Open purchase orders per site code; numbers run from 100001 in this order. */
export const PO_COUNTS: Readonly<Record<string, number>> = { WH1: 36, WH2: 24, ST1: 2 };
/** How many of the warehouse (not store) POs already have an ASN in transit. */
export const ASN_COUNT = 20;
export const FIRST_PO_NUMBER = 100_001;
export const FIRST_ASN_NUMBER = 500_001;

/** Earliest expiry the seed hands out: tracked stock is always at least a year from going off. */
export const MIN_SHELF_LIFE_DAYS = 365;

/** A lot code and, for lot+expiry items, its expiry date (>= 1 year after `now`). */
export function drawLot(rng: Rng, item: ItemPlan, now: Date): { lot: string | null; expiry: string | null } {
  if (item.tracking !== 'lot' && item.tracking !== 'lot_expiry') return { lot: null, expiry: null };
  const lot = `L${String(now.getUTCFullYear()).slice(2)}${pad(rng.int(1, 99_999), 5)}`;
  const expiry = item.tracking === 'lot_expiry' ? isoDatePlusDays(now, MIN_SHELF_LIFE_DAYS + rng.int(0, 730)) : null;
  return { lot, expiry };
}

function orderQty(rng: Rng, item: ItemPlan, store: boolean): number {
  if (item.tracking === 'serial') return rng.int(2, store ? 4 : 12);
  const perCase = caseFactor(item);
  if (perCase !== null) return perCase * rng.int(store ? 1 : 2, store ? 4 : 30);
  return store ? rng.int(2, 24) : rng.int(1, 40) * 10;
}

export function generatePurchaseOrders(
  rng: Rng,
  warehouses: readonly WarehousePlan[],
  suppliers: readonly SupplierPlan[],
  items: readonly ItemPlan[],
  now: Date,
): PurchaseOrderPlan[] {
  const orderable = items.filter((i) => i.active);
  const orders: PurchaseOrderPlan[] = [];
  let number = FIRST_PO_NUMBER;
  for (const wh of warehouses) {
    const store = wh.kind === 'store';
    for (let n = 0; n < (PO_COUNTS[wh.code] ?? 0); n++) {
      const supplier = rng.pick(suppliers);
      const lines: PoLine[] = rng.sample(orderable, store ? rng.int(3, 8) : rng.int(3, 20)).map((item, i) => ({
        lineNo: i + 1,
        itemId: item.id,
        qtyOrdered: orderQty(rng, item, store),
        qtyReceived: 0,
        // Negotiated price: within 10% of the standard cost.
        unitCost: Math.max(1, Math.round(item.standardCost * (0.9 + rng.next() * 0.2))),
      }));
      orders.push({
        id: uuidv7(),
        warehouseId: wh.id,
        number: String(number++),
        supplierId: supplier.id,
        status: 'open',
        // A few are already overdue; most are due within the supplier's lead time.
        expectedAt: isoDatePlusDays(now, rng.int(-3, supplier.leadTimeDays)),
        lines,
      });
    }
  }
  return orders;
}

/** SSCC-18: extension digit, company prefix, serial reference, check digit. */
export function sscc(extension: number, prefix: string, serialRef: number): string {
  return withCheckDigit(`${extension}${prefix}${pad(serialRef, 16 - prefix.length)}`);
}

/**
 * ASNs for `ASN_COUNT` warehouse POs: 1-4 pallets each, every PO line packed
 * on one pallet (big lines split over two), the odd line short-shipped so
 * receiving has a discrepancy to show.
 */
export function generateAsns(
  rng: Rng,
  warehouses: readonly WarehousePlan[],
  orders: readonly PurchaseOrderPlan[],
  items: ReadonlyMap<string, ItemPlan>,
  now: Date,
): AsnPlan[] {
  const dcIds = new Set(warehouses.filter((w) => w.kind === 'warehouse').map((w) => w.id));
  const chosen = rng.sample(
    orders.filter((o) => dcIds.has(o.warehouseId)),
    ASN_COUNT,
  );
  chosen.sort((a, b) => a.number.localeCompare(b.number));
  const prefix = COMPANY_PREFIXES[0];
  let serialRef = rng.int(1_000_000, 9_000_000);
  let number = FIRST_ASN_NUMBER;
  return chosen.map((po) => {
    const ssccs = Array.from({ length: Math.min(rng.int(1, 4), po.lines.length) }, () =>
      sscc(rng.int(0, 9), prefix, serialRef++),
    );
    const lines: AsnLinePlan[] = [];
    po.lines.forEach((line, i) => {
      const item = items.get(line.itemId);
      if (!item) throw new Error(`PO ${po.number} line ${line.lineNo}: unknown item`);
      const { lot, expiry } = drawLot(rng, item, now);
      let qty = line.qtyOrdered;
      if (rng.chance(0.08)) qty = Math.max(1, qty - (caseFactor(item) ?? Math.ceil(qty / 10)));
      const pallet = ssccs[i % ssccs.length] ?? '';
      const next = ssccs[(i + 1) % ssccs.length] ?? pallet;
      if (qty >= 4 && next !== pallet && rng.chance(0.15)) {
        const first = Math.floor(qty / 2);
        lines.push({ sscc: pallet, itemId: item.id, qty: first, lot, expiry });
        lines.push({ sscc: next, itemId: item.id, qty: qty - first, lot, expiry });
      } else {
        lines.push({ sscc: pallet, itemId: item.id, qty, lot, expiry });
      }
    });
    return {
      id: uuidv7(),
      warehouseId: po.warehouseId,
      poId: po.id,
      number: String(number++),
      status: 'in_transit',
      ssccs,
      lines,
    };
  });
}
