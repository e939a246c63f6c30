import { flash } from '../services/feedback';
import { FloorWorkflow } from './floor-service';
import { useFloor } from './floor-store';
import { plateUnits } from '../../shared/domain/licence-plates';
import { interpretPutawayScan, moveEvent, plateMoveEvent, suggestPutaway, type PutawayDecision } from './putaway';
import { reject } from './scan';
import { viewBalances } from './stock';

/** Put-away: an item or a whole licence plate at the dock, the suggested bin (computed here, so it works offline), the bin scanned. */
export class PutawayService extends FloorWorkflow {
  scan(raw: string): Promise<void> {
    return this.enqueue(() => {
      const ctx = this.context();
      if (!ctx) return flash('rejected', 'flash.noHandler', ['flash.noHandlerDetail']);
      const view = this.replica.view.current;
      const rows = viewBalances(view, this.replica.mirror.docs, ctx.actor.warehouseId);
      const { draft, plate } = useFloor.getState().putaway;
      return this.apply(interpretPutawayScan(raw, { ...ctx, rows, draft, plates: view.plates, plate }));
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
      const { draft, plate, override } = useFloor.getState().putaway;
      if (!ctx || (!draft && !plate) || !override) return;
      if (reason.trim().length < 3) return this.refuse(reject('invalid', { code: '' }));
      useFloor.getState().setPutaway({ override: null });
      if (plate) return this.apply(plateMoveEvent(ctx, plate, override.toLocationId, reason));
      if (draft) return this.apply(moveEvent(ctx, draft, override.toLocationId, reason));
    });
  }

  cancel(): void {
    useFloor.getState().setPutaway({ draft: null, plate: null, override: null });
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
        store.setPutaway({ draft: decision.draft, plate: null, override: null });
        const s = decision.draft.suggestion;
        if (!s) return flash('warning', 'putaway.flash.noSuggestion', ['putaway.flash.noSuggestionDetail'], { name: this.itemName(decision.draft.itemId) });
        return flash('accepted', 'putaway.flash.suggest', ['putaway.flash.suggestDetail'], {
          name: this.itemName(decision.draft.itemId),
          qty: decision.draft.qty,
          code: this.locationCode(s.locationId),
        });
      }
      case 'plate': {
        const { plate } = decision;
        store.setPutaway({ plate, draft: null, override: null });
        const units = plateUnits(plate);
        if (!plate.suggestion) return flash('warning', 'putaway.flash.plateNoSuggestion', ['putaway.flash.noSuggestionDetail'], { code: plate.lpn, units });
        return flash('accepted', 'putaway.flash.plate', ['putaway.flash.plateDetail'], { code: plate.lpn, units, bin: this.locationCode(plate.suggestion.locationId) });
      }
      case 'needs-reason':
        store.setPutaway({ override: { toLocationId: decision.toLocationId } });
        return flash('warning', 'putaway.flash.reason', ['putaway.flash.reasonDetail'], {
          code: this.locationCode(decision.toLocationId),
          expected: this.locationCode((store.putaway.plate ?? store.putaway.draft)?.suggestion?.locationId ?? ''),
        });
      case 'plate-move': {
        const p = decision.event.payload;
        const units = plateUnits(store.putaway.plate ?? { contents: [] });
        if (!(await this.record(decision.event))) return;
        useFloor.getState().setPutaway({ plate: null, override: null, lastPlate: { lpn: p.lpn, units, toLocationId: p.toLocationId } });
        return flash('accepted', 'putaway.flash.plateMoved', [p.overrideReason ? 'putaway.flash.overridden' : 'putaway.flash.movedDetail'], {
          lpn: p.lpn,
          units,
          code: this.locationCode(p.toLocationId),
        });
      }
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
