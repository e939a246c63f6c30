import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_SERVER_URL, PrinterSelection, SerialScannerConfig, ServerUrl, SettingsPatch, UpdateFeedUrl } from '../../../shared/ipc/settings';
import { loadDeviceInfo } from '../../../electron/device/device-identity';
import { openSettingsStore } from '../../../electron/settings/settings-store';
import { MemoryFs, RecordingLogger } from './fake-electron';

const message = (schema: z.ZodType, value: unknown): string | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe('server URL validation', () => {
  it.each([
    ['http://localhost:8080', 'http://localhost:8080'],
    ['  https://sync.example.com/  ', 'https://sync.example.com'],
    ['https://sync.example.com/wh1/', 'https://sync.example.com/wh1'],
    ['http://192.168.1.20:8080', 'http://192.168.1.20:8080'],
    ['HTTP://Sync.Example.COM', 'http://sync.example.com'],
  ])('accepts %j as %j', (input, normalized) => {
    expect(ServerUrl.parse(input)).toBe(normalized);
  });

  it.each([
    ['', 'Enter the sync server address, e.g. http://localhost:8080.'],
    ['localhost:8080', 'The sync server address must start with http:// or https://, not localhost://.'],
    ['sync.example.com', '"sync.example.com" is not a web address; write the sync server address like http://server:8080.'],
    ['ftp://sync.example.com', 'The sync server address must start with http:// or https://, not ftp://.'],
    ['javascript:alert(1)', 'The sync server address must start with http:// or https://, not javascript://.'],
    ['https://admin:secret@sync.example.com', 'The sync server address must not contain a user name or password; you sign in inside the app.'],
    ['https://sync.example.com/?x=1', 'The sync server address must not contain ?query or #fragment parts.'],
  ])('rejects %j with a clear message', (input, expected) => {
    expect(message(ServerUrl, input)).toBe(expected);
  });

  it('demands https for the update feed, except on this computer', () => {
    expect(UpdateFeedUrl.parse('https://updates.example.com/dockscan/')).toBe('https://updates.example.com/dockscan');
    expect(UpdateFeedUrl.parse('http://127.0.0.1:9000/feed')).toBe('http://127.0.0.1:9000/feed');
    expect(message(UpdateFeedUrl, 'http://updates.example.com/')).toMatch(/must use https/);
  });

  it('validates printers and serial ports', () => {
    expect(PrinterSelection.parse({ kind: 'network', host: 'zebra-dock-3.lan' })).toEqual({ kind: 'network', host: 'zebra-dock-3.lan', port: 9100 });
    expect(PrinterSelection.safeParse({ kind: 'network', host: 'zebra; rm -rf /' }).success).toBe(false);
    expect(PrinterSelection.safeParse({ kind: 'network', host: '10.0.0.7', port: 70000 }).success).toBe(false);
    expect(PrinterSelection.safeParse({ kind: 'usb', host: 'x' }).success).toBe(false);
    for (const path of ['COM3', '/dev/ttyACM0', '/dev/tty.usbmodem1421', '/dev/serial/by-id/usb-Zebra_DS2208-if00']) {
      expect(SerialScannerConfig.parse({ path })).toEqual({ path, baudRate: 9600 });
    }
    for (const path of ['/etc/passwd/../x', 'COM3; del', '../dev/tty', '/dev/tty ACM0']) {
      expect(SerialScannerConfig.safeParse({ path }).success, path).toBe(false);
    }
    expect(SerialScannerConfig.safeParse({ path: 'COM3', baudRate: 12345 }).success).toBe(false);
  });

  it('refuses unknown settings and duplicate scanner ports', () => {
    expect(SettingsPatch.safeParse({ nodeIntegration: true }).success).toBe(false);
    expect(SettingsPatch.safeParse({ printer: null }).success).toBe(false);
    expect(SettingsPatch.safeParse({ serialScanners: [{ path: 'COM3' }, { path: 'COM3', baudRate: 115200 }] }).success).toBe(false);
  });
});

