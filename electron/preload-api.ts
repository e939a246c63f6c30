import { DESKTOP_API_VERSION, IpcChannel, IpcEvent } from '../shared/ipc/channels';
import type { IpcEventPayload, IpcRequest, IpcResponse, IpcResult } from '../shared/ipc/contract';
import type { Unsubscribe, WarehouseApi } from '../shared/ipc/window-api';

/**
 * `window.warehouse`, built over `ipcRenderer`. Each method is one contract
 * channel; nothing else of ipcRenderer reaches the page (not even the event
 * object, whose `sender` is ipcRenderer itself). Kept free of zod so the
 * sandboxed preload bundle stays tiny: main validates everything.
 */

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createWarehouseApi(ipc: IpcRendererLike): WarehouseApi {
  // The cast is the trust boundary: main validated this response against the same contract.
  const invoke = <C extends IpcChannel>(channel: C, request?: IpcRequest<C>) =>
    ipc.invoke(channel, request) as Promise<IpcResult<IpcResponse<C>>>;

  const listen =
    <E extends IpcEvent>(event: E) =>
    (listener: (payload: IpcEventPayload<E>) => void): Unsubscribe => {
      const forward = (_event: unknown, payload: unknown): void => listener(payload as IpcEventPayload<E>);
      ipc.on(event, forward);
      return () => void ipc.removeListener(event, forward);
    };

  // Every registered flush settles (or fails) before main is told it may quit.
  const flushers = new Set<() => Promise<void> | void>();
  ipc.on(IpcEvent.QuitRequested, () => {
    void Promise.allSettled([...flushers].map(async (flush) => flush())).then(() => ipc.invoke(IpcChannel.AppQuitReady));
  });

  return {
    apiVersion: DESKTOP_API_VERSION,
    deviceInfo: () => invoke(IpcChannel.DeviceInfo),
    getSettings: () => invoke(IpcChannel.SettingsGet),
    updateSettings: (patch) => invoke(IpcChannel.SettingsUpdate, patch),
    listPrinters: () => invoke(IpcChannel.PrintersList),
    selectPrinter: (printer) => invoke(IpcChannel.PrintersSelect, printer),
    printTestLabel: () => invoke(IpcChannel.PrintTest),
    printCartonLabel: (request) => invoke(IpcChannel.PrintCartonLabel, request),
    printLabelWithDialog: (request) => invoke(IpcChannel.PrintLabelDialog, request),
    saveLabelPdf: (request) => invoke(IpcChannel.ExportLabelPdf, request),
    exportFile: (request) => invoke(IpcChannel.ExportFile, request),
    listSerialPorts: () => invoke(IpcChannel.SerialList),
    reportPendingSync: (request) => invoke(IpcChannel.SyncPendingCount, request),
    getUpdateStatus: () => invoke(IpcChannel.UpdateStatus),
    checkForUpdates: () => invoke(IpcChannel.UpdateCheck),
    restartToUpdate: () => invoke(IpcChannel.UpdateRestart),
    onScan: listen(IpcEvent.Scan),
    onNavigate: listen(IpcEvent.Navigate),
    onUpdateChanged: listen(IpcEvent.UpdateChanged),
    onQuitRequested: (flush) => {
      flushers.add(flush);
      return () => void flushers.delete(flush);
    },
  } satisfies WarehouseApi;
}
