import { PULL_COLLECTIONS } from '../../shared/schemas/docs';
import { startSync, type SyncHandle } from '../sync/replication';
import { useSession, type ActiveSession } from '../stores/session-store';
import { useSync } from '../stores/sync-store';
import type { ReplicaService } from './replica-service';

/** Runs replication while someone is logged in, and reports it to the sync status store. */
export class SyncService {
  private handle: SyncHandle | null = null;
  private deviceId: string | null = null;

  constructor(private readonly replica: ReplicaService) {}

  async start(session: ActiveSession): Promise<void> {
    if (this.handle && this.deviceId === session.device.id) {
      this.handle.refreshToken();
      return;
    }
    await this.stop();
    const deviceId = session.device.id;
    this.deviceId = deviceId;
    const sync = useSync.getState();
    await this.replica.bindDevice(deviceId);
    // Nothing stored yet (or stored by an older app version): the download screen with its progress bar.
    const fresh = !(await this.replica.vault.isBootstrapped(deviceId)) || this.replica.pages.isEmpty();
    if (fresh) sync.setBootstrap({ done: [], total: PULL_COLLECTIONS.length, docs: 0 });

    const handle = startSync(this.replica.db, this.replica.pages, {
      deviceId,
      stored: (name, docs) => this.replica.mirror.applyPulled(name, docs),
      token: () => useSession.getState().session?.token ?? null,
      reached: (ok) => {
        if (ok) useSync.getState().synced(new Date());
        else useSync.getState().setOnline(false);
      },
      problem: (p) => useSync.getState().setProblem(p),
      streamConnected: (connected) => useSync.getState().setOnline(connected && navigator.onLine),
      received: (_name, count) => {
        const b = useSync.getState().bootstrap;
        if (b) useSync.getState().setBootstrap({ ...b, docs: b.docs + count });
      },
      expected: (total) => {
        const b = useSync.getState().bootstrap;
        if (b) useSync.getState().setBootstrap({ ...b, expected: total });
      },
      initialPullDone: (name) => {
        const b = useSync.getState().bootstrap;
        if (b) useSync.getState().setBootstrap({ ...b, done: [...b.done, name] });
      },
      activity: (active) => this.replica.setSettled(!active),
    });
    this.handle = handle;
    void handle.initialPull.then(async () => {
      if (this.handle !== handle) return;
      await this.replica.vault.markBootstrapped(deviceId, new Date());
      useSync.getState().setBootstrap(null);
    });
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    this.deviceId = null;
    useSync.getState().setBootstrap(null);
    await handle?.stop();
  }
}
