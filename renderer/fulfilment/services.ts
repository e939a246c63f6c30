import type { ReplicaService } from '../services/replica-service';
import { useSession } from '../stores/session-store';
import { useFloor } from './floor-store';
import { OrdersService } from './orders-service';
import { PackingService } from './packing-service';
import { PickingService } from './picking-service';
import { PutawayService } from './putaway-service';
import { ShippingService } from './shipping-service';

export type FloorScreen = 'putaway' | 'picking' | 'packing' | 'shipping';
export const FLOOR_SCREENS: readonly FloorScreen[] = ['putaway', 'picking', 'packing', 'shipping'];
export const isFloorScreen = (s: string): s is FloorScreen => (FLOOR_SCREENS as readonly string[]).includes(s);

/** The warehouse floor after receiving: one service per workflow, each taking the scans while its screen is on show. */
export class FulfilmentServices {
  readonly putaway: PutawayService;
  readonly picking: PickingService;
  readonly packing: PackingService;
  readonly shipping: ShippingService;
  /** Not a floor workflow (it writes nothing), but it takes scans on its screen the same way. */
  readonly orders: OrdersService;

  constructor(replica: ReplicaService) {
    this.putaway = new PutawayService(replica);
    this.picking = new PickingService(replica);
    this.packing = new PackingService(replica);
    this.shipping = new ShippingService(replica);
    this.orders = new OrdersService(replica);
    // Work in progress (an open carton, a pick half-scanned) belongs to whoever is logged in.
    useSession.subscribe((s, prev) => {
      if (s.phase !== prev.phase && s.phase === 'logged-out') useFloor.getState().reset();
    });
  }

  scan(screen: FloorScreen, raw: string): Promise<void> {
    return this[screen].scan(raw);
  }
}
