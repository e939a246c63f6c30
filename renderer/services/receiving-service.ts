import { uuidv7 } from 'uuidv7';
import { plateUnits } from '../../shared/domain/licence-plates';
import type { ItemDoc } from '../../shared/schemas/docs';
import { EVENT_SCHEMA_VERSION, type DeviceEvent, type EventOf } from '../../shared/schemas/events';
import type { Stored } from '../db/rx-schemas';
import { receivingProgress } from '../receiving/line-progress';
import { lineFeedback } from '../receiving/scan-feedback';
import {
  completeLine,
  interpretReceivingScan,
  interpretTrackingScan,
  type ReceivingScanContext,
  type ScanDecision,
  type TrackingEntry,
} from '../receiving/scan-to-event';
import type { Actor, ReceivingSession } from '../receiving/session';
import { useReceiving } from '../stores/receiving-store';
import { currentActor } from '../stores/session-store';
import { t } from '../i18n';
import { flash, flashSpec } from './feedback';
import { storeEvent } from './store-event';
import type { ReplicaService } from './replica-service';

/**
 * Receiving at the dock: turns scans into events, stores each one durably
 * BEFORE the flash confirms it (guarantee 1), and folds it into the
 * optimistic view. Scans are handled one at a time, in arrival order.
 */
export class ReceivingService {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly replica: ReplicaService) {}

  /** Entry point for the wedge, the camera and the tests: queued so scans never interleave. */
  scan(raw: string): Promise<void> {
    this.queue = this.queue.then(() => this.handle(raw)).catch((err: unknown) => console.error('scan failed', err));
    return this.queue;
  }

  openPo(poId: string): void {
    const state = this.replica.view.current;
    const po = state.pos.get(poId);
    const doc = this.replica.mirror.docs.purchase_orders.get(poId);
    if (!po || !doc) return;
    const open = [...state.receipts.values()].filter((r) => r.status === 'open' && r.poId === poId && r.asnId === null);
    this.start({ receiptId: latest(open) ?? uuidv7(), poId, asnId: null, locationId: null }, 'receiving.po', { number: doc.number });
  }

  openAsn(asnId: string): void {
    const state = this.replica.view.current;
    const asn = this.replica.mirror.docs.asns.get(asnId);
    if (!asn) return;
    const open = [...state.receipts.values()].filter((r) => r.status === 'open' && r.asnId === asnId);
    this.start({ receiptId: latest(open) ?? uuidv7(), poId: asn.poId, asnId, locationId: null }, 'receiving.asn', { number: asn.number });
  }

  leave(): void {
    useReceiving.getState().setSession(null);
  }

  /** Completes the item waiting for lot/expiry/serial with what was typed. */
  completeTracking(entry: TrackingEntry): Promise<void> {
    this.queue = this.queue.then(async () => {
      const prompt = useReceiving.getState().prompt;
      const ctx = this.context();
      if (!prompt || !ctx) return;
      await this.apply(completeLine(prompt.draft, entry, ctx), ctx);
    });
    return this.queue;
  }

  /** The pallet is loaded: the plate waits for put-away, and item scans are loose again until another plate is scanned. */
  closePlate(): Promise<void> {
    this.queue = this.queue.then(async () => {
      const actor = this.actor();
      const session = useReceiving.getState().session;
      if (!actor || !session?.lpn) return;
      const event: EventOf<'lpn.closed'> = {
        id: uuidv7(),
        type: 'lpn.closed',
        schemaVersion: EVENT_SCHEMA_VERSION,
        ...actor,
        occurredAt: new Date().toISOString(),
        payload: { lpn: session.lpn, receiptId: session.receiptId },
      };
      const effects = this.replica.view.predict(event);
      if (!(await this.store(event))) return;
      this.replica.view.commit(event, effects);
      this.replica.bump();
      const current = useReceiving.getState().session;
      if (current) useReceiving.getState().setSession({ ...current, lpn: null });
      const units = plateUnits(this.replica.view.current.plates.get(session.lpn) ?? { contents: [] });
      flash('accepted', 'flash.lpnClosed', ['flash.lpnClosedDetail'], { code: session.lpn, units });
    });
    return this.queue;
  }

  /** Opens the close dialog with the discrepancies the server will record. */
  previewClose(): void {
    const event = this.closeEvent();
    if (!event) return;
    const effects = this.replica.view.predict(event);
    useReceiving.getState().setClosing({ discrepancies: effects.receipts[0]?.discrepancies ?? [] });
  }

  async confirmClose(): Promise<void> {
    const event = this.closeEvent();
    if (!event) return;
    const effects = this.replica.view.predict(event);
    if (!(await this.store(event))) return;
    this.replica.view.commit(event, effects);
    this.replica.bump();
    const discrepancies = effects.receipts[0]?.discrepancies ?? [];
    useReceiving.getState().closed(event.payload.receiptId, discrepancies);
    flash(discrepancies.length > 0 ? 'warning' : 'accepted', 'close.closed', [discrepancies.length > 0 ? 'close.closedDetail' : 'close.closedClean'], {
      count: discrepancies.length,
    });
  }

  private start(session: ReceivingSession, key: string, params: Record<string, string>): void {
    useReceiving.getState().setSession(session);
    flash('accepted', 'flash.sessionOpened', ['flash.sessionOpenedDetail'], { what: t(key, params) });
  }

  private actor(): Actor | null {
    return currentActor();
  }

  private context(): ReceivingScanContext | null {
    const actor = this.actor();
    if (!actor) return null;
    const r = useReceiving.getState();
    const view = this.replica.view.current;
    return {
      index: this.replica.mirror.index,
      items: this.replica.mirror.docs.items,
      session: r.session,
      actor,
      qty: r.qty,
      condition: r.condition,
      now: new Date(),
      newId: uuidv7,
      plates: view.plates,
      dockId: view.docks.get(actor.warehouseId) ?? null,
    };
  }

  private async handle(raw: string): Promise<void> {
    const ctx = this.context();
    if (!ctx) return flash('rejected', 'flash.noHandler', ['flash.noHandlerDetail']);
    const prompt = useReceiving.getState().prompt;
    const decision = (prompt && interpretTrackingScan(raw, prompt.draft, ctx)) ?? interpretReceivingScan(raw, ctx);
    await this.apply(decision, ctx);
  }

  private async apply(decision: ScanDecision, ctx: ReceivingScanContext): Promise<void> {
    const store = useReceiving.getState();
    switch (decision.kind) {
      case 'open-po':
        return this.openPo(decision.poId);
      case 'open-asn':
        return this.openAsn(decision.asnId);
      case 'set-location': {
        if (ctx.session) store.setSession({ ...ctx.session, locationId: decision.locationId });
        const code = this.replica.mirror.docs.locations.get(decision.locationId)?.code ?? '';
        return flash('accepted', 'flash.locationSet', [], { code });
      }
      case 'set-lpn': {
        if (ctx.session) store.setSession({ ...ctx.session, lpn: decision.lpn });
        const units = plateUnits(this.replica.view.current.plates.get(decision.lpn) ?? { contents: [] });
        return flash('accepted', 'flash.lpnSet', [units > 0 ? 'flash.lpnSetResumed' : 'flash.lpnSetDetail'], { code: decision.lpn, units });
      }
      case 'reject':
        return flash('rejected', `reject.${decision.reason}`, [`reject.${decision.reason}Detail`], { code: decision.detail });
      case 'needs-tracking':
        store.setPrompt({ draft: decision.draft, missing: decision.missing });
        return flash('warning', 'flash.needsTracking', [], { name: decision.draft.item.name, what: decision.missing.join(', ') });
      case 'line':
        return this.recordLine(decision.event, decision.item, ctx);
    }
  }

  private async recordLine(event: EventOf<'receipt.line_scanned'>, item: Stored<ItemDoc>, ctx: ReceivingScanContext): Promise<void> {
    const effects = this.replica.view.predict(event);
    if (!(await this.store(event))) return;
    this.replica.view.commit(event, effects);
    const store = useReceiving.getState();
    store.setPrompt(null);
    store.setQty(1);
    const session = ctx.session;
    const after = session ? receivingProgress(this.replica.view.current, session).find((l) => l.itemId === item.id) : undefined;
    flashSpec(lineFeedback(effects, after, { name: item.name, qty: event.payload.qty, uom: event.payload.uom }));
    this.replica.bump();
  }

  /** False (with a red flash) when the event could not be stored: nothing is confirmed then. */
  private store(event: DeviceEvent): Promise<boolean> {
    return storeEvent(this.replica, event);
  }

  private closeEvent(): EventOf<'receipt.closed'> | null {
    const actor = this.actor();
    const session = useReceiving.getState().session;
    if (!actor || !session) return null;
    return {
      id: uuidv7(),
      type: 'receipt.closed',
      schemaVersion: EVENT_SCHEMA_VERSION,
      ...actor,
      occurredAt: new Date().toISOString(),
      payload: { receiptId: session.receiptId, poId: session.poId, asnId: session.asnId, note: null },
    };
  }
}

function latest(receipts: { id: string; openedAt: string }[]): string | undefined {
  return receipts.sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1))[0]?.id;
}
