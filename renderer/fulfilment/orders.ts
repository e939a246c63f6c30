import { matchesOrder, readOrderQuery } from '../../shared/domain/orders/order-number';
import type { CartonDoc, OrderStatusDoc, PickTaskDoc } from '../../shared/schemas/docs';
import type { Stored } from '../db/rx-schemas';

/** The pulled documents that name orders. */
export interface OrderDocs {
  order_status: ReadonlyMap<string, Stored<OrderStatusDoc>>;
  pick_tasks: ReadonlyMap<string, Stored<PickTaskDoc>>;
  cartons: ReadonlyMap<string, Stored<CartonDoc>>;
}

export interface OrderName {
  /** The channel's order number (`WEB-100234`); the end of the id, as `…1A2B3C4D`, for an order no document names. */
  number: string;
  /** Who it ships to; empty when unknown. */
  shipTo: string;
}

/** A short reference for an order known only by its id (the end of its UUID). */
export const orderRef = (orderId: string): string => orderId.replace(/-/g, '').slice(-8).toUpperCase();

/**
 * The order's number and ship-to name as this device knows them: from its
 * order status document (keyed by the order id), else from any pick task or
 * carton of the order; the end of the id as a last resort.
 */
export function orderName(docs: OrderDocs, orderId: string): OrderName {
  const status = docs.order_status.get(orderId);
  if (status) return { number: status.orderNumber, shipTo: status.shipToName };
  const named = findNamed(docs.cartons.values(), orderId) ?? findNamed(docs.pick_tasks.values(), orderId);
  if (named) return { number: named.orderNumber, shipTo: named.shipToName };
  return { number: `…${orderRef(orderId)}`, shipTo: '' };
}

function findNamed<T extends { orderId: string; orderNumber: string; shipToName: string }>(docs: Iterable<T>, orderId: string): T | undefined {
  for (const d of docs) if (d.orderId === orderId && d.orderNumber !== '') return d;
  return undefined;
}

/** Order ids among `candidates` whose number an order scan or typed text names (`ORD-WEB-100234`, or a piece of the number). */
export function findOrders(docs: OrderDocs, candidates: Iterable<string>, text: string): string[] {
  const query = readOrderQuery(text);
  return [...candidates].filter((id) => {
    const n = orderName(docs, id);
    return matchesOrder(query, { orderNumber: n.number, names: [n.shipTo] });
  });
}

/** Orders not yet out of the door first (earliest carrier cut-off first), then shipped ones, latest first. */
function byUrgency(a: Stored<OrderStatusDoc>, b: Stored<OrderStatusDoc>): number {
  const doneA = a.status === 'shipped' || a.status === 'cancelled';
  const doneB = b.status === 'shipped' || b.status === 'cancelled';
  if (doneA !== doneB) return doneA ? 1 : -1;
  if (doneA) return b.updatedAt.localeCompare(a.updatedAt);
  return (a.cutoff ?? '').localeCompare(b.cutoff ?? '') || a.placedAt.localeCompare(b.placedAt) || a.orderNumber.localeCompare(b.orderNumber);
}

/**
 * The warehouse's orders matching a search: an `ORD-` barcode finds its
 * order exactly; typed text finds order numbers, customer and ship-to names
 * containing it (any case).
 */
export function searchOrders(docs: ReadonlyMap<string, Stored<OrderStatusDoc>>, warehouseId: string, text: string): Stored<OrderStatusDoc>[] {
  const query = readOrderQuery(text);
  const out: Stored<OrderStatusDoc>[] = [];
  for (const d of docs.values()) {
    if (d.warehouseId !== warehouseId) continue;
    if (matchesOrder(query, { orderNumber: d.orderNumber, names: [d.customerName, d.shipToName] })) out.push(d);
  }
  return out.sort(byUrgency);
}
