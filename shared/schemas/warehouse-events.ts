import { z } from 'zod';
import { PositiveQty, Uuid } from './common';

/** Payloads of the warehouse floor's events after receiving: put-away, picking, packing, shipping. */

const Lot = z.string().trim().min(1).max(20).nullable();

export const PutawayMovedPayload = z
  .object({
    itemId: Uuid,
    lot: Lot,
    qty: PositiveQty.max(1_000_000),
    fromLocationId: Uuid,
    toLocationId: Uuid,
    /** The bin the rule suggested (null when none fit). */
    suggestedLocationId: Uuid.nullable(),
    /** Required when the operator put it somewhere other than the suggestion. */
    overrideReason: z.string().trim().min(3).max(200).nullable(),
  })
  .strict()
  .refine((p) => p.fromLocationId !== p.toLocationId, { message: 'from and to are the same location', path: ['toLocationId'] })
  .refine((p) => p.suggestedLocationId === null || p.toLocationId === p.suggestedLocationId || p.overrideReason !== null, {
    message: 'a reason is required to override the suggested bin',
    path: ['overrideReason'],
  });
export type PutawayMovedPayload = z.infer<typeof PutawayMovedPayload>;

export const PickPickedPayload = z
  .object({ taskId: Uuid, locationId: Uuid, itemId: Uuid, lot: Lot, qty: PositiveQty.max(100_000), tote: z.string().trim().min(1).max(40) })
  .strict();
export type PickPickedPayload = z.infer<typeof PickPickedPayload>;

export const PickShortPayload = z
  .object({ taskId: Uuid, locationId: Uuid, itemId: Uuid, lot: Lot, qtyShort: PositiveQty.max(100_000), note: z.string().max(200).nullable() })
  .strict();
export type PickShortPayload = z.infer<typeof PickShortPayload>;

export const CartonLine = z.object({ itemId: Uuid, lot: Lot, qty: PositiveQty.max(100_000) }).strict();
export const PackCartonClosedPayload = z
  .object({
    cartonId: Uuid,
    orderId: Uuid,
    lines: z.array(CartonLine).min(1).max(500),
    weightGrams: z.number().int().positive().max(1_000_000),
    tote: z.string().max(40).nullable(),
  })
  .strict();
export type PackCartonClosedPayload = z.infer<typeof PackCartonClosedPayload>;

export const ShipConfirmedPayload = z
  .object({
    orderId: Uuid,
    cartonIds: z.array(Uuid).min(1).max(200),
    carrier: z.string().trim().min(1).max(40),
    trackingNumber: z.string().trim().min(4).max(60),
  })
  .strict();
export type ShipConfirmedPayload = z.infer<typeof ShipConfirmedPayload>;

/**
 * A licence plate (LPN) as scanned: our internal `LPN-<digits>` label
 * (shared/barcode/internal.ts), upper case. Unique per tenant; the code is
 * the plate's identity in events, so two devices that start the same
 * pre-printed plate offline mean the same plate.
 */
export const LpnCode = z.string().regex(/^LPN-\d{1,32}$/, 'a licence plate is LPN- followed by digits');
export type LpnCode = z.infer<typeof LpnCode>;

/** The receiver finished loading a plate at the dock: it waits for put-away. */
export const LpnClosedPayload = z
  .object({
    lpn: LpnCode,
    /** The receipt it was loaded in (null when closed outside a receipt). */
    receiptId: Uuid.nullable(),
  })
  .strict();
export type LpnClosedPayload = z.infer<typeof LpnClosedPayload>;

/**
 * A whole plate moved into a bin with one scan. The server moves whatever
 * its ledger has on the plate (the pallet moved, not a count of it), so the
 * payload names the plate and the destination only.
 */
export const PutawayLpnMovedPayload = z
  .object({
    lpn: LpnCode,
    toLocationId: Uuid,
    suggestedLocationId: Uuid.nullable(),
    overrideReason: z.string().trim().min(3).max(200).nullable(),
  })
  .strict()
  .refine((p) => p.suggestedLocationId === null || p.toLocationId === p.suggestedLocationId || p.overrideReason !== null, {
    message: 'a reason is required to override the suggested bin',
    path: ['overrideReason'],
  });
export type PutawayLpnMovedPayload = z.infer<typeof PutawayLpnMovedPayload>;
