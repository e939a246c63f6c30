import { z } from 'zod';
import { Condition, IsoDate, IsoDateTime, PositiveQty, Uuid } from './common';
import {
  LpnClosedPayload,
  LpnCode,
  PackCartonClosedPayload,
  PickPickedPayload,
  PickShortPayload,
  PutawayLpnMovedPayload,
  PutawayMovedPayload,
  ShipConfirmedPayload,
} from './warehouse-events';

/**
 * The event schema this build writes. Bumped when events gain something an
 * older server cannot read (2: licence plates: `lpn` on receipt lines,
 * `lpn.closed`, `putaway.lpn_moved`), so such a server answers
 * `unsupported_schema` instead of a confusing 400. The minimum is raised
 * only when a payload changes incompatibly; older clients then get HTTP 426.
 * Version 1 events are valid version 2 events (the new field is optional).
 */
export const EVENT_SCHEMA_VERSION = 2;
export const MIN_SUPPORTED_EVENT_SCHEMA_VERSION = 1;

const Lot = z.string().trim().min(1).max(20);
const Serial = z.string().trim().min(1).max(20);

export const ReceiptLineScannedPayload = z
  .object({
    /** Receiving session, generated on the device (one per PO/ASN at a dock). */
    receiptId: Uuid,
    poId: Uuid.nullable(),
    asnId: Uuid.nullable(),
    itemId: Uuid,
    /** What was physically scanned, kept for the audit trail. */
    barcode: z.string().max(200),
    qty: PositiveQty.max(1_000_000),
    /** Unit of measure scanned or entered (EA, CS, PL...); converted to base units by the server. */
    uom: z.string().trim().min(1).max(10),
    lot: Lot.nullable(),
    expiry: IsoDate.nullable(),
    serials: z.array(Serial).max(10_000),
    condition: Condition,
    /** The dock the goods were put down at; the warehouse's default dock when null. */
    locationId: Uuid.nullable(),
    /**
     * The licence plate (pallet) the goods were put on. Absent, not null, on
     * a receipt without plates, so events written before plates existed hash
     * the same when a device retries them.
     */
    lpn: LpnCode.optional(),
  })
  .strict()
  // Serial-tracked goods are scanned unit by unit: one serial per unit.
  .refine((p) => p.serials.length === 0 || p.serials.length === p.qty, {
    message: 'serials, when given, must number exactly the quantity scanned',
    path: ['serials'],
  })
  .refine((p) => new Set(p.serials).size === p.serials.length, {
    message: 'the same serial number appears twice in one scan',
    path: ['serials'],
  });
export type ReceiptLineScannedPayload = z.infer<typeof ReceiptLineScannedPayload>;

export const ReceiptClosedPayload = z
  .object({
    receiptId: Uuid,
    poId: Uuid.nullable(),
    asnId: Uuid.nullable(),
    note: z.string().max(500).nullable(),
  })
  .strict();
export type ReceiptClosedPayload = z.infer<typeof ReceiptClosedPayload>;

const envelope = {
  id: Uuid,
  schemaVersion: z.number().int().positive(),
  warehouseId: Uuid,
  deviceId: Uuid,
  userId: Uuid,
  occurredAt: IsoDateTime,
};

export const ReceiptLineScannedEvent = z
  .object({ ...envelope, type: z.literal('receipt.line_scanned'), payload: ReceiptLineScannedPayload })
  .strict();
export const ReceiptClosedEvent = z
  .object({ ...envelope, type: z.literal('receipt.closed'), payload: ReceiptClosedPayload })
  .strict();

export const PutawayMovedEvent = z.object({ ...envelope, type: z.literal('putaway.moved'), payload: PutawayMovedPayload }).strict();
export const PickPickedEvent = z.object({ ...envelope, type: z.literal('pick.picked'), payload: PickPickedPayload }).strict();
export const PickShortEvent = z.object({ ...envelope, type: z.literal('pick.short'), payload: PickShortPayload }).strict();
export const PackCartonClosedEvent = z.object({ ...envelope, type: z.literal('pack.carton_closed'), payload: PackCartonClosedPayload }).strict();
export const ShipConfirmedEvent = z.object({ ...envelope, type: z.literal('ship.confirmed'), payload: ShipConfirmedPayload }).strict();
export const LpnClosedEvent = z.object({ ...envelope, type: z.literal('lpn.closed'), payload: LpnClosedPayload }).strict();
export const PutawayLpnMovedEvent = z.object({ ...envelope, type: z.literal('putaway.lpn_moved'), payload: PutawayLpnMovedPayload }).strict();

const EVENT_SCHEMAS = [
  ReceiptLineScannedEvent,
  ReceiptClosedEvent,
  PutawayMovedEvent,
  PickPickedEvent,
  PickShortEvent,
  PackCartonClosedEvent,
  ShipConfirmedEvent,
  LpnClosedEvent,
  PutawayLpnMovedEvent,
] as const;

/** Every event a device can write. New workflows add members here. */
export const DeviceEvent = z.discriminatedUnion('type', [...EVENT_SCHEMAS]);
export type DeviceEvent = z.infer<typeof DeviceEvent>;
export type EventType = DeviceEvent['type'];
export type EventOf<T extends EventType> = Extract<DeviceEvent, { type: T }>;

/** The document RxDB stores and pushes: the event plus its tombstone flag. */
const withTombstone = { _deleted: z.boolean().optional() };
export const EventDoc = z.discriminatedUnion('type', [
  ReceiptLineScannedEvent.extend(withTombstone),
  ReceiptClosedEvent.extend(withTombstone),
  PutawayMovedEvent.extend(withTombstone),
  PickPickedEvent.extend(withTombstone),
  PickShortEvent.extend(withTombstone),
  PackCartonClosedEvent.extend(withTombstone),
  ShipConfirmedEvent.extend(withTombstone),
  LpnClosedEvent.extend(withTombstone),
  PutawayLpnMovedEvent.extend(withTombstone),
]);
export type EventDoc = z.infer<typeof EventDoc>;

export const PushRow = z
  .object({ assumedMasterState: EventDoc.nullable().optional(), newDocumentState: EventDoc })
  .strict();
export const PushBody = z.array(PushRow).max(1000);
export type PushRow = z.infer<typeof PushRow>;

export const EventOutcomeStatus = z.enum(['applied', 'exception']);
export type EventOutcomeStatus = z.infer<typeof EventOutcomeStatus>;

export const PushResult = z.object({
  /** RxDB protocol: the server's copy of every document it refused (same id, different body). */
  conflicts: z.array(EventDoc),
  results: z.array(
    z.object({
      id: Uuid,
      status: z.enum(['applied', 'exception', 'duplicate', 'refused']),
      reason: z.string().nullable(),
    }),
  ),
});
export type PushResult = z.infer<typeof PushResult>;

export { Lot, Serial, IsoDateTime };
