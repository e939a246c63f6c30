import { flash } from '../services/feedback';
import { FloorWorkflow } from './floor-service';
import { useFloor } from './floor-store';
import { interpretPutawayScan, moveEvent, suggestPutaway, type PutawayDecision } from './putaway';
import { reject } from './scan';
import { viewBalances } from './stock';

/** Put-away: an item at the dock, the suggested bin (computed here, so it works offline), the bin scanned. */
export class PutawayService extends FloorWorkflow {
  scan(raw: string): Promise<void> {
    return this.enqueue(() => {
      const ctx = this.context();
      if (!ctx) return flash('rejected', 'flash.noHandler', ['flash.noHandlerDetail']);
      const rows = viewBalances(this.replica.view.current, this.replica.mirror.docs, ctx.actor.warehouseId);
      return this.apply(interpretPutawayScan(raw, { ...ctx, rows, draft: useFloor.getState().putaway.draft }));
    });
  }

  /** A smaller quantity (part of what is at the dock): the suggestion is worked out again for it. */
  setQty(qty: number): void {
    const { draft } = useFloor.getState().putaway;
    const actor = this.actor();
    if (!draft || !actor) return;
    const q = Number.isInteger(qty) && qty > 0 ? Math.min(qty, draft.available) : 1;
    const rows = viewBalances(this.replica.view.current, this.replica.mirror.docs, actor.warehouseId);
    const suggestion = suggestPutaway(rows, this.replica.mirror.docs.locations, actor.warehouseId, draft.itemId, q);
    useFloor.getState().setPutaway({ draft: { ...draft, qty: q, suggestion } });
  }

  /** The operator gave the reason for another bin than the suggestion. */
  confirmOverride(reason: string): Promise<void> {
    return this.enqueue(() => {
      const ctx = this.context();
      const { draft, override } = useFloor.getState().putaway;
      if (!ctx || !draft || !override) return;
      if (reason.trim().length < 3) return this.refuse(reject('invalid', { code: '' }));
      useFloor.getState().setPutaway({ override: null });
      return this.apply(moveEvent(ctx, draft, override.toLocationId, reason));
    });
  }

  cancel(): void {
    useFloor.getState().setPutaway({ draft: null, override: null });
  }

  cancelOverride(): void {
    useFloor.getState().setPutaway({ override: null });
  }

  private async apply(decision: PutawayDecision): Promise<void> {
    const store = useFloor.getState();
    switch (decision.kind) {
      case 'reject':
        return this.refuse(decision);
      case 'item': {
        store.setPutaway({ draft: decision.draft, override: null });
        const s = decision.draft.suggestion;
        if (!s) return flash('warning', 'putaway.flash.noSuggestion', ['putaway.flash.noSuggestionDetail'], { name: this.itemName(decision.draft.itemId) });
        return flash('accepted', 'putaway.flash.suggest', ['putaway.flash.suggestDetail'], {
          name: this.itemName(decision.draft.itemId),
          qty: decision.draft.qty,
          code: this.locationCode(s.locationId),
        });
      }
      case 'needs-reason':
        store.setPutaway({ override: { toLocationId: decision.toLocationId } });
        return flash('warning', 'putaway.flash.reason', ['putaway.flash.reasonDetail'], {
          code: this.locationCode(decision.toLocationId),
          expected: this.locationCode(store.putaway.draft?.suggestion?.locationId ?? ''),
        });
      case 'move': {
        const p = decision.event.payload;
        if (!(await this.record(decision.event))) return;
        useFloor.getState().setPutaway({ draft: null, override: null, last: { itemId: p.itemId, qty: p.qty, toLocationId: p.toLocationId } });
        return flash('accepted', 'putaway.flash.moved', [p.overrideReason ? 'putaway.flash.overridden' : 'putaway.flash.movedDetail'], {
          qty: p.qty,
          name: this.itemName(p.itemId),
          code: this.locationCode(p.toLocationId),
        });
      }
    }
  }
}
