import { EventEmitter } from 'node:events';
import { RegexParser } from 'serialport';
import { describe, expect, it } from 'vitest';
import { IpcChannel, IpcEvent } from '../../../shared/ipc/contract';
import { APP_ENTRY_URL } from '../../../electron/app-origin';
import { startDesktopApp, type DesktopDeps } from '../../../electron/desktop-app';
import type { SerialPortLike } from '../../../electron/serial/serial-scanners';
import type { UpdaterLike } from '../../../electron/updates/update-controller';
import { APP_PAGE, createFakeElectron, FakeEvent, ManualClock, MemoryFs, RecordingLogger, senderAt } from './fake-electron';

class IdleUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  setFeedURL(): void {}
  async checkForUpdates(): Promise<unknown> {
    return null;
  }
  quitAndInstall(): void {}
}

class WiredPort extends EventEmitter implements SerialPortLike {
  isOpen = true;
  lines: NodeJS.WritableStream | null = null;
  pipe<T extends NodeJS.WritableStream>(destination: T): T {
    this.lines = destination;
    return destination;
  }
  close(): void {
    this.isOpen = false;
  }
}

async function boot(setup: (fs: MemoryFs) => void = () => undefined) {
  const electron = createFakeElectron();
  const fs = new MemoryFs();
  setup(fs);
  const ports: WiredPort[] = [];
  const clock = new ManualClock();
  const deps: DesktopDeps = {
    electron: electron.api,
    fs,
    readAsset: async () => Buffer.from('<!doctype html>'),
    paths: { rendererRoot: '/app/dist/renderer', preloadPath: '/app/dist/electron/preload.cjs' },
    serverUrlOverride: 'http://127.0.0.1:8080',
    host: { hostname: () => 'dock-3', platform: 'linux', arch: 'x64' },
    versions: { electron: '45.4.1', chrome: '140.0.0.0' },
    newId: () => '0190d6c2-7c5e-7000-8000-00000000abcd',
    updater: new IdleUpdater(),
    serial: {
      openPort: () => {
        const port = new WiredPort();
        ports.push(port);
        return port;
      },
      createLineParser: () => new RegexParser({ regex: /\r\n|\r|\n/ }),
      listPorts: async () => [{ path: '/dev/ttyACM0', manufacturer: 'Honeywell' }],
    },
    runCommand: async () => ({ code: 0, stderr: '' }),
    schedule: clock.schedule,
    now: () => new Date('2025-03-01T10:00:00.000Z'),
    log: new RecordingLogger(),
  };
  const started = startDesktopApp(deps);
  if (started === null) throw new Error('did not start');
  const app = await started;
  const win = electron.windows[0];
  if (!win) throw new Error('no window');
  const call = (channel: string, ...args: unknown[]) => electron.ipcMain.invoke(channel, senderAt(APP_PAGE), ...args);
  return { electron, fs, ports, clock, app, win, call };
}

const sentOn = (win: { webContents: { sent: { channel: string; payload: unknown }[] } }, channel: string) =>
  win.webContents.sent.filter((m) => m.channel === channel).map((m) => m.payload);

