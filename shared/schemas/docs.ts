import { z } from 'zod';
import { Condition, IsoDate, IsoDateTime, Money, Qty, ReplicationFields, StockStatus, Tracking, Uuid } from './common';
import { OrderStatus } from './orders';

/** Documents the server owns and devices pull (never push). */

export const UnitOfMeasure = z.object({
  code: z.string().min(1).max(10),
  /** How many base units one of this unit holds (base unit has factor 1). */
  factor: z.number().int().positive(),
  gtin: z.string().regex(/^\d{14}$/).nullable(),
});
export type UnitOfMeasure = z.infer<typeof UnitOfMeasure>;

export const ItemDoc = z.object({
  id: Uuid,
  sku: z.string(),
  name: z.string(),
  /** GTIN-14 of the base unit; pack GTINs live on `uoms`. */
  gtin: z.string().regex(/^\d{14}$/).nullable(),
  baseUom: z.string(),
  uoms: z.array(UnitOfMeasure),
  tracking: Tracking,
  standardCost: Money,
  active: z.boolean(),
  ...ReplicationFields,
});
export type ItemDoc = z.infer<typeof ItemDoc>;

export const LocationKind = z.enum(['dock', 'bin', 'staging', 'pack', 'ship', 'returns', 'quarantine']);
export const LocationDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  code: z.string(),
  barcode: z.string(),
  kind: LocationKind,
  zone: z.string(),
  /** Walking order through the warehouse; pick lists sort by it. */
  pathSeq: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative().nullable(),
  ...ReplicationFields,
});
export type LocationDoc = z.infer<typeof LocationDoc>;

export const WarehouseDoc = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(['warehouse', 'store']),
  dockLocationId: Uuid.nullable(),
  ...ReplicationFields,
});
export type WarehouseDoc = z.infer<typeof WarehouseDoc>;

export const PoStatus = z.enum(['draft', 'approved', 'open', 'partially_received', 'received', 'closed', 'cancelled']);
export type PoStatus = z.infer<typeof PoStatus>;
export const PoLine = z.object({
  lineNo: z.number().int().positive(),
  itemId: Uuid,
  qtyOrdered: Qty,
  qtyReceived: Qty,
  unitCost: Money,
});
export type PoLine = z.infer<typeof PoLine>;
export const PurchaseOrderDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  number: z.string(),
  barcode: z.string(),
  supplierId: Uuid,
  supplierName: z.string(),
  status: PoStatus,
  expectedAt: IsoDate.nullable(),
  lines: z.array(PoLine),
  ...ReplicationFields,
});
export type PurchaseOrderDoc = z.infer<typeof PurchaseOrderDoc>;

export const AsnLine = z.object({
  sscc: z.string().regex(/^\d{18}$/),
  itemId: Uuid,
  qty: Qty,
  lot: z.string().nullable(),
  expiry: IsoDate.nullable(),
});
export const AsnDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  poId: Uuid,
  number: z.string(),
  barcode: z.string(),
  status: z.enum(['in_transit', 'arrived', 'received', 'cancelled']),
  ssccs: z.array(z.string()),
  lines: z.array(AsnLine),
  ...ReplicationFields,
});
export type AsnDoc = z.infer<typeof AsnDoc>;

export const ReceiptLine = z.object({
  itemId: Uuid,
  lot: z.string().nullable(),
  expiry: IsoDate.nullable(),
  condition: Condition,
  qty: Qty,
  serials: z.array(z.string()),
});
export type ReceiptLine = z.infer<typeof ReceiptLine>;

export const DiscrepancyKind = z.enum(['over', 'short', 'unexpected', 'damaged']);
export const Discrepancy = z.object({
  kind: DiscrepancyKind,
  itemId: Uuid,
  expected: Qty,
  received: Qty,
  /** Positive size of the discrepancy in base units. */
  qty: Qty,
});
export type Discrepancy = z.infer<typeof Discrepancy>;

export const ReceiptDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  poId: Uuid.nullable(),
  asnId: Uuid.nullable(),
  status: z.enum(['open', 'closed']),
  lines: z.array(ReceiptLine),
  discrepancies: z.array(Discrepancy),
  openedAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  ...ReplicationFields,
});
export type ReceiptDoc = z.infer<typeof ReceiptDoc>;

export const BalanceDoc = z.object({
  /** `${locationId}|${itemId}|${lot}|${status}` within the warehouse. */
  id: z.string(),
  warehouseId: Uuid,
  locationId: Uuid,
  itemId: Uuid,
  lot: z.string().nullable(),
  expiry: IsoDate.nullable(),
  status: StockStatus,
  qty: Qty,
  ...ReplicationFields,
});
export type BalanceDoc = z.infer<typeof BalanceDoc>;

export const EventOutcomeDoc = z.object({
  /** Same id as the event it answers. */
  id: Uuid,
  warehouseId: Uuid,
  deviceId: Uuid,
  type: z.string(),
  status: z.enum(['applied', 'exception']),
  reason: z.string().nullable(),
  appliedAt: IsoDateTime,
  ...ReplicationFields,
});
export type EventOutcomeDoc = z.infer<typeof EventOutcomeDoc>;

