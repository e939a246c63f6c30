import type { StockStatus } from '../schemas/common';
import type { BalanceRow, LedgerState, Valuation } from './state';
import { valuationKey } from './state';

/** One signed line of the stock ledger. Balances are nothing but their sum. */
export interface Movement {
  warehouseId: string;
  locationId: string;
  itemId: string;
  lot: string | null;
  expiry: string | null;
  status: StockStatus;
  /** Signed, in base units. */
  qty: number;
  /** Signed value in minor units at moving-average (or receipt) cost. */
  value: number;
  /** What caused it: the event id, or a command like `opening_balance`. */
  cause: string;
  /**
   * The licence plate the units went onto (positive) or came off (negative),
   * when they are on one. Balances ignore it: a plate is a container
   * reference inside a location, and its contents are the sum of its movements.
   */
  lpn?: string;
}

export type BalanceKeyParts = Pick<BalanceRow, 'locationId' | 'itemId' | 'lot' | 'status'>;

/** Balance id within a warehouse; also the replicated document's primary key. */
export function balanceId(b: BalanceKeyParts): string {
  return `${b.locationId}|${b.itemId}|${b.lot ?? ''}|${b.status}`;
}

export function balanceKey(b: BalanceKeyParts & { warehouseId: string }): string {
  return `${b.warehouseId}|${balanceId(b)}`;
}

/**
 * Value of `qty` units issued at moving-average cost. Rounds half away from
 * zero and issues the exact remainder when the last unit leaves, so a
 * valuation can never be left holding value with no quantity.
 */
export function issueValue(valuation: Valuation, qty: number): number {
  if (qty >= valuation.qty) return valuation.value;
  if (valuation.qty <= 0) return 0;
  return Math.round((valuation.value * qty) / valuation.qty);
}

export function averageUnitCost(valuation: Valuation): number {
  return valuation.qty > 0 ? Math.round(valuation.value / valuation.qty) : 0;
}

/** Folds one movement into balances and valuations (mutates the working state). */
export function applyMovement(state: Pick<LedgerState, 'balances' | 'valuations'>, m: Movement): void {
  const key = balanceKey(m);
  const row = state.balances.get(key);
  if (row) {
    row.qty += m.qty;
    if (m.expiry !== null) row.expiry = m.expiry;
  } else {
    state.balances.set(key, {
      warehouseId: m.warehouseId,
      locationId: m.locationId,
      itemId: m.itemId,
      lot: m.lot,
      expiry: m.expiry,
      status: m.status,
      qty: m.qty,
    });
  }
  const vKey = valuationKey(m.warehouseId, m.itemId);
  const v = state.valuations.get(vKey);
  if (v) {
    v.qty += m.qty;
    v.value += m.value;
  } else {
    state.valuations.set(vKey, { qty: m.qty, value: m.value });
  }
}

/** Balances recomputed from scratch: the invariant check for "balances = sum of movements". */
export function balancesFromMovements(movements: readonly Movement[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const m of movements) {
    const key = balanceKey(m);
    sums.set(key, (sums.get(key) ?? 0) + m.qty);
  }
  return sums;
}
