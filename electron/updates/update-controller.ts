import type { UpdateStatus } from '../../shared/ipc/contract';
import type { SyncState } from '../lifecycle/sync-state';
import type { Logger } from '../logger';
import { errorMessage } from '../logger';

/**
 * Updates through electron-updater's generic provider, from the feed URL in
 * Settings. Checks at start (and every few hours), downloads in the
 * background, then offers a restart.
 *
 * The rule: a restart to install happens only once the renderer has reported
 * zero events waiting to sync. "Unknown" (no report yet) is not zero. A
 * restart asked for while scans are pending waits for them; if the user
 * simply quits, the update installs on quit (the queue is in IndexedDB and
 * survives either way, the rule only keeps a push from being cut short).
 */

/** The slice of electron-updater's `AppUpdater` used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateControllerDeps {
  updater: UpdaterLike;
  isPackaged: boolean;
  feedUrl(): string | null;
  sync: SyncState;
  /** Ask the user; true = restart now. */
  confirmRestart(version: string, pending: number | null): Promise<boolean>;
  /** Let the renderer finish its IndexedDB writes before the updater quits the app. */
  beforeRestart(): Promise<void>;
  publish(status: UpdateStatus): void;
  now(): Date;
  log: Logger;
}

export function createUpdateController(deps: UpdateControllerDeps) {
  const { updater } = deps;
  let status: UpdateStatus = { state: 'idle', lastCheckedAt: null };
  let version: string | null = null;
  let restartRequested = false;
  let restarting = false;
  let wired = false;

  const set = (next: UpdateStatus): UpdateStatus => {
    status = next;
    deps.publish(next);
    return next;
  };

  const disabledReason = (): 'not-packaged' | 'no-feed-url' | null =>
    !deps.isPackaged ? 'not-packaged' : deps.feedUrl() === null ? 'no-feed-url' : null;

  async function restartIfSynced(): Promise<void> {
    if (!restartRequested || restarting || version === null) return;
    const pending = deps.sync.pending();
    if (pending !== 0) {
      set({ state: 'waiting-for-sync', version, pending });
      return;
    }
    restarting = true;
    set({ state: 'restarting', version });
    await deps.beforeRestart();
    deps.log.info(`Restarting to install ${version}.`);
    // Silent (one-click NSIS, no wizard mid-shift) and relaunch afterwards.
    updater.quitAndInstall(true, true);
  }

  function wire(): void {
    if (wired) return;
    wired = true;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.on('checking-for-update', () => {
      if (version === null) set({ state: 'checking' });
    });
    updater.on('update-not-available', () => {
      if (version === null) set({ state: 'idle', lastCheckedAt: deps.now().toISOString() });
    });
    updater.on('update-available', (info) => {
      if (version === null) set({ state: 'downloading', version: info.version, percent: 0 });
    });
    updater.on('download-progress', (progress) => {
      if (status.state === 'downloading') set({ ...status, percent: Math.max(0, Math.min(100, progress.percent)) });
    });
    updater.on('update-downloaded', (info) => {
      version = info.version;
      set({ state: 'downloaded', version: info.version });
      void deps
        .confirmRestart(info.version, deps.sync.pending())
        .then((now) => (now ? requestRestart() : status))
        .catch((error: unknown) => deps.log.error('Update prompt failed', error));
    });
    updater.on('error', (error) => {
      deps.log.warn(`Update failed: ${errorMessage(error)}`);
      // A failed re-check must not hide an update that is already downloaded.
      if (version === null) set({ state: 'error', message: `Could not update: ${errorMessage(error)}` });
    });
    deps.sync.onChange(() => void restartIfSynced());
  }

  async function check(): Promise<UpdateStatus> {
    const reason = disabledReason();
    if (reason !== null) return set({ state: 'disabled', reason });
    if (version !== null || status.state === 'checking' || status.state === 'downloading') return status;
    wire();
    const url = deps.feedUrl();
    if (url !== null) updater.setFeedURL({ provider: 'generic', url });
    set({ state: 'checking' });
    try {
      await updater.checkForUpdates();
    } catch (error) {
      if (version === null) set({ state: 'error', message: `Could not check for updates: ${errorMessage(error)}` });
    }
    return status;
  }

  async function requestRestart(): Promise<UpdateStatus> {
    if (version === null) return status;
    restartRequested = true;
    await restartIfSynced();
    return status;
  }

  return {
    status: (): UpdateStatus => status,
    /** At start and when the feed URL changes. */
    start: (): Promise<UpdateStatus> => check(),
    check,
    requestRestart,
  };
}

export type UpdateController = ReturnType<typeof createUpdateController>;