export const ExceptionDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  eventId: Uuid.nullable(),
  kind: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'resolved']),
  raisedAt: IsoDateTime,
  resolvedAt: IsoDateTime.nullable(),
  resolvedBy: Uuid.nullable(),
  resolution: z.string().nullable(),
  ...ReplicationFields,
});
export type ExceptionDoc = z.infer<typeof ExceptionDoc>;

export const WaveDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  number: z.string(),
  carrier: z.string(),
  cutoff: IsoDateTime,
  zone: z.string(),
  status: z.enum(['released', 'picking', 'done']),
  orderIds: z.array(Uuid),
  /** The channel order numbers of `orderIds`, in the same order. */
  orderNumbers: z.array(z.string()),
  ...ReplicationFields,
});
export type WaveDoc = z.infer<typeof WaveDoc>;

/** One stop on a picker's path-ordered list: take `qty` of the item (and lot) from the location. */
export const PickTaskDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  waveId: Uuid,
  orderId: Uuid,
  /** The channel's order number (`WEB-100234`), as pickers and packers know the order. */
  orderNumber: z.string(),
  /** Who the order goes to (the ship-to name), for the pack station. */
  shipToName: z.string(),
  lineNo: z.number().int(),
  reservationId: Uuid,
  itemId: Uuid,
  locationId: Uuid,
  lot: z.string().nullable(),
  qty: Qty,
  pathSeq: z.number().int(),
  sequence: z.number().int(),
  status: z.enum(['open', 'picked', 'short']),
  qtyPicked: Qty,
  tote: z.string().nullable(),
  ...ReplicationFields,
});
export type PickTaskDoc = z.infer<typeof PickTaskDoc>;

/** A closed carton (packing) and whether it has shipped; its SSCC is assigned by the server. */
export const CartonDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  orderId: Uuid,
  orderNumber: z.string(),
  shipToName: z.string(),
  sscc: z.string(),
  lines: z.array(z.object({ itemId: Uuid, lot: z.string().nullable(), qty: Qty })),
  weightGrams: z.number().int(),
  status: z.enum(['closed', 'shipped']),
  ...ReplicationFields,
});
export type CartonDoc = z.infer<typeof CartonDoc>;

/**
 * Where an order stands, for the devices of one warehouse it is allocated in
 * (`id` is the order's id: a device pulls one warehouse). Line counts are of
 * the order lines with units reserved in this warehouse.
 */
export const OrderStatusDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  orderNumber: z.string(),
  channel: z.string(),
  customerName: z.string(),
  shipToName: z.string(),
  placedAt: IsoDateTime,
  status: OrderStatus,
  /** Hold reasons (`shared/schemas/orders.ts` HoldReason); kept open so a newer server's reason still reads. */
  holds: z.array(z.string()),
  carrier: z.string().nullable(),
  cutoff: IsoDateTime.nullable(),
  lines: z.number().int().nonnegative(),
  linesPicked: z.number().int().nonnegative(),
  linesPacked: z.number().int().nonnegative(),
  linesShipped: z.number().int().nonnegative(),
  ...ReplicationFields,
});
export type OrderStatusDoc = z.infer<typeof OrderStatusDoc>;

export const LicencePlateStatus = z.enum(['open', 'closed', 'put_away', 'emptied']);
export type LicencePlateStatus = z.infer<typeof LicencePlateStatus>;
/** What is on a plate: derived by the server from the ledger (movements tagged with the plate), never stored apart. */
export const LicencePlateLine = z.object({
  itemId: Uuid,
  lot: z.string().nullable(),
  expiry: IsoDate.nullable(),
  status: StockStatus,
  qty: Qty,
});
export type LicencePlateLine = z.infer<typeof LicencePlateLine>;
/**
 * A licence plate (pallet label, `LPN-<digits>`): a container reference.
 * Its stock is in the ledger at `locationId` like any other; `contents`
 * is the part of that stock on the plate. open: being loaded at the dock;
 * closed: loaded, waiting for put-away; put_away: moved into a bin whole
 * (the plate's job is done; its stock is ordinary bin stock); emptied:
 * everything was taken off it piecemeal.
 */
export const LicencePlateDoc = z.object({
  id: Uuid,
  warehouseId: Uuid,
  code: z.string(),
  locationId: Uuid.nullable(),
  status: LicencePlateStatus,
  /** The receipt it was last loaded in; closing that receipt closes the plate. */
  receiptId: Uuid.nullable(),
  openedAt: IsoDateTime,
  contents: z.array(LicencePlateLine),
  ...ReplicationFields,
});
export type LicencePlateDoc = z.infer<typeof LicencePlateDoc>;

export const PULL_COLLECTIONS = [
  'warehouses',
  'items',
  'locations',
  'purchase_orders',
  'asns',
  'receipts',
  'balances',
  'event_outcomes',
  'exceptions',
  'waves',
  'pick_tasks',
  'cartons',
  'order_status',
  'licence_plates',
] as const;
export const PullCollection = z.enum(PULL_COLLECTIONS);
export type PullCollection = z.infer<typeof PullCollection>;

export const PullCheckpoint = z.object({ seq: z.number().int().nonnegative() });
export type PullCheckpoint = z.infer<typeof PullCheckpoint>;
