import type { AsnDoc, ItemDoc, LocationDoc, PurchaseOrderDoc } from '../../shared/schemas/docs';
import type { Stored } from '../db/rx-schemas';

export interface GtinHit {
  itemId: string;
  /** The unit this GTIN identifies: the base unit or a pack (CS, PL...). */
  uom: string;
}

const norm = (code: string): string => code.trim().toUpperCase();

/**
 * Every barcode the dock can scan, resolved in memory: a scan must be
 * decided within one frame, so no IndexedDB query happens per scan. Kept
 * current document by document from the replica's change streams.
 */
export class ScanIndex {
  private readonly gtins = new Map<string, GtinHit>();
  private readonly locations = new Map<string, string>();
  private readonly pos = new Map<string, string>();
  private readonly asns = new Map<string, string>();
  private readonly ssccs = new Map<string, string>();

  gtin(gtin14: string): GtinHit | undefined {
    return this.gtins.get(gtin14);
  }
  location(barcode: string): string | undefined {
    return this.locations.get(norm(barcode));
  }
  /** By barcode (`PO-1001`) or bare number (`1001`). */
  po(code: string): string | undefined {
    return this.pos.get(norm(code));
  }
  asn(code: string): string | undefined {
    return this.asns.get(norm(code));
  }
  sscc(sscc: string): string | undefined {
    return this.ssccs.get(sscc);
  }

  onItem(prev: Stored<ItemDoc> | undefined, next: Stored<ItemDoc> | undefined): void {
    if (prev) for (const g of itemGtins(prev)) if (this.gtins.get(g.gtin)?.itemId === prev.id) this.gtins.delete(g.gtin);
    if (next) for (const g of itemGtins(next)) this.gtins.set(g.gtin, { itemId: next.id, uom: g.uom });
  }

  onLocation(prev: Stored<LocationDoc> | undefined, next: Stored<LocationDoc> | undefined): void {
    if (prev) this.locations.delete(norm(prev.barcode));
    if (next) this.locations.set(norm(next.barcode), next.id);
  }

  onPurchaseOrder(prev: Stored<PurchaseOrderDoc> | undefined, next: Stored<PurchaseOrderDoc> | undefined): void {
    if (prev) for (const k of [prev.barcode, prev.number]) this.pos.delete(norm(k));
    if (next) for (const k of [next.barcode, next.number]) this.pos.set(norm(k), next.id);
  }

  onAsn(prev: Stored<AsnDoc> | undefined, next: Stored<AsnDoc> | undefined): void {
    if (prev) {
      for (const k of [prev.barcode, prev.number]) this.asns.delete(norm(k));
      for (const s of prev.ssccs) this.ssccs.delete(s);
    }
    if (next) {
      for (const k of [next.barcode, next.number]) this.asns.set(norm(k), next.id);
      for (const s of next.ssccs) this.ssccs.set(s, next.id);
    }
  }
}

function itemGtins(item: Stored<ItemDoc>): { gtin: string; uom: string }[] {
  const out: { gtin: string; uom: string }[] = [];
  if (item.gtin) out.push({ gtin: item.gtin, uom: item.baseUom });
  for (const u of item.uoms) if (u.gtin && u.gtin !== item.gtin) out.push({ gtin: u.gtin, uom: u.code });
  return out;
}
