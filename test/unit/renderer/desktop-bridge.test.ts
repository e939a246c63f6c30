import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createWarehouseApi, type IpcRendererLike } from '../../../electron/preload-api';
import { IpcChannel, IpcEvent } from '../../../shared/ipc/contract';
import { getDesktopApi } from '../../../shared/ipc/window-api';
import { connectDesktop } from '../../../renderer/platform/desktop-bridge';

/** The preload's view of ipcRenderer: invoke goes to main, main's events come back. */
class FakeIpc extends EventEmitter implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: null };
  }
  fromMain(channel: string, payload: unknown): void {
    this.emit(channel, {}, payload);
  }
}

function setup() {
  const ipc = new FakeIpc();
  const api = createWarehouseApi(ipc);
  const scans: string[] = [];
  const screens: string[] = [];
  let flushed = 0;
  let pendingListener: (count: number) => void = () => undefined;
  const disconnect = connectDesktop(getDesktopApi({ warehouse: api }), {
    dispatchScan: (raw) => scans.push(raw),
    navigate: (s) => screens.push(s),
    flushPendingWrites: async () => {
      flushed += 1;
    },
    onPendingChange: (l) => {
      pendingListener = l;
      return () => (pendingListener = () => undefined);
    },
  });
  return { ipc, scans, screens, flushed: () => flushed, pending: (n: number) => pendingListener(n), disconnect };
}

describe('the desktop bridge', () => {
  it('feeds serial scans into the scan pipeline with their GS1 separators intact', () => {
    const t = setup();
    t.ipc.fromMain(IpcEvent.Scan, { source: 'serial', device: '/dev/ttyACM0', raw: ']C10109506000134352\u001d10LOT1', receivedAt: '2026-11-20T10:00:00.000Z' });
    expect(t.scans).toEqual([']C10109506000134352\u001d10LOT1']);
  });

  it('navigates from the native menu and reports the outbox size to main on every change', async () => {
    const t = setup();
    t.ipc.fromMain(IpcEvent.Navigate, { screen: 'receiving' });
    expect(t.screens).toEqual(['receiving']);
    t.pending(3);
    t.pending(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.ipc.invoked.filter((c) => c.channel === IpcChannel.SyncPendingCount).map((c) => c.args[0])).toEqual([{ count: 3 }, { count: 0 }]);
  });

  it('lets main quit only after pending IndexedDB writes are flushed', async () => {
    const t = setup();
    t.ipc.fromMain(IpcEvent.QuitRequested, null);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.flushed()).toBe(1);
    expect(t.ipc.invoked.some((c) => c.channel === IpcChannel.AppQuitReady)).toBe(true);
  });

  it('does nothing in a browser, and stops listening when disconnected', () => {
    expect(connectDesktop(getDesktopApi({}), { dispatchScan: () => undefined, navigate: () => undefined, flushPendingWrites: async () => undefined, onPendingChange: () => () => undefined })()).toBeUndefined();
    const t = setup();
    t.disconnect();
    t.ipc.fromMain(IpcEvent.Scan, { source: 'serial', device: 'COM3', raw: 'X', receivedAt: '2026-11-20T10:00:00.000Z' });
    expect(t.scans).toEqual([]);
  });
});
