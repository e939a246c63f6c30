import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IpcChannel, IpcEvent } from '../../../shared/ipc/contract';
import { getDesktopApi, type WarehouseApi } from '../../../shared/ipc/window-api';
import { createWarehouseApi, type IpcRendererLike } from '../../../electron/preload-api';
import { makeCartonLabel } from './fixtures';

/** ipcRenderer as the preload sees it: invoke goes to main, on/removeListener for main's events. */
class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: `answer for ${channel}` };
  }
  /** main's webContents.send: the listener gets (event, payload). */
  fromMain(channel: string, payload: unknown): void {
    this.emit(channel, { sender: this, senderId: 0 }, payload);
  }
}

describe('the preload API', () => {
  it('maps each method to exactly one contract channel', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createWarehouseApi(ipc);
    const label = makeCartonLabel();
    await api.deviceInfo();
    await api.getSettings();
    await api.updateSettings({ serverUrl: 'https://sync.example.com' });
    await api.listPrinters();
    await api.selectPrinter({ kind: 'network', host: '10.0.0.7' });
    await api.printTestLabel();
    await api.printCartonLabel({ label, copies: 2 });
    await api.printLabelWithDialog({ label });
    await api.saveLabelPdf({ label });
    await api.exportFile({ suggestedName: 'stock.csv', kind: 'csv', content: 'a,b' });
    await api.listSerialPorts();
    await api.reportPendingSync({ count: 4 });
    await api.getUpdateStatus();
    await api.checkForUpdates();
    await api.restartToUpdate();
    const used = ipc.invoked.map((c) => c.channel);
    expect(new Set(used)).toEqual(new Set(Object.values(IpcChannel).filter((c) => c !== IpcChannel.AppQuitReady)));
    expect(ipc.invoked.find((c) => c.channel === IpcChannel.PrintCartonLabel)?.args).toEqual([{ label, copies: 2 }]);
    expect(ipc.invoked.find((c) => c.channel === IpcChannel.SyncPendingCount)?.args).toEqual([{ count: 4 }]);
  });

  it('returns main result values as they came', async () => {
    const api = createWarehouseApi(new FakeIpcRenderer());
    expect(await api.getSettings()).toEqual({ ok: true, value: 'answer for settings.get' });
  });

  it('hands listeners the payload only, never the IPC event (its sender is ipcRenderer)', () => {
    const ipc = new FakeIpcRenderer();
    const api = createWarehouseApi(ipc);
    const received: unknown[][] = [];
    const stop = api.onScan((...args: unknown[]) => void received.push(args));
    const scan = { source: 'serial', device: '/dev/ttyACM0', raw: 'LOC-A-01', receivedAt: '2025-03-01T10:00:00.000Z' };
    ipc.fromMain(IpcEvent.Scan, scan);
    expect(received).toEqual([[scan]]);
    stop();
    ipc.fromMain(IpcEvent.Scan, scan);
    expect(received).toHaveLength(1);
    expect(ipc.listenerCount(IpcEvent.Scan)).toBe(0);
  });

  it('forwards menu navigation and update status', () => {
    const ipc = new FakeIpcRenderer();
    const api = createWarehouseApi(ipc);
    const screens: string[] = [];
    const states: string[] = [];
    api.onNavigate(({ screen }) => void screens.push(screen));
    api.onUpdateChanged((status) => void states.push(status.state));
    ipc.fromMain(IpcEvent.Navigate, { screen: 'picking' });
    ipc.fromMain(IpcEvent.UpdateChanged, { state: 'checking' });
    expect(screens).toEqual(['picking']);
    expect(states).toEqual(['checking']);
  });

  it('on quit, waits for every flush (even a failing one) before telling main it may go', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createWarehouseApi(ipc);
    const steps: string[] = [];
    let finishWrite: () => void = () => undefined;
    api.onQuitRequested(() => new Promise<void>((resolve) => (finishWrite = () => { steps.push('write committed'); resolve(); })));
    api.onQuitRequested(() => Promise.reject(new Error('quota exceeded')));
    const removed = api.onQuitRequested(() => void steps.push('removed flush ran'));
    removed();

    ipc.fromMain(IpcEvent.QuitRequested, null);
    await new Promise((r) => setTimeout(r, 5));
    expect(ipc.invoked.map((c) => c.channel)).not.toContain(IpcChannel.AppQuitReady);
    finishWrite();
    await new Promise((r) => setTimeout(r, 5));
    expect(steps).toEqual(['write committed']);
    expect(ipc.invoked.map((c) => c.channel)).toEqual([IpcChannel.AppQuitReady]);
  });

  it('answers a quit at once when the page registered nothing', async () => {
    const ipc = new FakeIpcRenderer();
    createWarehouseApi(ipc);
    ipc.fromMain(IpcEvent.QuitRequested, null);
    await new Promise((r) => setTimeout(r, 5));
    expect(ipc.invoked.map((c) => c.channel)).toEqual([IpcChannel.AppQuitReady]);
  });
});

describe('getDesktopApi', () => {
  const api: WarehouseApi = createWarehouseApi(new FakeIpcRenderer());

  it('finds the preload API on window.warehouse', () => {
    expect(getDesktopApi({ warehouse: api })).toBe(api);
  });

  it('is null in web mode and for anything that is not our API at this version', () => {
    expect(getDesktopApi(undefined)).toBeNull();
    expect(getDesktopApi({})).toBeNull();
    expect(getDesktopApi({ warehouse: { apiVersion: 1 } })).toBeNull();
    expect(getDesktopApi({ warehouse: { ...api, apiVersion: 2 } })).toBeNull();
    expect(getDesktopApi({ warehouse: 'warehouse' })).toBeNull();
  });

  it('is null in Node, where there is no window', () => {
    expect(typeof window).toBe('undefined');
    expect(getDesktopApi()).toBeNull();
  });
});
