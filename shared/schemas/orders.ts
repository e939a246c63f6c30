import { z } from 'zod';
import { IsoDateTime, Money, Uuid } from './common';

/**
 * Channel order import (`POST /api/orders/import`). The shape is pinned:
 * channels and integrations outside this repo send exactly this.
 * Strings may be empty here: an incomplete address is a hold, not a rejection.
 */
export const ImportAddress = z.object({
  name: z.string().max(200),
  line1: z.string().max(200),
  line2: z.string().max(200).optional(),
  city: z.string().max(100),
  region: z.string().max(100).optional(),
  postalCode: z.string().max(20),
  country: z.string().max(2),
});

export const ImportLine = z
  .object({
    sku: z.string().min(1).max(64).optional(),
    channelSku: z.string().min(1).max(64).optional(),
    qty: z.number().int().positive().max(100_000),
    unitPrice: Money.nonnegative(),
    discount: Money.nonnegative().optional(),
    tax: Money.nonnegative().optional(),
  })
  .refine((l) => (l.sku === undefined) !== (l.channelSku === undefined), { message: 'each line needs exactly one of sku or channelSku' });

export const PaymentStatus = z.enum(['authorized', 'captured', 'pending', 'failed']);

export const ImportOrder = z.object({
  channel: z.string().min(1).max(40),
  externalId: z.string().min(1).max(100),
  placedAt: z.iso.datetime({ offset: true }),
  customer: z.object({ email: z.email(), name: z.string().min(1).max(200), b2bAccount: z.string().min(1).max(40).optional() }),
  shipTo: ImportAddress,
  lines: z.array(ImportLine).min(1).max(500),
  shipping: z.object({ method: z.string().min(1).max(40), price: Money.nonnegative() }),
  payment: z.object({ status: PaymentStatus, amount: Money.nonnegative() }),
  fraudScore: z.number().min(0).max(100).optional(),
});
export type ImportOrder = z.infer<typeof ImportOrder>;

/** The batch envelope is strict; each order inside is validated on its own so one bad order rejects only itself. */
export const ImportBody = z.object({ orders: z.array(z.unknown()).min(1).max(20_000) }).strict();

export const HoldReason = z.enum(['address_incomplete', 'payment_not_authorized', 'fraud_review', 'credit_limit', 'unknown_sku', 'price_mismatch']);
export type HoldReason = z.infer<typeof HoldReason>;

export const ImportStatus = z.enum(['released', 'on_hold', 'backordered', 'rejected', 'duplicate']);
export const ImportResult = z.object({
  externalId: z.string(),
  orderId: Uuid.optional(),
  /** The order number the floor and customer service use (`WEB-100234`). */
  orderNumber: z.string().optional(),
  status: ImportStatus,
  holds: z.array(HoldReason).optional(),
  errors: z.array(z.string()).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const OrderStatus = z.enum([
  'imported',
  'validated',
  'on_hold',
  'released',
  'allocated',
  'backordered',
  'picking',
  'packed',
  'shipped',
  'invoiced',
  'settled',
  'cancelled',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Validation and allocation rules are data: changed through the settings API, not code edits. */
export const OrderRules = z.object({
  /** Fraud score strictly above this holds the order for review. */
  fraudThreshold: z.number().min(0).max(100),
  /** Allowed difference between the channel's unit price and our list price, in percent. */
  priceTolerancePct: z.number().min(0).max(100),
  /** Countries whose addresses need a region (state/province). */
  regionRequired: z.array(z.string().length(2)),
  /** `ship_complete`: never split an order across warehouses; `split`: split when no one warehouse has it all. */
  splitPolicy: z.enum(['ship_complete', 'split']),
  /** Warehouse codes in order of preference when several can ship. */
  warehousePriority: z.array(z.string()),
  /** Shipping method -> carrier and its daily cut-off (HH:MM, UTC); waves group by it. */
  shippingMethods: z.record(z.string(), z.object({ carrier: z.string().min(1), cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) })),
});
export type OrderRules = z.infer<typeof OrderRules>;

export const DEFAULT_ORDER_RULES: OrderRules = {
  fraudThreshold: 70,
  priceTolerancePct: 5,
  regionRequired: ['US', 'CA', 'AU', 'MX', 'BR'],
  splitPolicy: 'split',
  warehousePriority: [],
  shippingMethods: {
    overnight: { carrier: 'FEDEX', cutoff: '14:00' },
    express: { carrier: 'UPS', cutoff: '15:00' },
    ground: { carrier: 'UPS', cutoff: '16:00' },
    standard: { carrier: 'USPS', cutoff: '17:00' },
  },
};

/** The first carrier cut-off at or after `from` for a shipping method (unknown methods: end of day, unassigned carrier). */
export function carrierCutoff(rules: OrderRules, method: string, from: string): { carrier: string; cutoff: string } {
  const m = rules.shippingMethods[method] ?? { carrier: 'UNASSIGNED', cutoff: '23:59' };
  const day = from.slice(0, 10);
  let at = `${day}T${m.cutoff}:00.000Z`;
  if (at < from) {
    const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
    at = `${next}T${m.cutoff}:00.000Z`;
  }
  return { carrier: m.carrier, cutoff: at };
}

export const ReleaseHoldBody = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

export { IsoDateTime };

/**
 * Moving a reservation to another location of its warehouse (the units
 * promised are elsewhere): the whole reservation, or `qty` of an unwaved one.
 */
export const TransferReservationBody = z
  .object({
    toLocationId: Uuid,
    qty: z.number().int().positive().optional(),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();
export type TransferReservationBody = z.infer<typeof TransferReservationBody>;
