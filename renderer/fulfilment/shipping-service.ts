import { readOrderQuery } from '../../shared/domain/orders/order-number';
import { flash } from '../services/feedback';
import { FloorWorkflow } from './floor-service';
import { useFloor } from './floor-store';
import { findOrders, orderName, type OrderName } from './orders';
import { ordersToShip, shipEvent, type OrderToShip } from './shipping';

/** Shipping: a packed order, its carrier and tracking number, confirmed as one `ship.confirmed`. */
export class ShippingService extends FloorWorkflow {
  orders(): OrderToShip[] {
    const actor = this.actor();
    return actor ? ordersToShip(this.replica.view.current, this.replica.mirror.docs.waves, actor.warehouseId) : [];
  }

  /** The order's number and ship-to name, as the shipping station shows them. */
  name(orderId: string): OrderName {
    return orderName(this.replica.mirror.docs, orderId);
  }

  select(orderId: string | null): void {
    useFloor.getState().setShipping({ orderId });
  }

  /** Shipping takes no scans of its own: a tote or order scan selects its packed order. */
  scan(raw: string): Promise<void> {
    return this.enqueue(() => {
      const text = raw.trim().toUpperCase();
      const orders = this.orders();
      const docs = this.replica.mirror.docs;
      const byNumber = readOrderQuery(text).kind === 'exact' ? findOrders(docs, orders.map((o) => o.orderId), text) : [];
      const hit = (byNumber.length === 1 ? orders.find((o) => o.orderId === byNumber[0]) : undefined)
        ?? orders.find((o) => [...docs.pick_tasks.values()].some((t) => t.orderId === o.orderId && t.tote === text));
      if (!hit) return flash('rejected', 'floorReject.order_unknown', ['floorReject.order_unknownDetail'], { code: raw.trim() });
      this.select(hit.orderId);
      flash('accepted', 'shipping.flash.selected', [], { order: this.name(hit.orderId).number });
    });
  }

  confirm(orderId: string, carrier: string, trackingNumber: string): Promise<boolean> {
    let ok = false;
    return this.enqueue(async () => {
      const ctx = this.context();
      const order = this.orders().find((o) => o.orderId === orderId);
      if (!ctx || !order) return;
      if (carrier.trim() === '' || trackingNumber.trim().length < 4) return flash('rejected', 'shipping.flash.missing', ['shipping.flash.missingDetail']);
      const event = shipEvent(ctx, { orderId, cartonIds: order.cartons.map((c) => c.id), carrier, trackingNumber });
      if ('kind' in event) return this.refuse(event);
      if (!(await this.record(event))) return;
      ok = true;
      useFloor.getState().setShipping({ orderId: null, last: { orderId, cartonIds: event.payload.cartonIds } });
      flash('accepted', 'shipping.flash.shipped', ['shipping.flash.shippedDetail'], { order: this.name(orderId).number, count: event.payload.cartonIds.length, carrier: event.payload.carrier });
    }).then(() => ok);
  }
}
