import type { HoldReason, ImportOrder, OrderRules } from '../../schemas/orders';

/** What a channel line (our SKU or the channel's SKU) means in our catalog. */
export interface CatalogMatch {
  itemId: string;
  /** Base units per channel unit (a channel's 6-pack SKU is 6 of our units). */
  factor: number;
  /** Our list price per base unit, minor units. */
  listPrice: number;
}

export interface ResolvedLine {
  lineNo: number;
  sku: string | null;
  channelSku: string | null;
  itemId: string | null;
  /** Quantity in base units (0 when the SKU is unknown). */
  qty: number;
  unitPrice: number;
  discount: number;
  tax: number;
}

export interface B2bAccount {
  creditLimit: number;
  /** Open receivables plus orders not yet invoiced, minor units. */
  openBalance: number;
}

export interface HoldContext {
  rules: OrderRules;
  match(line: { sku?: string | undefined; channelSku?: string | undefined }, channel: string): CatalogMatch | null;
  /** undefined: not a B2B order; null: the named account does not exist. */
  account: B2bAccount | null | undefined;
}

export function lineTotal(l: Pick<ResolvedLine, 'unitPrice' | 'discount' | 'tax'> & { qty: number }): number {
  return l.qty * l.unitPrice - l.discount + l.tax;
}

/** Everything the customer pays: lines (at channel quantities and prices) plus shipping. */
export function orderTotal(order: ImportOrder): number {
  return order.lines.reduce((s, l) => s + lineTotal({ qty: l.qty, unitPrice: l.unitPrice, discount: l.discount ?? 0, tax: l.tax ?? 0 }), order.shipping.price);
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

function addressIncomplete(order: ImportOrder, rules: OrderRules): boolean {
  const a = order.shipTo;
  if ([a.name, a.line1, a.city, a.postalCode, a.country].some(blank)) return true;
  if (!/^[A-Z]{2}$/.test(a.country)) return true;
  return rules.regionRequired.includes(a.country) && blank(a.region);
}

/**
 * The hold reasons an imported order earns, in a stable order, and its lines
 * resolved to our items and base units. Pure: the caller supplies the
 * catalog and the account.
 */
export function evaluateHolds(order: ImportOrder, ctx: HoldContext): { holds: HoldReason[]; lines: ResolvedLine[] } {
  const holds = new Set<HoldReason>();
  const lines = order.lines.map((l, i): ResolvedLine => {
    const m = ctx.match(l, order.channel);
    if (!m) holds.add('unknown_sku');
    else {
      const expected = m.listPrice * m.factor;
      const tolerance = (expected * ctx.rules.priceTolerancePct) / 100;
      if (Math.abs(l.unitPrice - expected) > tolerance) holds.add('price_mismatch');
    }
    return {
      lineNo: i + 1,
      sku: l.sku ?? null,
      channelSku: l.channelSku ?? null,
      itemId: m?.itemId ?? null,
      qty: m ? l.qty * m.factor : 0,
      // Price per base unit, rounded; the channel's own figures stay on the line's totals.
      unitPrice: m ? Math.round(l.unitPrice / m.factor) : l.unitPrice,
      discount: l.discount ?? 0,
      tax: l.tax ?? 0,
    };
  });
  if (addressIncomplete(order, ctx.rules)) holds.add('address_incomplete');
  const total = orderTotal(order);
  // A B2B order on account pays on terms: its credit check stands in for payment authorization.
  const onAccount = ctx.account !== undefined && ctx.account !== null;
  if (!onAccount && (order.payment.status === 'pending' || order.payment.status === 'failed' || order.payment.amount < total)) {
    holds.add('payment_not_authorized');
  }
  if (order.fraudScore !== undefined && order.fraudScore > ctx.rules.fraudThreshold) holds.add('fraud_review');
  if (ctx.account === null || (ctx.account && ctx.account.openBalance + total > ctx.account.creditLimit)) holds.add('credit_limit');

  const ORDER: HoldReason[] = ['address_incomplete', 'payment_not_authorized', 'fraud_review', 'credit_limit', 'unknown_sku', 'price_mismatch'];
  return { holds: ORDER.filter((h) => holds.has(h)), lines };
}
