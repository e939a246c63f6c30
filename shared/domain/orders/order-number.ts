import { parseInternalBarcode } from '../../barcode/internal';

/**
 * The order number people on the floor and in customer service use: the
 * channel's prefix (`channels.order_prefix`, else the channel code in
 * capitals), a dash, and the channel's own order id: `WEB-100234`,
 * `AMZ-113-4455667`.
 */
export function orderNumber(channel: string, externalId: string, prefix: string | null = null): string {
  return `${prefix ?? channel.toUpperCase()}-${externalId}`;
}

/** How an order number is compared: case and surrounding space do not matter (wedge scanners flip case with Caps Lock). */
export const orderNumberKey = (text: string): string => text.trim().toUpperCase();

/**
 * What a search box or scan means for finding an order: an `ORD-` barcode
 * names the order number exactly; anything else is a piece of the order
 * number (or the customer's name) to look for.
 */
export type OrderQuery = { kind: 'exact'; key: string } | { kind: 'contains'; key: string } | { kind: 'all' };

export function readOrderQuery(text: string): OrderQuery {
  const key = orderNumberKey(text);
  if (key === '') return { kind: 'all' };
  const parsed = parseInternalBarcode(key);
  if (parsed.ok && parsed.type === 'order') return { kind: 'exact', key: parsed.value };
  return { kind: 'contains', key };
}

/** Whether an order matches a query: an exact order number, or a substring of its number or of a name on it. */
export function matchesOrder(query: OrderQuery, order: { orderNumber: string; names: readonly string[] }): boolean {
  if (query.kind === 'all') return true;
  const number = orderNumberKey(order.orderNumber);
  if (query.kind === 'exact') return number === query.key;
  return number.includes(query.key) || order.names.some((n) => orderNumberKey(n).includes(query.key));
}
