import { balanceKey } from '../../shared/domain/ledger';
import type { BalanceRow, LedgerState } from '../../shared/domain/state';
import type { MirrorDocs } from '../replica/mirror';

/**
 * Every non-zero balance row of a warehouse in the optimistic view: the
 * pulled rows as the view sees them now, plus rows the device's pending
 * events created. The view's balance map only lists rows it has touched,
 * so the pulled documents drive the walk.
 */
export function viewBalances(state: LedgerState, docs: Pick<MirrorDocs, 'balances'>, warehouseId: string): BalanceRow[] {
  const out: BalanceRow[] = [];
  const seen = new Set<string>();
  for (const doc of docs.balances.values()) {
    if (doc.warehouseId !== warehouseId) continue;
    const key = balanceKey(doc);
    seen.add(key);
    const row = state.balances.get(`${warehouseId}|${doc.id}`) ?? doc;
    if (row.qty !== 0) out.push(row);
  }
  // Iterating the view's map lists only the rows it holds itself (created, or copied on read).
  for (const [key, row] of state.balances.entries()) {
    if (seen.has(key) || row.warehouseId !== warehouseId || row.qty === 0) continue;
    out.push(row);
  }
  return out;
}
