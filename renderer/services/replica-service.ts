import { PULL_COLLECTIONS } from '../../shared/schemas/docs';
import { DeviceEvent } from '../../shared/schemas/events';
import { DeviceVault } from '../auth/device-vault';
import { openReplicaDb, type ReplicaDb } from '../db/database';
import { OptimisticView, pendingCount } from '../replica/ledger-view';
import { ReplicaMirror, type MirrorName } from '../replica/mirror';
import { useReplica } from '../stores/replica-store';
import { useSync } from '../stores/sync-store';

const SERVER_STATE = new Set<MirrorName>(PULL_COLLECTIONS);

/**
 * Owns the local replica: the RxDB database, its in-memory mirror and scan
 * index, and the optimistic view over it. Server changes reach the view
 * only when every pull is idle, so a receipt pulled a moment before the
 * outcome of the scan that changed it is never counted twice.
 */
export class ReplicaService {
  readonly mirror = new ReplicaMirror();
  readonly view = new OptimisticView(this.mirror.docs);
  readonly vault: DeviceVault;
  private serverDirty = false;
  private settled = true;
  private bumpScheduled = false;
  private warmScheduled = false;

  private constructor(readonly db: ReplicaDb) {
    this.vault = new DeviceVault(db);
  }

  static async open(name?: string): Promise<ReplicaService> {
    const service = new ReplicaService(await openReplicaDb(name));
    service.mirror.onChange((changed) => service.onMirrorChange(changed));
    await service.mirror.load(service.db);
    service.mirror.flush();
    useReplica.getState().setLoaded();
    return service;
  }

  /**
   * Stores a device event durably (strict IndexedDB durability: resolves only
   * once on disk). Only after this resolves may the UI confirm the scan.
   */
  async append(event: DeviceEvent): Promise<void> {
    await this.db.collections.events.insert(DeviceEvent.parse(event));
  }

  /** Sync reports every pull idle. */
  setSettled(settled: boolean): void {
    this.settled = settled;
    if (settled && this.serverDirty) this.refreshView();
  }

  /**
   * The optimistic view changed: screens re-derive what they show. Deferred
   * past the next frame, so a scan's flash is painted before the screen's
   * own re-render (which may be a long table) runs.
   */
  bump(): void {
    if (this.bumpScheduled) return;
    this.bumpScheduled = true;
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      this.bumpScheduled = false;
      useReplica.getState().bump();
    };
    // After the next paint; the timeout covers a page that is not painting (hidden).
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
    setTimeout(run, 100);
  }

  private onMirrorChange(changed: ReadonlySet<MirrorName>): void {
    if (changed.has('events') || changed.has('event_outcomes')) {
      useSync.getState().setPending(pendingCount(this.mirror.docs));
    }
    if ([...changed].some((n) => SERVER_STATE.has(n))) {
      this.serverDirty = true;
      if (this.settled) this.refreshView();
    }
  }

  private refreshView(): void {
    this.serverDirty = false;
    this.view.invalidate();
    this.bump();
  }
}
