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

/**
 * The same rule for a whole licence plate: the bin is chosen for the
 * plate's dominant item (the one with the most units on it) and must take
 * every unit on the plate, so a mixed pallet goes where its main item lives,
 * else to an empty bin in that item's zone, else the first bin with room.
 */
export function suggestPlateBin(
  contents: readonly { itemId: string; qty: number }[],
  bins: readonly BinInfo[],
  stock: readonly BinStock[],
): Suggestion | null {
  const byItem = new Map<string, number>();
  for (const l of contents) if (l.qty > 0) byItem.set(l.itemId, (byItem.get(l.itemId) ?? 0) + l.qty);
  // Ties go to the smaller id, so a device and the server pick the same item.
  const [dominant] = [...byItem].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!dominant) return null;
  const total = [...byItem.values()].reduce((n, q) => n + q, 0);
  return suggestBin(dominant[0], total, bins, stock);
}
