import type { z } from 'zod';
import {
  AsnDoc,
  BalanceDoc,
  CartonDoc,
  EventOutcomeDoc,
  ExceptionDoc,
  ItemDoc,
  LicencePlateDoc,
  LocationDoc,
  OrderStatusDoc,
  PickTaskDoc,
  PurchaseOrderDoc,
  ReceiptDoc,
  WarehouseDoc,
  WaveDoc,
  type PullCollection,
} from '../../shared/schemas/docs';

/**
 * The shared zod schema of every pulled collection: a new collection in
 * PULL_COLLECTIONS fails the typecheck here until the device knows its shape.
 */
export const DOC_SCHEMAS = {
  warehouses: WarehouseDoc,
  items: ItemDoc,
  locations: LocationDoc,
  purchase_orders: PurchaseOrderDoc,
  asns: AsnDoc,
  receipts: ReceiptDoc,
  balances: BalanceDoc,
  event_outcomes: EventOutcomeDoc,
  exceptions: ExceptionDoc,
  waves: WaveDoc,
  pick_tasks: PickTaskDoc,
  cartons: CartonDoc,
  order_status: OrderStatusDoc,
  licence_plates: LicencePlateDoc,
} satisfies Record<PullCollection, z.ZodObject>;

export type PulledDocs = { [K in PullCollection]: z.infer<(typeof DOC_SCHEMAS)[K]> };
