import { describe, expect, it } from 'vitest';
import { createQuitCoordinator } from '../../../electron/lifecycle/quit-coordinator';
import { captureWindowState, DEFAULT_WINDOW_SIZE, restoreBounds, trackWindowState } from '../../../electron/lifecycle/window-state';
import type { WindowState } from '../../../electron/settings/settings-store';
import { buildMenuTemplate, SCREEN_MENU } from '../../../electron/menu';
import type { MenuItemConstructorOptions } from 'electron';
import { createFakeElectron, FakeEvent, ManualClock, RecordingLogger } from './fake-electron';

describe('graceful quit', () => {
  function setup(options: { hasPage?: boolean } = {}) {
    const clock = new ManualClock();
    const log = new RecordingLogger();
    let flushRequests = 0;
    let quits = 0;
    const coordinator = createQuitCoordinator({
      requestFlush: () => {
        flushRequests += 1;
        return options.hasPage ?? true;
      },
      quit: () => void (quits += 1),
      timeoutMs: 10_000,
      schedule: clock.schedule,
      log,
    });
    return { coordinator, clock, log, flushRequests: () => flushRequests, quits: () => quits };
  }

  it('holds the quit until the page confirms its IndexedDB writes, then quits', () => {
    const { coordinator, flushRequests, quits } = setup();
    const event = new FakeEvent();
    coordinator.interceptQuit(event);
    expect(event.defaultPrevented).toBe(true);
    expect(flushRequests()).toBe(1);
    expect(quits()).toBe(0);
    coordinator.rendererReady();
    expect(quits()).toBe(1);
    // The quit that follows goes through.
    const second = new FakeEvent();
    coordinator.interceptQuit(second);
    expect(second.defaultPrevented).toBe(false);
  });

  it('asks the page once even if the window close and before-quit both arrive', () => {
    const { coordinator, flushRequests, quits } = setup();
    coordinator.interceptQuit(new FakeEvent());
    coordinator.interceptQuit(new FakeEvent());
    expect(flushRequests()).toBe(1);
    coordinator.rendererReady();
    expect(quits()).toBe(1);
  });

  it('does not let a hung page keep the app open', () => {
    const { coordinator, clock, log, quits } = setup();
    coordinator.interceptQuit(new FakeEvent());
    clock.advance(9_999);
    expect(quits()).toBe(0);
    clock.advance(1);
    expect(quits()).toBe(1);
    expect(log.lines.join()).toMatch(/did not confirm/);
  });

  it('quits at once when there is no page to ask', () => {
    const { coordinator, quits } = setup({ hasPage: false });
    coordinator.interceptQuit(new FakeEvent());
    expect(quits()).toBe(1);
  });

  it('flushes for the updater without quitting itself', async () => {
    const { coordinator, quits } = setup();
    const prepared = coordinator.prepare();
    coordinator.rendererReady();
    await prepared;
    expect(quits()).toBe(0);
    expect(coordinator.phase()).toBe('ready');
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const saved: WindowState = { x: 100, y: 80, width: 1400, height: 900, maximized: false };

  it('opens where it was when that is still on a screen', () => {
    expect(restoreBounds(saved, screen)).toEqual({ bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: false });
  });

  it('falls back to a centred default when the monitor it was on is gone', () => {
    expect(restoreBounds({ ...saved, x: 2500 }, screen)).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
    expect(restoreBounds({ ...saved, y: -600 }, screen).bounds).toEqual({ ...DEFAULT_WINDOW_SIZE });
    expect(restoreBounds(null, screen)).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
  });

  it('shrinks a window larger than its screen and keeps it maximized', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 3000, height: 2000, maximized: true }, screen)).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      maximized: true,
    });
  });

  it('saves on close, and debounced while moving', () => {
    const electron = createFakeElectron();
    const win = new electron.api.BrowserWindow({});
    const clock = new ManualClock();
    const saves: WindowState[] = [];
    trackWindowState(win, (s) => saves.push(s), clock.schedule, 1000);
    const fake = electron.windows[0];
    if (!fake) throw new Error('no window');
    fake.bounds = { x: 1, y: 2, width: 1000, height: 700 };
    fake.emit('move');
    fake.emit('move');
    fake.emit('resize');
    clock.advance(999);
    expect(saves).toHaveLength(0);
    clock.advance(1);
    expect(saves).toEqual([{ x: 1, y: 2, width: 1000, height: 700, maximized: false }]);
    fake.maximized = true;
    fake.close();
    expect(saves.at(-1)).toEqual({ ...captureWindowState(win), maximized: true });
  });
});

describe('native menu', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((i) => i.label ?? i.role ?? '');
  const submenu = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
    const menu = items.find((i) => i.label === label)?.submenu;
    return Array.isArray(menu) ? menu : [];
  };

  it('has every main screen under Go, each sending the app there', () => {
    const visited: string[] = [];
    const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, navigate: (s) => visited.push(s), checkForUpdates: () => undefined });
    const go = submenu(template, 'Go');
    expect(labels(go)).toEqual(SCREEN_MENU.map((s) => s.label));
    expect(go.map((i) => i.accelerator)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => `CmdOrCtrl+${n}`));
    for (const item of go) item.click?.({} as never, undefined, {} as never);
    expect(visited).toEqual(['receiving', 'putaway', 'picking', 'packing', 'shipping', 'counts', 'returns', 'supervisor', 'outcomes']);
    const settings = submenu(template, 'File')[0];
    settings?.click?.({} as never, undefined, {} as never);
    expect(visited.at(-1)).toBe('settings');
  });

  it('offers DevTools and reload only in development builds', () => {
    const roles = (packaged: boolean) =>
      submenu(buildMenuTemplate({ platform: 'win32', isPackaged: packaged, navigate: () => undefined, checkForUpdates: () => undefined }), 'View').map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('follows macOS conventions on a Mac', () => {
    const template = buildMenuTemplate({ platform: 'darwin', isPackaged: true, navigate: () => undefined, checkForUpdates: () => undefined });
    expect(template[0]?.role).toBe('appMenu');
  });
});
