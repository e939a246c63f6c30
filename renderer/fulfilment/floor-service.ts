import { uuidv7 } from 'uuidv7';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { Actor } from '../receiving/session';
import { flash } from '../services/feedback';
import type { ReplicaService } from '../services/replica-service';
import { storeEvent } from '../services/store-event';
import { currentActor } from '../stores/session-store';
import type { FloorReject, FloorScanContext } from './scan';

/**
 * What the four floor workflows share: scans handled one at a time in
 * arrival order, the scan context read from memory, and the receiving
 * guarantee: an event is durably in IndexedDB before anything confirms it,
 * then folded into the optimistic view.
 */
export abstract class FloorWorkflow {
  private queue: Promise<void> = Promise.resolve();

  constructor(protected readonly replica: ReplicaService) {}

  /** Runs `fn` after everything queued before it (scans and button presses alike). */
  protected enqueue(fn: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(fn).catch((err: unknown) => console.error('floor action failed', err));
    return this.queue;
  }

  protected actor(): Actor | null {
    return currentActor();
  }

  protected context(): FloorScanContext | null {
    const actor = this.actor();
    if (!actor) return null;
    const docs = this.replica.mirror.docs;
    return { index: this.replica.mirror.index, items: docs.items, locations: docs.locations, actor, now: new Date(), newId: uuidv7 };
  }

  protected refuse(r: FloorReject): void {
    flash('rejected', `floorReject.${r.reason}`, [`floorReject.${r.reason}Detail`], r.params);
  }

  /** Stores the event (strict durability), then folds it into the view. False, with a red flash, when it could not be stored. */
  protected async record(event: DeviceEvent): Promise<boolean> {
    const effects = this.replica.view.predict(event);
    if (!(await storeEvent(this.replica, event))) return false;
    this.replica.view.commit(event, effects);
    this.replica.bump();
    return true;
  }

  protected itemName(itemId: string): string {
    return this.replica.mirror.docs.items.get(itemId)?.name ?? '';
  }

  protected locationCode(locationId: string): string {
    return this.replica.mirror.docs.locations.get(locationId)?.code ?? '';
  }
}
