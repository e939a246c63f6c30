import type { AsnDoc, LicencePlateDoc, PoLine, PoStatus, ReceiptDoc, UnitOfMeasure } from '../schemas/docs';
import type { StockStatus, Tracking } from '../schemas/common';

/**
 * The slice of authoritative state that event reducers read and change.
 * The server loads it per batch from PostgreSQL; a device builds it from its
 * pulled replica. Both then run the very same reducers over it.
 */
export interface ItemFacts {
  id: string;
  tracking: Tracking;
  standardCost: number;
  baseUom: string;
  uoms: UnitOfMeasure[];
  active: boolean;
}

export interface PoFacts {
  id: string;
  warehouseId: string;
  status: PoStatus;
  lines: PoLine[];
}

export type AsnFacts = Pick<AsnDoc, 'id' | 'warehouseId' | 'poId' | 'status' | 'lines'>;

export type ReceiptState = Pick<
  ReceiptDoc,
  'id' | 'warehouseId' | 'poId' | 'asnId' | 'status' | 'lines' | 'discrepancies' | 'openedAt' | 'closedAt'
>;

export interface BalanceRow {
  warehouseId: string;
  locationId: string;
  itemId: string;
  lot: string | null;
  expiry: string | null;
  status: StockStatus;
  qty: number;
}

/** Moving-average valuation of one item in one warehouse. */
export interface Valuation {
  qty: number;
  value: number;
}

export interface SerialState {
  warehouseId: string;
  itemId: string;
  serial: string;
  locationId: string;
  status: 'in_stock' | 'shipped';
}

export interface PickTaskState {
  id: string;
  warehouseId: string;
  orderId: string;
  lineNo: number;
  reservationId: string;
  itemId: string;
  locationId: string;
  lot: string | null;
  qty: number;
  status: 'open' | 'picked' | 'short';
  qtyPicked: number;
  tote: string | null;
}

export interface OrderLineState {
  lineNo: number;
  itemId: string | null;
  qty: number;
  qtyAllocated: number;
  qtyPicked: number;
  qtyShipped: number;
}

export interface OrderState {
  id: string;
  status: string;
  lines: OrderLineState[];
}

export interface CartonState {
  id: string;
  warehouseId: string;
  orderId: string;
  lines: { itemId: string; lot: string | null; qty: number }[];
  weightGrams: number;
  status: 'closed' | 'shipped';
}

/** A plate's own facts (what a reducer decides); its contents only ever change through movements. */
export type PlateHeader = Pick<LicencePlateDoc, 'code' | 'warehouseId' | 'locationId' | 'status' | 'receiptId' | 'openedAt'>;
/** A plate with what is on it: the sum of the ledger movements tagged with it. */
export type PlateState = PlateHeader & Pick<LicencePlateDoc, 'contents'>;

export interface LedgerState {
  items: Map<string, ItemFacts>;
  /** warehouseId -> default dock location id */
  docks: Map<string, string>;
  /** locationId -> warehouseId */
  locations: Map<string, string>;
  pos: Map<string, PoFacts>;
  asns: Map<string, AsnFacts>;
  receipts: Map<string, ReceiptState>;
  balances: Map<string, BalanceRow>;
  /** `${warehouseId}|${itemId}` -> valuation */
  valuations: Map<string, Valuation>;
  /** `${warehouseId}|${itemId}|${serial}` */
  serials: Map<string, SerialState>;
  /** warehouseId -> the staging location picked goods go to */
  staging: Map<string, string>;
  tasks: Map<string, PickTaskState>;
  orders: Map<string, OrderState>;
  cartons: Map<string, CartonState>;
  /** Licence plates by code (codes are unique per tenant). */
  plates: Map<string, PlateState>;
}

export function emptyLedgerState(): LedgerState {
  return {
    items: new Map(),
    docks: new Map(),
    locations: new Map(),
    pos: new Map(),
    asns: new Map(),
    receipts: new Map(),
    balances: new Map(),
    valuations: new Map(),
    serials: new Map(),
    staging: new Map(),
    tasks: new Map(),
    orders: new Map(),
    cartons: new Map(),
    plates: new Map(),
  };
}

export const valuationKey = (warehouseId: string, itemId: string): string => `${warehouseId}|${itemId}`;
export const serialKey = (warehouseId: string, itemId: string, serial: string): string =>
  `${warehouseId}|${itemId}|${serial}`;
