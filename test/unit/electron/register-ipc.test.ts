import { describe, expect, it, vi } from 'vitest';
import { IpcChannel, type IpcResult } from '../../../shared/ipc/contract';
import { defaultSettings } from '../../../shared/ipc/settings';
import { isAppSender, registerIpc, type IpcHandlers } from '../../../electron/ipc/register-ipc';
import { ok } from '../../../electron/ipc/result';
import { APP_PAGE, FakeIpcMain, RecordingLogger, senderAt } from './fake-electron';
import { makeCartonLabel } from './fixtures';

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const receipt = ok({ printer: 'Zebra', bytes: 10, copies: 1 });
  const base: IpcHandlers = {
    [IpcChannel.DeviceInfo]: () =>
      ok({ installationId: '0190d6c2-7c5e-7000-8000-000000000001', hostname: 'dock-3', platform: 'linux', arch: 'x64', appVersion: '0.1.0', electronVersion: '45.4.1', chromeVersion: '140' }),
    [IpcChannel.SettingsGet]: () => ok(defaultSettings()),
    [IpcChannel.SettingsUpdate]: () => ok(defaultSettings()),
    [IpcChannel.PrintersList]: () => ok({ printers: [], selected: null }),
    [IpcChannel.PrintersSelect]: () => ok(defaultSettings()),
    [IpcChannel.PrintTest]: () => receipt,
    [IpcChannel.PrintCartonLabel]: () => receipt,
    [IpcChannel.PrintLabelDialog]: () => ok({ printed: true }),
    [IpcChannel.ExportLabelPdf]: () => ok({ saved: false }),
    [IpcChannel.ExportFile]: () => ok({ saved: false }),
    [IpcChannel.SerialList]: () => ok([]),
    [IpcChannel.SyncPendingCount]: () => ok(null),
    [IpcChannel.UpdateStatus]: () => ok({ state: 'idle', lastCheckedAt: null }),
    [IpcChannel.UpdateCheck]: () => ok({ state: 'idle', lastCheckedAt: null }),
    [IpcChannel.UpdateRestart]: () => ok({ state: 'idle', lastCheckedAt: null }),
    [IpcChannel.AppQuitReady]: () => ok(null),
  };
  return { ...base, ...overrides };
}

function setup(overrides: Partial<IpcHandlers> = {}) {
  const ipcMain = new FakeIpcMain();
  const log = new RecordingLogger();
  const unregister = registerIpc(ipcMain, handlers(overrides), isAppSender, log);
  return { ipcMain, log, unregister, fromApp: senderAt(APP_PAGE) };
}

