import { z } from 'zod';

/** Every id in the system is a UUIDv7 (time-ordered, generated where the fact happens). */
export const Uuid = z.uuid();
export const IsoDateTime = z.iso.datetime({ offset: false });
export const IsoDate = z.iso.date();
/** Money is always an integer number of minor units (cents); never a float. */
export const Money = z.number().int().safe();
/** Stock quantities are integers in the item's base unit of measure. */
export const Qty = z.number().int().safe();
export const PositiveQty = Qty.positive();

export const Role = z.enum(['associate', 'supervisor', 'finance', 'admin', 'customer_service']);
export type Role = z.infer<typeof Role>;

export const StockStatus = z.enum([
  'available',
  'allocated',
  'quarantine',
  'damaged',
  'returned_pending_inspection',
  'in_transit',
]);
export type StockStatus = z.infer<typeof StockStatus>;

export const Condition = z.enum(['good', 'damaged']);
export type Condition = z.infer<typeof Condition>;

export const Tracking = z.enum(['none', 'lot', 'lot_expiry', 'serial']);
export type Tracking = z.infer<typeof Tracking>;

/** Replicated documents carry RxDB's tombstone flag and the server's order key. */
export const ReplicationFields = {
  _deleted: z.boolean(),
  /** Server-assigned replication sequence; the pull checkpoint orders by it. */
  seq: z.number().int().nonnegative(),
  updatedAt: IsoDateTime,
};