describe('the desktop app, assembled', () => {
  it('locks down before ready: one instance, global sandbox, a privileged app scheme', async () => {
    const { electron } = await boot();
    expect(electron.app.sandboxed).toBe(true);
    // A wedge scan is keyboard input: its IndexedDB write must not wait for the next frame.
    expect(electron.app.switches).toContainEqual(['disable-features', 'DeferRendererTasksAfterInput']);
    expect(electron.schemes).toEqual([
      { scheme: 'dockscan', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
    ]);
    expect([...electron.protocolHandlers.keys()]).toEqual(['dockscan']);
  });

  it('quits straight away as a second instance', () => {
    const electron = createFakeElectron();
    electron.app.hasLock = false;
    const started = startDesktopApp({ electron: electron.api } as DesktopDeps);
    expect(started).toBeNull();
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.windows).toHaveLength(0);
  });

  it('opens one secure window on the app origin, with our preload', async () => {
    const { electron, win } = await boot();
    expect(electron.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/dist/electron/preload.cjs',
      devTools: true,
    });
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL]);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('locks the window to the app origin and applies the permission policy', async () => {
    const { electron, win } = await boot();
    expect(win.webContents.navigate('https://evil.example.com/')).toBe(false);
    expect(win.webContents.navigate('dockscan://app/packing')).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(electron.session.request('media', { requestingUrl: APP_PAGE, mediaTypes: ['video'] })).toBe(true);
    expect(electron.session.request('geolocation', { requestingUrl: APP_PAGE })).toBe(false);
  });

  it('serves the page and forwards API calls to the server from settings', async () => {
    const { electron } = await boot();
    const handler = electron.protocolHandlers.get('dockscan');
    const page = await handler?.(new Request('dockscan://app/'));
    expect(page?.headers.get('content-security-policy')).toContain("default-src 'self'");
    await handler?.(new Request('dockscan://app/api/auth/me'));
    expect(electron.fetchCalls.map((c) => c.url)).toEqual(['http://127.0.0.1:8080/api/auth/me']);
  });

  it('answers the page over the contract, end to end', async () => {
    const { electron, call } = await boot();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
    expect(await call(IpcChannel.DeviceInfo)).toMatchObject({ ok: true, value: { installationId: '0190d6c2-7c5e-7000-8000-00000000abcd', hostname: 'dock-3' } });
    expect(await call(IpcChannel.SettingsUpdate, { serverUrl: 'sync.example.com' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call(IpcChannel.SettingsUpdate, { serverUrl: 'https://sync.example.com/' })).toMatchObject({ ok: true, value: { serverUrl: 'https://sync.example.com' } });
    expect(await call(IpcChannel.PrintTest)).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(await electron.ipcMain.invoke(IpcChannel.SettingsGet, senderAt('https://evil.example.com/'))).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('refuses to switch servers while scans wait to sync', async () => {
    const { call } = await boot();
    await call(IpcChannel.SyncPendingCount, { count: 2 });
    expect(await call(IpcChannel.SettingsUpdate, { serverUrl: 'https://other.example.com' })).toEqual({
      ok: false,
      error: { code: 'busy', message: '2 scans have not synced to http://127.0.0.1:8080 yet. Change the server once they have synced.' },
    });
    await call(IpcChannel.SyncPendingCount, { count: 0 });
    expect((await call(IpcChannel.SettingsUpdate, { serverUrl: 'https://other.example.com' })) as { ok: boolean }).toMatchObject({ ok: true });
  });

  it('feeds serial scanner reads to the page as scan events', async () => {
    const { call, ports, win } = await boot();
    expect(await call(IpcChannel.SettingsUpdate, { serialScanners: [{ path: '/dev/ttyACM0' }] })).toMatchObject({ ok: true });
    expect(ports).toHaveLength(1);
    ports[0]?.lines?.write('LOC-A-01-02\r\n');
    await new Promise((r) => setTimeout(r, 5));
    expect(sentOn(win, IpcEvent.Scan)).toEqual([{ source: 'serial', device: '/dev/ttyACM0', raw: 'LOC-A-01-02', receivedAt: '2025-03-01T10:00:00.000Z' }]);
    expect(await call(IpcChannel.SerialList)).toEqual({ ok: true, value: [{ path: '/dev/ttyACM0', manufacturer: 'Honeywell' }] });
    await call(IpcChannel.SettingsUpdate, { serialScanners: [] });
    expect(ports[0]?.isOpen).toBe(false);
  });

  it('sends menu navigation to the page', async () => {
    const { electron, win } = await boot();
    const go = electron.menus[0]?.find((m) => m.label === 'Go')?.submenu;
    const packing = Array.isArray(go) ? go.find((i) => i.label === 'Packing') : undefined;
    packing?.click?.({} as never, undefined, {} as never);
    expect(sentOn(win, IpcEvent.Navigate)).toEqual([{ screen: 'packing' }]);
  });

  it('quits gracefully: the page flushes IndexedDB first', async () => {
    const { electron, win, call } = await boot();
    electron.app.quit();
    expect(electron.app.quitting).toBe(false);
    expect(sentOn(win, IpcEvent.QuitRequested)).toEqual([null]);
    await call(IpcChannel.AppQuitReady);
    expect(electron.app.quitting).toBe(true);
  });

  it('closing the window goes through the same flush, and remembers where the window was', async () => {
    const { electron, win, call, fs } = await boot();
    win.bounds = { x: 40, y: 50, width: 1500, height: 950 };
    const close = new FakeEvent();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    await call(IpcChannel.AppQuitReady);
    expect(electron.app.quitting).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(JSON.parse(fs.text('/user-data/settings.json')).windowState).toEqual({ x: 40, y: 50, width: 1500, height: 950, maximized: false });
  });

  it('reopens the window where it was', async () => {
    const { win } = await boot((fs) =>
      fs.files.set('/user-data/settings.json', JSON.stringify({ windowState: { x: 40, y: 50, width: 1500, height: 950, maximized: true } })),
    );
    expect(win.options).toMatchObject({ x: 40, y: 50, width: 1500, height: 950 });
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
  });

  it('reloads the page after a renderer crash (the queue is in IndexedDB)', async () => {
    const { win } = await boot();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL, APP_ENTRY_URL]);
  });

  it('brings the window forward when a second instance starts', async () => {
    const { electron, win } = await boot();
    win.minimized = true;
    electron.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('keeps updates off in a development build', async () => {
    const { call } = await boot();
    expect(await call(IpcChannel.UpdateStatus)).toEqual({ ok: true, value: { state: 'disabled', reason: 'not-packaged' } });
  });
});
