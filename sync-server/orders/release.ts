import type { OrderStatus } from '../../shared/schemas/orders';
import { appendAudit } from '../audit/chain';
import type { Db } from '../db/types';
import { conflict, notFound } from '../http/errors';
import { allocateOrders } from './allocation';
import { recordTransitions } from './history';
import { loadOrderRules } from './rules';

/**
 * A supervisor or customer service releases a held order with a reason
 * (audited); it is then allocated like any released order. An unknown SKU
 * cannot be released: the line has no item until the SKU is mapped.
 */
export async function releaseHold(db: Db, orderId: string, reason: string, userId: string, at: string): Promise<{ id: string; status: OrderStatus }> {
  const rules = await loadOrderRules(db);
  return db.writeTransaction(async (tx) => {
    const [order] = await tx.query<{ status: OrderStatus; holds: string[] }>(`SELECT status, holds FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    if (!order) throw notFound('No such order.');
    if (order.status !== 'on_hold') throw conflict(`The order is ${order.status}, not on hold.`);
    if (order.holds.includes('unknown_sku')) throw conflict('The order has a line with an unknown SKU: map the SKU or cancel the line before releasing.');
    await tx.query(`UPDATE orders SET holds = '{}' WHERE id = $1`, [orderId]);
    await recordTransitions(tx, [{ orderId, from: 'on_hold', to: 'released', reason }], at, userId);
    const outcome = await allocateOrders(tx, [orderId], rules, at, userId);
    await appendAudit(tx, [
      { at, userId, deviceId: null, warehouseId: null, action: 'order.hold_released', subject: `order:${orderId}`, data: { holds: order.holds, reason } },
    ]);
    return { id: orderId, status: outcome.get(orderId) ?? 'released' };
  });
}
