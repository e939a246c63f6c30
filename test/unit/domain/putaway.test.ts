import { describe, expect, it } from 'vitest';
import { suggestBin, type BinInfo } from '../../../shared/domain/putaway';

const bins: BinInfo[] = [
  { id: 'A1', zone: 'A', pathSeq: 1, capacity: 10 },
  { id: 'A2', zone: 'A', pathSeq: 2, capacity: 10 },
  { id: 'B1', zone: 'B', pathSeq: 3, capacity: 10 },
  { id: 'B2', zone: 'B', pathSeq: 4, capacity: null },
];

describe('suggestBin', () => {
  it.each([
    { name: 'tops up the bin that already holds the item', stock: [{ locationId: 'B1', itemId: 'x', qty: 4 }], qty: 5, out: { locationId: 'B1', rule: 'same_item' } },
    { name: 'a full same-item bin sends it to an empty bin in that zone', stock: [{ locationId: 'B1', itemId: 'x', qty: 8 }], qty: 5, out: { locationId: 'B2', rule: 'same_zone' } },
    { name: 'a new item goes to the first empty bin on the path', stock: [{ locationId: 'A1', itemId: 'y', qty: 1 }], qty: 5, out: { locationId: 'A2', rule: 'any_bin' } },
    { name: 'never more than capacity', stock: [], qty: 11, out: { locationId: 'B2', rule: 'any_bin' } },
  ])('$name', ({ stock, qty, out }) => {
    expect(suggestBin('x', qty, bins, stock)).toEqual(out);
  });

  it('answers null when nothing can take it', () => {
    expect(suggestBin('x', 11, bins.slice(0, 3), [])).toBeNull();
  });
});
