import type { Discrepancy, ReceiptLine } from '../schemas/docs';

export interface ExpectedLine {
  itemId: string;
  qty: number;
}

/**
 * Compares what a receipt brought in with what was expected of it (the PO's
 * outstanding lines or the ASN's contents). Quantities are in base units.
 * Damaged units count as received (they are on the dock) and are reported
 * separately so the supervisor can claim them from the supplier.
 */
export function receiptDiscrepancies(expected: readonly ExpectedLine[], lines: readonly ReceiptLine[]): Discrepancy[] {
  const expectedByItem = new Map<string, number>();
  for (const e of expected) expectedByItem.set(e.itemId, (expectedByItem.get(e.itemId) ?? 0) + e.qty);
  const receivedByItem = new Map<string, number>();
  const damagedByItem = new Map<string, number>();
  for (const l of lines) {
    receivedByItem.set(l.itemId, (receivedByItem.get(l.itemId) ?? 0) + l.qty);
    if (l.condition === 'damaged') damagedByItem.set(l.itemId, (damagedByItem.get(l.itemId) ?? 0) + l.qty);
  }

  const out: Discrepancy[] = [];
  const itemIds = [...new Set([...expectedByItem.keys(), ...receivedByItem.keys()])].sort();
  for (const itemId of itemIds) {
    const exp = expectedByItem.get(itemId);
    const received = receivedByItem.get(itemId) ?? 0;
    if (exp === undefined) {
      out.push({ kind: 'unexpected', itemId, expected: 0, received, qty: received });
    } else if (received > exp) {
      out.push({ kind: 'over', itemId, expected: exp, received, qty: received - exp });
    } else if (received < exp) {
      out.push({ kind: 'short', itemId, expected: exp, received, qty: exp - received });
    }
    const damaged = damagedByItem.get(itemId) ?? 0;
    if (damaged > 0) out.push({ kind: 'damaged', itemId, expected: exp ?? 0, received, qty: damaged });
  }
  return out;
}
