import type { LedgerState } from '../../shared/domain/state';
import type { ReceivingSession } from './session';

export type LineState = 'open' | 'partial' | 'complete' | 'over' | 'unexpected';

/** Expected against received for one item of the PO or ASN being received, in base units. */
export interface LineProgress {
  itemId: string;
  /** Null when the item was not expected at all. */
  expected: number | null;
  /** Received so far against the PO/ASN, by every device (as far as this one knows). */
  received: number;
  /** Of which in this receipt. */
  thisReceipt: number;
  damaged: number;
  state: LineState;
}

function lineState(expected: number | null, received: number): LineState {
  if (expected === null) return 'unexpected';
  if (received === 0) return 'open';
  if (received < expected) return 'partial';
  return received === expected ? 'complete' : 'over';
}

function add(map: Map<string, number>, key: string, qty: number): void {
  map.set(key, (map.get(key) ?? 0) + qty);
}

/**
 * Live expected-vs-received for a receiving session, from the optimistic
 * view. A PO's progress is its lines' received counts (every receipt
 * against it); an ASN's is what its receipts brought, since the ASN is
 * one delivery. Expected lines first in document order, then surprises.
 */
export function receivingProgress(state: LedgerState, session: ReceivingSession): LineProgress[] {
  const expected = new Map<string, number>();
  const received = new Map<string, number>();
  const thisReceipt = new Map<string, number>();
  const damaged = new Map<string, number>();

  const asn = session.asnId === null ? undefined : state.asns.get(session.asnId);
  const po = session.poId === null ? undefined : state.pos.get(session.poId);
  if (asn) {
    for (const l of asn.lines) add(expected, l.itemId, l.qty);
    for (const r of state.receipts.values()) {
      if (r.asnId === asn.id) for (const l of r.lines) add(received, l.itemId, l.qty);
    }
  } else if (po) {
    for (const l of po.lines) {
      add(expected, l.itemId, l.qtyOrdered);
      add(received, l.itemId, l.qtyReceived);
    }
  }
  const receipt = state.receipts.get(session.receiptId);
  for (const l of receipt?.lines ?? []) {
    add(thisReceipt, l.itemId, l.qty);
    if (l.condition === 'damaged') add(damaged, l.itemId, l.qty);
    // Goods a PO cannot book (not on it) still arrived: count them.
    if (!expected.has(l.itemId) && !asn) add(received, l.itemId, l.qty);
  }

  const order = [...expected.keys(), ...[...thisReceipt.keys()].filter((id) => !expected.has(id))];
  return order.map((itemId) => {
    const exp = expected.get(itemId) ?? null;
    const rec = received.get(itemId) ?? 0;
    return {
      itemId,
      expected: exp,
      received: rec,
      thisReceipt: thisReceipt.get(itemId) ?? 0,
      damaged: damaged.get(itemId) ?? 0,
      state: lineState(exp, rec),
    };
  });
}
