import { PULL_COLLECTIONS } from '../../shared/schemas/docs';
import { DeviceEvent } from '../../shared/schemas/events';
import { DeviceVault } from '../auth/device-vault';
import { dropLegacyStores, eventWriter, openReplicaDb, pageStorage, type ReplicaDb } from '../db/database';
import { openScanJournal } from '../db/scan-journal';
import { EventForwarder } from '../replica/event-forwarder';
import { prunableEvents } from '../replica/event-pruning';
import { PULLED_SCHEMA_HASHES } from '../db/rx-schemas';
import { PageStore } from '../replica/page-store';
import { OptimisticView, pendingCount } from '../replica/ledger-view';
import { ReplicaMirror, type MirrorName } from '../replica/mirror';
import { useReplica } from '../stores/replica-store';
import { useSync } from '../stores/sync-store';

const SERVER_STATE = new Set<MirrorName>(PULL_COLLECTIONS);
const PRUNE_BATCH = 500;
const HOUSEKEEPING_MS = 4 * 60 * 60 * 1000;

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

  private constructor(
    readonly db: ReplicaDb,
    /** Pulled collections as stored pages (the puller writes them). */
    readonly pages: PageStore,
    private readonly forwarder: EventForwarder,
  ) {
    this.vault = new DeviceVault(db);
  }

  static async open(name = 'dockscan'): Promise<ReplicaService> {
    const db = await openReplicaDb(name);
    const forwarder = new EventForwarder(await openScanJournal(name), eventWriter(db), (err) => console.warn('moving journaled scans failed; retrying', err));
    // Scans confirmed just before the app last stopped: into RxDB before anything reads it.
    await forwarder.recover();
    const service = new ReplicaService(db, await PageStore.open(pageStorage(db), PULLED_SCHEMA_HASHES), forwarder);
    void dropLegacyStores(name, PULL_COLLECTIONS).catch(() => undefined);
    service.mirror.onChange((changed) => service.onMirrorChange(changed));
    await service.mirror.load(service.db, service.pages);
    service.mirror.flush();
    useReplica.getState().setLoaded();
    return service;
  }

  /**
   * Stores a device event durably (strict IndexedDB durability: resolves only
   * once on disk). Only after this resolves may the UI confirm the scan.
   */
  async append(event: DeviceEvent): Promise<void> {
    await this.forwarder.append(DeviceEvent.parse(event));
  }

  /** Every confirmed scan is in RxDB (and on its way to the server): before quitting or updating. */
  async settle(): Promise<void> {
    await this.forwarder.settle();
    await this.db.requestIdlePromise();
  }

  /**
   * Housekeeping: the device's own events the server answered more than a
   * week ago leave the device (the server keeps them). Removed below RxDB's
   * document layer; the push replication never sends a removal.
   */
  async pruneEvents(now = new Date()): Promise<number> {
    const ids = prunableEvents(this.mirror.docs.events, this.mirror.docs.event_outcomes, now);
    const storage = this.db.collections.events.storageInstance;
    for (let i = 0; i < ids.length; i += PRUNE_BATCH) {
      const stored = await storage.findDocumentsById(ids.slice(i, i + PRUNE_BATCH), false);
      const rows = stored.map((previous) => ({ previous, document: { ...previous, _deleted: true } }));
      const res = await storage.bulkWrite(rows, 'dockscan-prune');
      if (res.error.some((e) => e.status !== 409)) throw new Error('Pruning answered events failed');
    }
    return ids.length;
  }

  /** Prunes now and then (every few hours, first a minute after start). */
  startHousekeeping(): () => void {
    const run = () => void this.pruneEvents().catch((err: unknown) => console.warn('pruning events failed', err));
    const first = setTimeout(run, 60_000);
    const every = setInterval(run, HOUSEKEEPING_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }

  /** Pulls are stored for this device; what another enrolment pulled is forgotten. */
  async bindDevice(deviceId: string): Promise<void> {
    if (await this.pages.bindTo(deviceId)) this.mirror.clearPulled();
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
