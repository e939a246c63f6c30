import type { CartonState, LedgerState } from '../../shared/domain/state';
import type { WaveDoc } from '../../shared/schemas/docs';
import { ShipConfirmedEvent, type EventOf } from '../../shared/schemas/events';
import type { Stored } from '../db/rx-schemas';
import { packExpectation } from './packing';
import { eventBase, issuesText, reject, type FloorReject, type FloorScanContext } from './scan';

export interface OrderToShip {
  orderId: string;
  cartons: CartonState[];
  /** The wave's carrier, when the order's shipping method named one. */
  carrier: string | null;
  /** Units picked but not in any carton yet (shipping now leaves them behind). */
  unpacked: number;
}

/** Orders with closed, unshipped cartons this device knows of, oldest first. */
export function ordersToShip(state: Pick<LedgerState, 'tasks' | 'cartons'>, waves: ReadonlyMap<string, Stored<WaveDoc>>, warehouseId: string): OrderToShip[] {
  const byOrder = new Map<string, CartonState[]>();
  for (const c of state.cartons.values()) {
    if (c.warehouseId !== warehouseId || c.status !== 'closed') continue;
    byOrder.set(c.orderId, [...(byOrder.get(c.orderId) ?? []), c]);
  }
  const carrierOf = new Map<string, string>();
  for (const w of waves.values()) for (const id of w.orderIds) if (w.carrier && w.carrier !== 'UNASSIGNED') carrierOf.set(id, w.carrier);
  return [...byOrder]
    .map(([orderId, cartons]) => ({
      orderId,
      cartons: cartons.sort((a, b) => (a.id < b.id ? -1 : 1)),
      carrier: carrierOf.get(orderId) ?? null,
      unpacked: packExpectation(state, orderId).reduce((n, l) => n + l.remaining, 0),
    }))
    .sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
}

export function shipEvent(
  ctx: Pick<FloorScanContext, 'actor' | 'now' | 'newId'>,
  s: { orderId: string; cartonIds: string[]; carrier: string; trackingNumber: string },
): EventOf<'ship.confirmed'> | FloorReject {
  const parsed = ShipConfirmedEvent.safeParse({
    ...eventBase(ctx),
    type: 'ship.confirmed',
    payload: { orderId: s.orderId, cartonIds: s.cartonIds, carrier: s.carrier.trim(), trackingNumber: s.trackingNumber.trim() },
  });
  if (!parsed.success) return reject('invalid', { code: issuesText(parsed.error.issues) });
  return parsed.data;
}
