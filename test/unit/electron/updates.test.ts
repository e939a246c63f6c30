import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/ipc/contract';
import { createSyncState } from '../../../electron/lifecycle/sync-state';
import { createUpdateController, type UpdaterLike } from '../../../electron/updates/update-controller';
import { RecordingLogger } from './fake-electron';

/** electron-updater's autoUpdater, minus the network: the test fires its events. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: { provider: 'generic'; url: string }[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  checkResult: () => Promise<unknown> = async () => null;
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return this.checkResult();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { packaged?: boolean; feed?: string | null; restartAnswer?: boolean } = {}) {
  const updater = new FakeUpdater();
  const sync = createSyncState();
  const published: UpdateStatus[] = [];
  const order: string[] = [];
  const prompts: { version: string; pending: number | null }[] = [];
  const controller = createUpdateController({
    updater,
    isPackaged: options.packaged ?? true,
    feedUrl: () => (options.feed === undefined ? 'https://updates.example.com/dockscan' : options.feed),
    sync,
    confirmRestart: async (version, pending) => {
      prompts.push({ version, pending });
      return options.restartAnswer ?? true;
    },
    beforeRestart: async () => void order.push('renderer flushed'),
    publish: (status) => void published.push(status),
    now: () => new Date('2025-03-01T10:00:00.000Z'),
    log: new RecordingLogger(),
  });
  const originalInstall = updater.quitAndInstall.bind(updater);
  updater.quitAndInstall = (silent, run) => {
    order.push('quitAndInstall');
    originalInstall(silent, run);
  };
  return { updater, sync, controller, published, order, prompts };
}

describe('updates', () => {
  it('checks the generic feed from settings on start, downloading automatically', async () => {
    const { updater, controller } = setup();
    await controller.start();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/dockscan' }]);
    expect(updater.checks).toBe(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('does nothing without a feed URL or outside a packaged app', async () => {
    const noFeed = setup({ feed: null });
    expect(await noFeed.controller.start()).toEqual({ state: 'disabled', reason: 'no-feed-url' });
    expect(noFeed.updater.checks).toBe(0);
    const dev = setup({ packaged: false });
    expect(await dev.controller.start()).toEqual({ state: 'disabled', reason: 'not-packaged' });
    expect(dev.updater.checks).toBe(0);
  });

  it('reports progress and "up to date"', async () => {
    const { updater, controller, published } = setup();
    await controller.start();
    updater.emit('update-not-available');
    expect(controller.status()).toEqual({ state: 'idle', lastCheckedAt: '2025-03-01T10:00:00.000Z' });
    await controller.check();
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 42.5 });
    expect(published.at(-1)).toEqual({ state: 'downloading', version: '0.2.0', percent: 42.5 });
  });

  it('restarts right away when nothing is waiting to sync, after the renderer flushed', async () => {
    const { updater, sync, controller, order, prompts } = setup();
    await controller.start();
    sync.report(0);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(prompts).toEqual([{ version: '0.2.0', pending: 0 }]);
    expect(order).toEqual(['renderer flushed', 'quitAndInstall']);
    expect(updater.installs).toEqual([[true, true]]);
  });

  it('never installs while events are pending: it waits for the queue to drain', async () => {
    const { updater, sync, controller, published } = setup();
    await controller.start();
    sync.report(3);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(updater.installs).toEqual([]);
    expect(published.at(-1)).toEqual({ state: 'waiting-for-sync', version: '0.2.0', pending: 3 });

    sync.report(1);
    await flush();
    expect(updater.installs).toEqual([]);
    expect(controller.status()).toEqual({ state: 'waiting-for-sync', version: '0.2.0', pending: 1 });

    sync.report(0);
    await flush();
    expect(updater.installs).toEqual([[true, true]]);
    expect(controller.status()).toEqual({ state: 'restarting', version: '0.2.0' });
  });

  it('treats "the renderer never said" as pending, not as zero', async () => {
    const { updater, controller } = setup();
    await controller.start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(updater.installs).toEqual([]);
    expect(controller.status()).toEqual({ state: 'waiting-for-sync', version: '0.2.0', pending: null });
  });

  it('leaves the restart to the user who says "later", and installs on request once synced', async () => {
    const { updater, sync, controller } = setup({ restartAnswer: false });
    await controller.start();
    sync.report(0);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(updater.installs).toEqual([]);
    expect(controller.status()).toEqual({ state: 'downloaded', version: '0.2.0' });
    // Draining the queue alone does not restart: nobody asked.
    sync.report(2);
    sync.report(0);
    await flush();
    expect(updater.installs).toEqual([]);
    await controller.requestRestart();
    expect(updater.installs).toEqual([[true, true]]);
  });

  it('installs once, however often the queue drains afterwards', async () => {
    const { updater, sync, controller } = setup();
    await controller.start();
    sync.report(1);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    sync.report(0);
    await flush();
    sync.report(4);
    sync.report(0);
    await controller.requestRestart();
    await flush();
    expect(updater.installs).toHaveLength(1);
  });

  it('turns failures into a status, without hiding an update already downloaded', async () => {
    const failing = setup();
    failing.updater.checkResult = () => Promise.reject(new Error('getaddrinfo ENOTFOUND updates.example.com'));
    expect(await failing.controller.start()).toEqual({ state: 'error', message: 'Could not check for updates: getaddrinfo ENOTFOUND updates.example.com' });

    const { updater, controller } = setup({ restartAnswer: false });
    await controller.start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.emit('error', new Error('later re-check failed'));
    expect(controller.status()).toEqual({ state: 'downloaded', version: '0.2.0' });
  });
});
