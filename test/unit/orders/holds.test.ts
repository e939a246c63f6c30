import { describe, expect, it } from 'vitest';
import { evaluateHolds, orderTotal, type HoldContext } from '../../../shared/domain/orders/holds';
import { carrierCutoff, DEFAULT_ORDER_RULES, ImportOrder } from '../../../shared/schemas/orders';

const catalog: Record<string, { itemId: string; factor: number; listPrice: number }> = {
  'SKU-1': { itemId: 'item-1', factor: 1, listPrice: 1000 },
  'AMZ-1-6PK': { itemId: 'item-1', factor: 6, listPrice: 1000 },
};
const ctx = (over: Partial<HoldContext> = {}): HoldContext => ({
  rules: DEFAULT_ORDER_RULES,
  match: (l) => catalog[l.sku ?? l.channelSku ?? ''] ?? null,
  account: undefined,
  ...over,
});

function order(over: Partial<ImportOrder> = {}): ImportOrder {
  return ImportOrder.parse({
    channel: 'shopify',
    externalId: 'A-1',
    placedAt: '2026-11-20T09:00:00Z',
    customer: { email: 'ana@example.com', name: 'Ana' },
    shipTo: { name: 'Ana', line1: '1 Main St', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines: [{ sku: 'SKU-1', qty: 2, unitPrice: 1000 }],
    shipping: { method: 'ground', price: 500 },
    payment: { status: 'authorized', amount: 2500 },
    ...over,
  });
}

describe('evaluateHolds', () => {
  it.each([
    { name: 'a clean order', o: order(), c: ctx(), holds: [] },
    { name: 'no street', o: order({ shipTo: { name: 'Ana', line1: ' ', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' } }), c: ctx(), holds: ['address_incomplete'] },
    { name: 'US without state', o: order({ shipTo: { name: 'Ana', line1: '1 Main', city: 'Austin', postalCode: '78701', country: 'US' } }), c: ctx(), holds: ['address_incomplete'] },
    { name: 'DE needs no region', o: order({ shipTo: { name: 'Ana', line1: '1 Hauptstr', city: 'Berlin', postalCode: '10115', country: 'DE' } }), c: ctx(), holds: [] },
    { name: 'payment pending', o: order({ payment: { status: 'pending', amount: 2500 } }), c: ctx(), holds: ['payment_not_authorized'] },
    { name: 'authorized for less than the total', o: order({ payment: { status: 'authorized', amount: 2499 } }), c: ctx(), holds: ['payment_not_authorized'] },
    { name: 'fraud score over threshold', o: order({ fraudScore: 71 }), c: ctx(), holds: ['fraud_review'] },
    { name: 'fraud score at threshold passes', o: order({ fraudScore: 70 }), c: ctx(), holds: [] },
    { name: 'B2B over its credit limit', o: order({ payment: { status: 'pending', amount: 0 } }), c: ctx({ account: { creditLimit: 10_000, openBalance: 8_000 } }), holds: ['credit_limit'] },
    { name: 'B2B within limit pays on terms', o: order({ payment: { status: 'pending', amount: 0 } }), c: ctx({ account: { creditLimit: 10_000, openBalance: 1_000 } }), holds: [] },
    { name: 'unknown B2B account', o: order(), c: ctx({ account: null }), holds: ['credit_limit'] },
    { name: 'unknown SKU', o: order({ lines: [{ sku: 'NOPE', qty: 1, unitPrice: 1000 }], payment: { status: 'authorized', amount: 1500 } }), c: ctx(), holds: ['unknown_sku'] },
    { name: 'price 6% off list', o: order({ lines: [{ sku: 'SKU-1', qty: 2, unitPrice: 940 }], payment: { status: 'authorized', amount: 2380 } }), c: ctx(), holds: ['price_mismatch'] },
    { name: 'price 5% off list is tolerated', o: order({ lines: [{ sku: 'SKU-1', qty: 2, unitPrice: 950 }], payment: { status: 'authorized', amount: 2400 } }), c: ctx(), holds: [] },
  ])('$name -> $holds', ({ o, c, holds }) => {
    expect(evaluateHolds(o, c).holds).toEqual(holds);
  });

  it('converts channel units to base units and prices per base unit', () => {
    const o = order({ lines: [{ channelSku: 'AMZ-1-6PK', qty: 3, unitPrice: 6000 }], payment: { status: 'captured', amount: 18_500 } });
    const { holds, lines } = evaluateHolds(o, ctx());
    expect(holds).toEqual([]);
    expect(lines[0]).toMatchObject({ itemId: 'item-1', qty: 18, unitPrice: 1000 });
    expect(orderTotal(o)).toBe(18_500);
  });

  it('uses the threshold from the rules data', () => {
    expect(evaluateHolds(order({ fraudScore: 50 }), ctx({ rules: { ...DEFAULT_ORDER_RULES, fraudThreshold: 40 } })).holds).toEqual(['fraud_review']);
  });
});

describe('carrierCutoff', () => {
  it.each([
    { method: 'ground', from: '2026-11-20T09:00:00.000Z', cutoff: '2026-11-20T16:00:00.000Z' },
    { method: 'ground', from: '2026-11-20T16:30:00.000Z', cutoff: '2026-11-21T16:00:00.000Z' },
    { method: 'teleport', from: '2026-11-20T09:00:00.000Z', cutoff: '2026-11-20T23:59:00.000Z' },
  ])('$method from $from', ({ method, from, cutoff }) => {
    expect(carrierCutoff(DEFAULT_ORDER_RULES, method, from).cutoff).toBe(cutoff);
  });
});
