import type { OrderStatusDoc } from '../../shared/schemas/docs';
import type { Stored } from '../db/rx-schemas';
import { t } from '../i18n';
import { flash } from '../services/feedback';
import { useOrderSearch } from '../stores/orders-store';
import { FloorWorkflow } from './floor-service';
import { searchOrders } from './orders';

/** The Orders screen: where each of the warehouse's orders stands, found by scanning its `ORD-` barcode or typing its number. */
export class OrdersService extends FloorWorkflow {
  search(text: string): Stored<OrderStatusDoc>[] {
    const actor = this.actor();
    return actor ? searchOrders(this.replica.mirror.docs.order_status, actor.warehouseId, text) : [];
  }

  /** A scan searches: one order found is confirmed with its state, none is refused. */
  scan(raw: string): Promise<void> {
    return this.enqueue(() => {
      const text = raw.trim();
      useOrderSearch.getState().setQuery(text);
      const found = this.search(text);
      const [first] = found;
      if (!first) return flash('rejected', 'orders.flash.none', ['orders.flash.noneDetail'], { code: text });
      if (found.length > 1) return flash('warning', 'orders.flash.several', ['orders.flash.severalDetail'], { code: text, count: found.length });
      flash('accepted', 'orders.flash.found', ['orders.flash.foundDetail'], {
        order: first.orderNumber,
        status: t(`orderStatus.${first.status}`),
        picked: first.linesPicked,
        packed: first.linesPacked,
        shipped: first.linesShipped,
        lines: first.lines,
      });
    });
  }
}