const failure = (result: unknown) => (result as IpcResult<unknown> & { ok: false }).error;

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
  });

  it('refuses unknown channels: nothing is registered for them', async () => {
    const { ipcMain, fromApp } = setup();
    await expect(ipcMain.invoke('fs.readFile', fromApp, '/etc/passwd')).rejects.toThrow(/No handler registered/);
    await expect(ipcMain.invoke('device.info ', fromApp)).rejects.toThrow(/No handler registered/);
  });

  it('refuses to start with a handler for a channel outside the contract', () => {
    const rogue = { ...handlers(), 'shell.exec': () => ok(null) } as IpcHandlers;
    expect(() => registerIpc(new FakeIpcMain(), rogue, isAppSender, new RecordingLogger())).toThrow(/shell\.exec/);
  });

  it('answers a valid call from the app page with the handler value', async () => {
    const { ipcMain, fromApp } = setup();
    await expect(ipcMain.invoke(IpcChannel.SettingsGet, fromApp)).resolves.toEqual({ ok: true, value: defaultSettings() });
  });

  it.each([
    ['a foreign origin', senderAt('https://evil.example.com/')],
    ['a file:// page', senderAt('file:///tmp/x.html')],
    ['an iframe inside the app', senderAt(APP_PAGE, { url: APP_PAGE })],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s without calling the handler', async (_what, event) => {
    const spy = vi.fn(() => ok(defaultSettings()));
    const { ipcMain, log } = setup({ [IpcChannel.SettingsGet]: spy });
    const result = await ipcMain.invoke(IpcChannel.SettingsGet, event);
    expect(failure(result).code).toBe('untrusted-sender');
    expect(spy).not.toHaveBeenCalled();
    expect(log.lines.some((l) => l.startsWith('warn:'))).toBe(true);
  });

  it('refuses bad payloads with a readable message and the failing path, before the handler runs', async () => {
    const spy = vi.fn(() => ok({ printer: 'x', bytes: 1, copies: 1 }));
    const { ipcMain, fromApp } = setup({ [IpcChannel.PrintCartonLabel]: spy });
    const badSscc = { label: makeCartonLabel({ sscc: '006141411234567891' }), copies: 1 };
    const error = failure(await ipcMain.invoke(IpcChannel.PrintCartonLabel, fromApp, badSscc));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('label.sscc: The SSCC check digit is wrong.');
    expect(error.issues?.[0]?.path).toBe('label.sscc');

    for (const bad of [undefined, null, 'label', { label: makeCartonLabel(), copies: 0 }, { label: makeCartonLabel(), copies: 1, extra: true }]) {
      expect(failure(await ipcMain.invoke(IpcChannel.PrintCartonLabel, fromApp, bad)).code).toBe('invalid-request');
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses arguments on argument-less channels and extra arguments everywhere', async () => {
    const { ipcMain, fromApp } = setup();
    expect(failure(await ipcMain.invoke(IpcChannel.DeviceInfo, fromApp, { sneaky: true })).code).toBe('invalid-request');
    expect(failure(await ipcMain.invoke(IpcChannel.SyncPendingCount, fromApp, { count: 1 }, 'more')).code).toBe('invalid-request');
    expect(failure(await ipcMain.invoke(IpcChannel.SyncPendingCount, fromApp, { count: -1 })).code).toBe('invalid-request');
  });

  it('rejects a bad server URL with a clear message', async () => {
    const { ipcMain, fromApp } = setup();
    const error = failure(await ipcMain.invoke(IpcChannel.SettingsUpdate, fromApp, { serverUrl: 'ftp://files.example.com' }));
    expect(error).toMatchObject({ code: 'invalid-request', message: 'serverUrl: The sync server address must start with http:// or https://, not ftp://.' });
  });

  it('passes the handler the parsed request, defaults applied', async () => {
    const spy = vi.fn(() => ok({ printer: 'x', bytes: 1, copies: 1 }));
    const { ipcMain, fromApp } = setup({ [IpcChannel.PrintCartonLabel]: spy });
    await ipcMain.invoke(IpcChannel.PrintCartonLabel, fromApp, { label: makeCartonLabel() });
    expect(spy).toHaveBeenCalledWith({ label: makeCartonLabel(), copies: 1 });
  });

  it('answers a throwing handler with an internal error value, not an exception, and logs the details', async () => {
    const { ipcMain, fromApp, log } = setup({
      [IpcChannel.SerialList]: () => {
        throw new Error('EACCES: /dev/ttyACM0 secret detail');
      },
    });
    const result = await ipcMain.invoke(IpcChannel.SerialList, fromApp);
    expect(failure(result)).toEqual({ code: 'internal', message: 'Something went wrong in the desktop app; the details are in its log.' });
    expect(log.lines.join('\n')).toContain('secret detail');
  });

  it('never sends a response that breaks its own contract', async () => {
    const { ipcMain, fromApp } = setup({
      [IpcChannel.SettingsGet]: () => ok({ ...defaultSettings(), windowState: { x: 1 }, token: 'leak' } as ReturnType<typeof defaultSettings>),
    });
    expect(failure(await ipcMain.invoke(IpcChannel.SettingsGet, fromApp)).code).toBe('internal');
  });

  it('passes handler failures through as values', async () => {
    const { ipcMain, fromApp } = setup({
      [IpcChannel.PrintTest]: () => ({ ok: false, error: { code: 'not-configured', message: 'Choose a label printer in Settings first.' } }),
    });
    expect(await ipcMain.invoke(IpcChannel.PrintTest, fromApp)).toEqual({
      ok: false,
      error: { code: 'not-configured', message: 'Choose a label printer in Settings first.' },
    });
  });

  it('unregisters every channel', () => {
    const { ipcMain, unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