describe('settings store', () => {
  const dir = '/user-data';
  const file = `${dir}/settings.json`;

  it('starts from defaults and does not write until something changes', async () => {
    const fs = new MemoryFs();
    const store = await openSettingsStore({ fs, dir, log: new RecordingLogger() });
    expect(store.get()).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      updateFeedUrl: null,
      printer: null,
      label: { dpi: 203, symbology: 'gs1-128' },
      serialScanners: [],
    });
    expect(store.windowState()).toBeNull();
    expect(fs.files.size).toBe(0);
  });

  it('uses the server `npm start` launched when the file names none, and ignores a bad one', async () => {
    const good = await openSettingsStore({ fs: new MemoryFs(), dir, serverUrlOverride: 'http://127.0.0.1:8181/', log: new RecordingLogger() });
    expect(good.get().serverUrl).toBe('http://127.0.0.1:8181');
    const log = new RecordingLogger();
    const bad = await openSettingsStore({ fs: new MemoryFs(), dir, serverUrlOverride: 'not a url', log });
    expect(bad.get().serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(log.lines.join()).toContain('Ignoring DOCKSCAN_SERVER_URL');
  });

  it('persists changes as JSON, atomically, and reads them back', async () => {
    const fs = new MemoryFs();
    const store = await openSettingsStore({ fs, dir, log: new RecordingLogger() });
    await store.update(SettingsPatch.parse({ serverUrl: 'https://sync.example.com/', label: { dpi: 300 } }));
    await store.setPrinter({ kind: 'network', host: '10.0.0.7', port: 9100 });
    await store.saveWindowState({ x: 5, y: 6, width: 1400, height: 900, maximized: true });
    expect(fs.files.has(`${file}.tmp`)).toBe(false);
    expect(JSON.parse(fs.text(file))).toMatchObject({
      serverUrl: 'https://sync.example.com',
      label: { dpi: 300, symbology: 'gs1-128' },
      printer: { kind: 'network', host: '10.0.0.7', port: 9100 },
      windowState: { x: 5, y: 6, width: 1400, height: 900, maximized: true },
    });
    const reopened = await openSettingsStore({ fs, dir, serverUrlOverride: 'http://ignored:1', log: new RecordingLogger() });
    expect(reopened.get().serverUrl).toBe('https://sync.example.com');
    expect(reopened.get().printer).toEqual({ kind: 'network', host: '10.0.0.7', port: 9100 });
    expect(reopened.windowState()).toEqual({ x: 5, y: 6, width: 1400, height: 900, maximized: true });
    // The page never sees the window state.
    expect(reopened.get()).not.toHaveProperty('windowState');
  });

  it('keeps the good fields of a damaged file and replaces only the bad ones', async () => {
    const fs = new MemoryFs();
    fs.files.set(file, JSON.stringify({ serverUrl: 'ftp://nope', printer: { kind: 'os', name: 'Zebra' }, label: { dpi: 600 }, surprise: 1 }));
    const store = await openSettingsStore({ fs, dir, log: new RecordingLogger() });
    expect(store.get()).toMatchObject({ serverUrl: DEFAULT_SERVER_URL, printer: { kind: 'os', name: 'Zebra' }, label: { dpi: 203 } });
  });

  it('survives a file that is not JSON, keeping it aside', async () => {
    const fs = new MemoryFs();
    fs.files.set(file, '{"serverUrl": "http://x');
    const log = new RecordingLogger();
    const store = await openSettingsStore({ fs, dir, log });
    expect(store.get().serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(fs.files.has(`${file}.broken`)).toBe(true);
  });

  it('changes only the label fields given', async () => {
    const store = await openSettingsStore({ fs: new MemoryFs(), dir, log: new RecordingLogger() });
    await store.update(SettingsPatch.parse({ label: { symbology: 'datamatrix' } }));
    await store.update(SettingsPatch.parse({ label: { dpi: 300 } }));
    expect(store.get().label).toEqual({ dpi: 300, symbology: 'datamatrix' });
    await store.update(SettingsPatch.parse({ updateFeedUrl: 'https://updates.example.com/' }));
    await store.update(SettingsPatch.parse({ serverUrl: 'http://10.0.0.2:8080' }));
    expect(store.get().updateFeedUrl).toBe('https://updates.example.com');
    await store.update(SettingsPatch.parse({ updateFeedUrl: null }));
    expect(store.get()).toMatchObject({ updateFeedUrl: null, serverUrl: 'http://10.0.0.2:8080', label: { dpi: 300, symbology: 'datamatrix' } });
  });

  it('tells listeners what changed, and only when something did', async () => {
    const store = await openSettingsStore({ fs: new MemoryFs(), dir, log: new RecordingLogger() });
    const changes: string[] = [];
    store.onChange((next, previous) => changes.push(`${previous.serverUrl} -> ${next.serverUrl}`));
    await store.saveWindowState({ x: 0, y: 0, width: 800, height: 600, maximized: false });
    await store.update({ serverUrl: 'http://10.0.0.2:8080' });
    expect(changes).toEqual(['http://localhost:8080 -> http://10.0.0.2:8080']);
  });
});

describe('device identity', () => {
  const deps = (fs: MemoryFs, ids: string[]) => ({
    fs,
    dir: '/user-data',
    newId: () => ids.shift() ?? 'no-more-ids',
    host: { hostname: () => 'dock-3', platform: 'linux', arch: 'x64' },
    versions: { app: '0.1.0', electron: '45.4.1', chrome: '140.0.0.0' },
    log: new RecordingLogger(),
  });

  it('creates an installation id once and keeps it', async () => {
    const fs = new MemoryFs();
    const first = await loadDeviceInfo(deps(fs, ['0190d6c2-7c5e-7000-8000-000000000001']));
    expect(first).toEqual({
      installationId: '0190d6c2-7c5e-7000-8000-000000000001',
      hostname: 'dock-3',
      platform: 'linux',
      arch: 'x64',
      appVersion: '0.1.0',
      electronVersion: '45.4.1',
      chromeVersion: '140.0.0.0',
    });
    const again = await loadDeviceInfo(deps(fs, ['0190d6c2-7c5e-7000-8000-000000000002']));
    expect(again.installationId).toBe('0190d6c2-7c5e-7000-8000-000000000001');
  });

  it('replaces a damaged identity file', async () => {
    const fs = new MemoryFs();
    fs.files.set('/user-data/device.json', '{"installationId":"not-a-uuid"}');
    const info = await loadDeviceInfo(deps(fs, ['0190d6c2-7c5e-7000-8000-000000000003']));
    expect(info.installationId).toBe('0190d6c2-7c5e-7000-8000-000000000003');
  });
});
