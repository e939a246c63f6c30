/**
 * Put-away suggestion (DESIGN 8): a bin that already holds the item (top it
 * up), else an empty bin in the zone where the item lives, else any bin with
 * room; always one that can take the quantity. Pure: the server runs it on
 * its tables, a device on its replica while offline.
 */
export interface BinInfo {
  id: string;
  zone: string;
  pathSeq: number;
  capacity: number | null;
}

export interface BinStock {
  locationId: string;
  itemId: string;
  qty: number;
}

export interface Suggestion {
  locationId: string;
  rule: 'same_item' | 'same_zone' | 'any_bin';
}

export function suggestBin(itemId: string, qty: number, bins: readonly BinInfo[], stock: readonly BinStock[], excluding: ReadonlySet<string> = new Set()): Suggestion | null {
  const used = new Map<string, number>();
  const holdsItem = new Set<string>();
  for (const s of stock) {
    used.set(s.locationId, (used.get(s.locationId) ?? 0) + Math.max(0, s.qty));
    if (s.itemId === itemId && s.qty > 0) holdsItem.add(s.locationId);
  }
  const fits = (b: BinInfo) => !excluding.has(b.id) && (b.capacity === null || (used.get(b.id) ?? 0) + qty <= b.capacity);
  const byPath = [...bins].sort((a, b) => a.pathSeq - b.pathSeq);

  const same = byPath.find((b) => holdsItem.has(b.id) && fits(b));
  if (same) return { locationId: same.id, rule: 'same_item' };
  const zones = new Set(byPath.filter((b) => holdsItem.has(b.id)).map((b) => b.zone));
  const inZone = byPath.find((b) => zones.has(b.zone) && (used.get(b.id) ?? 0) === 0 && fits(b));
  if (inZone) return { locationId: inZone.id, rule: 'same_zone' };
  const empty = byPath.find((b) => (used.get(b.id) ?? 0) === 0 && fits(b)) ?? byPath.find(fits);
  return empty ? { locationId: empty.id, rule: 'any_bin' } : null;
}
