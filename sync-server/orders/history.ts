import type { OrderStatus } from '../../shared/schemas/orders';
import { bulk } from '../db/bulk';
import type { Sql } from '../db/types';

export interface Transition {
  orderId: string;
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
}

/** Moves orders to their new status and appends every transition to the order's history. */
export async function recordTransitions(tx: Sql, transitions: readonly Transition[], at: string, userId: string | null): Promise<void> {
  if (transitions.length === 0) return;
  await bulk(
    tx,
    `INSERT INTO order_history (order_id, at, n, from_status, to_status, reason, user_id)
     SELECT x."orderId", $2::timestamptz,
            coalesce((SELECT max(n) FROM order_history h WHERE h.order_id = x."orderId"), 0) + x.k,
            x."from", x."to", x.reason, $3::uuid
     FROM jsonb_to_recordset($1::jsonb) AS x("orderId" uuid, k int, "from" text, "to" text, reason text)`,
    numbered(transitions),
    [at, userId],
  );
  const last = new Map(transitions.map((t) => [t.orderId, t.to]));
  await bulk(
    tx,
    `UPDATE orders o SET status = x.status, updated_at = now() FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text) WHERE o.id = x.id`,
    [...last].map(([id, status]) => ({ id, status })),
  );
}

/** Several transitions of one order in one call get consecutive history numbers. */
function numbered(transitions: readonly Transition[]) {
  const count = new Map<string, number>();
  return transitions.map((t) => {
    const k = (count.get(t.orderId) ?? 0) + 1;
    count.set(t.orderId, k);
    return { ...t, k };
  });
}
