import { uuidv7 } from 'uuidv7';
import { flash } from '../services/feedback';
import { FloorWorkflow } from './floor-service';
import { useFloor } from './floor-store';
import { cartonEvent, interpretPackScan, ordersToPack, packExpectation, parseWeight, removeFromCarton, verifyCarton, type OrderToPack, type PackLine } from './packing';
import { orderName, type OrderName } from './orders';
import { reject } from './scan';

/** Packing: open the order by its tote, scan every item into the carton, close it with its weight. */
export class PackingService extends FloorWorkflow {
  orders(): OrderToPack[] {
    const actor = this.actor();
    return actor ? ordersToPack(this.replica.view.current, actor.warehouseId) : [];
  }

  /** The order's number and ship-to name, as the pack station shows them. */
  name(orderId: string): OrderName {
    return orderName(this.replica.mirror.docs, orderId);
  }

  expected(orderId: string): PackLine[] {
    return packExpectation(this.replica.view.current, orderId);
  }

  scan(raw: string): Promise<void> {
    return this.enqueue(() => {
      const ctx = this.context();
      if (!ctx) return flash('rejected', 'flash.noHandler', ['flash.noHandlerDetail']);
      const p = useFloor.getState().packing;
      const decision = interpretPackScan(raw, { ...ctx, state: this.replica.view.current, orders: this.replica.mirror.docs, orderId: p.orderId, carton: p.carton });
      switch (decision.kind) {
        case 'reject':
          return this.refuse(decision);
        case 'open':
          return this.open(decision.orderId, decision.tote);
        case 'choose':
          useFloor.getState().setPacking({ choose: decision.orderIds, tote: decision.tote });
          return flash('warning', 'packing.flash.choose', ['packing.flash.chooseDetail'], { code: decision.tote, count: decision.orderIds.length });
        case 'add': {
          useFloor.getState().setPacking({ carton: decision.carton, cartonId: p.cartonId ?? uuidv7() });
          const params = { name: this.itemName(decision.itemId), qty: decision.qty };
          if (!decision.expected) return flash('rejected', 'packing.flash.extra', ['packing.flash.extraDetail'], params);
          const { missing } = verifyCarton(this.expected(p.orderId ?? ''), decision.carton);
          const left = missing.reduce((n, l) => n + l.qty, 0);
          return flash('accepted', 'packing.flash.added', [left > 0 ? 'packing.flash.left' : 'packing.flash.complete'], { ...params, left });
        }
      }
    });
  }

  open(orderId: string, tote: string | null): void {
    const p = useFloor.getState().packing;
    const keep = p.orderId === orderId;
    useFloor.getState().setPacking({ orderId, tote: tote ?? (keep ? p.tote : null), choose: null, carton: keep ? p.carton : [], cartonId: keep ? p.cartonId : null });
    flash('accepted', 'packing.flash.opened', ['packing.flash.openedDetail'], { order: this.name(orderId).number });
  }

  removeOne(itemId: string, lot: string | null): void {
    const p = useFloor.getState().packing;
    useFloor.getState().setPacking({ carton: removeFromCarton(p.carton, itemId, lot) });
  }

  leave(): void {
    useFloor.getState().setPacking({ orderId: null, tote: null, carton: [], choose: null, cartonId: null });
  }

  /** Closes the open carton with its weight: refused while anything extra is in it; what is missing goes in a later carton. */
  close(weightText: string, unit: 'g' | 'kg'): Promise<boolean> {
    let ok = false;
    return this.enqueue(async () => {
      const ctx = this.context();
      const p = useFloor.getState().packing;
      if (!ctx || !p.orderId) return;
      if (p.carton.length === 0) return this.refuse(reject('scan_item_first', { expected: '' }));
      const check = verifyCarton(this.expected(p.orderId), p.carton);
      if (check.extra.length > 0) {
        const first = check.extra[0];
        return flash('rejected', 'packing.flash.extraBlocks', ['packing.flash.extraBlocksDetail'], { name: first ? this.itemName(first.itemId) : '', qty: first?.qty ?? 0 });
      }
      const weightGrams = parseWeight(weightText, unit);
      if (weightGrams === null) return flash('rejected', 'packing.flash.weight', ['packing.flash.weightDetail']);
      const event = cartonEvent(ctx, { cartonId: p.cartonId ?? uuidv7(), orderId: p.orderId, lines: p.carton, weightGrams, tote: p.tote });
      if ('kind' in event) return this.refuse(event);
      if (!(await this.record(event))) return;
      ok = true;
      const left = check.missing.reduce((n, l) => n + l.qty, 0);
      useFloor.getState().setPacking({ carton: [], cartonId: null, last: { cartonId: event.payload.cartonId, orderId: p.orderId }, ...(left > 0 ? {} : { orderId: null, tote: null }) });
      flash('accepted', 'packing.flash.closed', [left > 0 ? 'packing.flash.closedMore' : 'packing.flash.closedDone'], { weight: weightGrams, left, order: this.name(p.orderId).number });
    }).then(() => ok);
  }
}
