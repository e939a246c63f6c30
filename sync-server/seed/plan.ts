import type { z } from 'zod';
import type { AsnLine, LocationKind, PoLine, UnitOfMeasure } from '../../shared/schemas/docs';
import type { Tracking } from '../../shared/schemas/common';
import type { Movement } from '../../shared/domain/ledger';
import type { BalanceRow, SerialState, Valuation } from '../../shared/domain/state';

/** Everything the demo tenant consists of, generated in memory before one write. */

export interface WarehousePlan {
  id: string;
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  dockLocationId: string;
}

export interface LocationPlan {
  id: string;
  warehouseId: string;
  code: string;
  barcode: string;
  kind: z.infer<typeof LocationKind>;
  zone: string;
  pathSeq: number;
  capacity: number | null;
}

export interface ItemPlan {
  id: string;
  sku: string;
  name: string;
  gtin: string;
  baseUom: string;
  uoms: UnitOfMeasure[];
  tracking: Tracking;
  standardCost: number;
  active: boolean;
}

export interface SupplierPlan {
  id: string;
  code: string;
  name: string;
  leadTimeDays: number;
}

export interface PurchaseOrderPlan {
  id: string;
  warehouseId: string;
  number: string;
  supplierId: string;
  status: 'open';
  expectedAt: string;
  lines: PoLine[];
}

export type AsnLinePlan = z.infer<typeof AsnLine>;

export interface AsnPlan {
  id: string;
  warehouseId: string;
  poId: string;
  number: string;
  status: 'in_transit';
  ssccs: string[];
  lines: AsnLinePlan[];
}

export interface MovementPlan extends Movement {
  id: string;
}

export interface BalancePlan extends BalanceRow {
  id: string;
}

export interface ValuationPlan extends Valuation {
  warehouseId: string;
  itemId: string;
}

export type SerialPlan = SerialState;

export interface DemoPlan {
  warehouses: WarehousePlan[];
  locations: LocationPlan[];
  items: ItemPlan[];
  suppliers: SupplierPlan[];
  purchaseOrders: PurchaseOrderPlan[];
  asns: AsnPlan[];
  movements: MovementPlan[];
  balances: BalancePlan[];
  valuations: ValuationPlan[];
  serials: SerialPlan[];
}
