import { DESKTOP_API_VERSION, IpcChannel, IpcEvent } from './channels';
import type { IpcEventPayload, IpcRequest, IpcResponse, IpcResult } from './contract';

/**
 * `window.warehouse`: the desktop app's preload API, declared once. The
 * renderer calls `getDesktopApi()`; `null` means web mode (a browser, or an
 * Electron build without this preload) and the web equivalents apply.
 */

export { DESKTOP_API_VERSION };

type Call<C extends IpcChannel> = IpcRequest<C> extends undefined
  ? () => Promise<IpcResult<IpcResponse<C>>>
  : (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;

export type Unsubscribe = () => void;
type Listen<E extends IpcEvent> = (listener: (payload: IpcEventPayload<E>) => void) => Unsubscribe;

export interface WarehouseApi {
  readonly apiVersion: typeof DESKTOP_API_VERSION;
  readonly deviceInfo: Call<typeof IpcChannel.DeviceInfo>;
  readonly getSettings: Call<typeof IpcChannel.SettingsGet>;
  /** Rejects a bad server or feed URL with `invalid-request` and a message to show as is. */
  readonly updateSettings: Call<typeof IpcChannel.SettingsUpdate>;
  readonly listPrinters: Call<typeof IpcChannel.PrintersList>;
  readonly selectPrinter: Call<typeof IpcChannel.PrintersSelect>;
  readonly printTestLabel: Call<typeof IpcChannel.PrintTest>;
  /** ZPL to the chosen label printer (network TCP 9100, or raw to an OS queue). */
  readonly printCartonLabel: Call<typeof IpcChannel.PrintCartonLabel>;
  /** The label as a page, through the operating system's print dialog (any printer). */
  readonly printLabelWithDialog: Call<typeof IpcChannel.PrintLabelDialog>;
  readonly saveLabelPdf: Call<typeof IpcChannel.ExportLabelPdf>;
  /** Save report or CSV text (or base64 binary) to a file the user picks. */
  readonly exportFile: Call<typeof IpcChannel.ExportFile>;
  readonly listSerialPorts: Call<typeof IpcChannel.SerialList>;
  /** Tell main how many events wait to be pushed; updates restart only at zero. Call on every change. */
  readonly reportPendingSync: Call<typeof IpcChannel.SyncPendingCount>;
  readonly getUpdateStatus: Call<typeof IpcChannel.UpdateStatus>;
  readonly checkForUpdates: Call<typeof IpcChannel.UpdateCheck>;
  readonly restartToUpdate: Call<typeof IpcChannel.UpdateRestart>;
  /** Serial scanner reads; feed `raw` into the same pipeline as keyboard-wedge scans. */
  readonly onScan: Listen<typeof IpcEvent.Scan>;
  /** A screen chosen in the native menu. */
  readonly onNavigate: Listen<typeof IpcEvent.Navigate>;
  readonly onUpdateChanged: Listen<typeof IpcEvent.UpdateChanged>;
  /**
   * Work to finish before the app quits or restarts (pending IndexedDB writes).
   * Main waits until every registered callback settles, up to a timeout.
   */
  readonly onQuitRequested: (flush: () => Promise<void> | void) => Unsubscribe;
}

declare global {
  interface Window {
    /** Present only in the desktop app (set by the preload through contextBridge). */
    readonly warehouse?: WarehouseApi;
  }
}

const METHODS = [
  'deviceInfo', 'getSettings', 'updateSettings', 'listPrinters', 'selectPrinter', 'printTestLabel', 'printCartonLabel',
  'printLabelWithDialog', 'saveLabelPdf', 'exportFile', 'listSerialPorts', 'reportPendingSync', 'getUpdateStatus',
  'checkForUpdates', 'restartToUpdate', 'onScan', 'onNavigate', 'onUpdateChanged', 'onQuitRequested',
] as const satisfies readonly (keyof WarehouseApi)[];

function isWarehouseApi(value: unknown): value is WarehouseApi {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.apiVersion === DESKTOP_API_VERSION && METHODS.every((m) => typeof record[m] === 'function');
}

/** The desktop API when running inside the desktop app, otherwise `null` (web mode). */
export function getDesktopApi(scope: { warehouse?: unknown } | undefined = typeof window === 'undefined' ? undefined : window): WarehouseApi | null {
  const candidate = scope?.warehouse;
  return isWarehouseApi(candidate) ? candidate : null;
}
