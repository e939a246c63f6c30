import { flash } from '../services/feedback';
import { FloorWorkflow } from './floor-service';
import { useFloor } from './floor-store';
import { enterLot, interpretPickScan, pickList, shortEvent, startProgress, type PickStop } from './picking';

/** Picking: the path-ordered list, one stop at a time: bin, item, lot, quantity, tote. */
export class PickingService extends FloorWorkflow {
  /** The walk as it stands: open stops in path order, skipped ones moved to the end. */
  stops(): PickStop[] {
    const actor = this.actor();
    if (!actor) return [];
    const list = pickList(this.replica.view.current, this.replica.mirror.docs, actor.warehouseId);
    const skipped = useFloor.getState().picking.skipped;
    if (skipped.length === 0) return list;
    const rank = (s: PickStop) => skipped.indexOf(s.task.id);
    return [...list.filter((s) => rank(s) < 0), ...list.filter((s) => rank(s) >= 0).sort((a, b) => rank(a) - rank(b))];
  }

  current(): PickStop | undefined {
    const stops = this.stops();
    const progress = useFloor.getState().picking.progress;
    return stops.find((s) => s.task.id === progress?.taskId) ?? stops[0];
  }

  scan(raw: string): Promise<void> {
    return this.enqueue(() => this.handle(raw));
  }

  typeLot(lot: string): Promise<void> {
    return this.enqueue(() => {
      const ctx = this.context();
      const stop = this.current();
      if (!ctx || !stop) return;
      const progress = this.progressFor(stop);
      const decision = enterLot(lot, { ...ctx, stop, progress });
      if (decision.kind === 'reject') return this.refuse(decision);
      if (decision.kind === 'advance') {
        useFloor.getState().setPicking({ progress: decision.progress });
        flash('accepted', 'picking.flash.lotOk', ['picking.flash.scanTote'], { lot: decision.progress.lot ?? '', qty: decision.progress.qty });
      }
    });
  }

  setQty(qty: number): void {
    const stop = this.current();
    if (!stop) return;
    const progress = this.progressFor(stop);
    useFloor.getState().setPicking({ progress: { ...progress, qty: Number.isInteger(qty) && qty > 0 ? Math.min(qty, stop.remaining) : 1 } });
  }

  skip(): void {
    const stop = this.current();
    if (!stop) return;
    const { skipped } = useFloor.getState().picking;
    useFloor.getState().setPicking({ skipped: [...skipped.filter((id) => id !== stop.task.id), stop.task.id], progress: null });
    this.replica.bump();
  }

  askShort(): void {
    const stop = this.current();
    if (stop) useFloor.getState().setPicking({ confirmShort: stop.task.id });
  }

  cancelShort(): void {
    useFloor.getState().setPicking({ confirmShort: null });
  }

  /** Records what is left at the current stop as not found: `pick.short`, stored before the flash. */
  confirmShort(note: string): Promise<void> {
    return this.enqueue(async () => {
      const ctx = this.context();
      const stop = this.current();
      useFloor.getState().setPicking({ confirmShort: null });
      if (!ctx || !stop) return;
      const event = shortEvent(ctx, stop, note);
      if ('kind' in event) return this.refuse(event);
      if (!(await this.record(event))) return;
      useFloor.getState().setPicking({ progress: null });
      flash('warning', 'picking.flash.short', ['picking.flash.shortDetail'], {
        qty: event.payload.qtyShort,
        name: this.itemName(stop.task.itemId),
        code: this.locationCode(stop.task.locationId),
      });
    });
  }

  private progressFor(stop: PickStop) {
    const p = useFloor.getState().picking.progress;
    return p && p.taskId === stop.task.id ? p : startProgress(stop);
  }

  private async handle(raw: string): Promise<void> {
    const ctx = this.context();
    if (!ctx) return flash('rejected', 'flash.noHandler', ['flash.noHandlerDetail']);
    const stop = this.current();
    const progress = stop ? this.progressFor(stop) : undefined;
    const decision = interpretPickScan(raw, { ...ctx, stop, progress });
    if (decision.kind === 'reject') return this.refuse(decision);
    if (!stop) return;
    if (decision.kind === 'advance') {
      useFloor.getState().setPicking({ progress: decision.progress });
      const p = decision.progress;
      if (decision.what === 'bin') return flash('accepted', 'picking.flash.binOk', ['picking.flash.scanItem'], { code: this.locationCode(stop.task.locationId), name: this.itemName(stop.task.itemId) });
      if (p.step === 'lot') return flash('warning', 'picking.flash.scanLot', ['picking.flash.scanLotDetail'], { lot: stop.task.lot ?? '' });
      return flash('accepted', 'picking.flash.itemOk', ['picking.flash.scanTote'], { name: this.itemName(stop.task.itemId), qty: p.qty });
    }
    const event = decision.event;
    if (!(await this.record(event))) return;
    const left = stop.remaining - event.payload.qty;
    const next = left > 0 ? stop : this.stops().find((s) => s.task.id !== stop.task.id);
    useFloor.getState().setPicking({ progress: left > 0 ? { ...startProgress({ ...stop, remaining: left }), step: 'item' } : null });
    flash('accepted', 'picking.flash.picked', [left > 0 ? 'picking.flash.left' : next ? 'picking.flash.next' : 'picking.flash.done'], {
      qty: event.payload.qty,
      name: this.itemName(event.payload.itemId),
      tote: event.payload.tote,
      left,
      code: next ? this.locationCode(next.task.locationId) : '',
    });
  }
}
