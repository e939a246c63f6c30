/**
 * The desktop IPC channel names, declared once (Electron Fiddle's habit).
 *
 * Kept apart from the zod schemas in `contract.ts` on purpose: the sandboxed
 * preload imports only this file, so its bundle stays a few hundred bytes
 * instead of carrying zod along.
 */

/** Bumped when `window.warehouse` changes shape, so an old preload is treated as absent rather than misused. */
export const DESKTOP_API_VERSION = 1;

/** Renderer -> main requests (`ipcRenderer.invoke`). Main registers handlers for these and nothing else. */
export const IpcChannel = {
  DeviceInfo: 'device.info',
  SettingsGet: 'settings.get',
  SettingsUpdate: 'settings.update',
  PrintersList: 'printers.list',
  PrintersSelect: 'printers.select',
  PrintTest: 'print.test',
  PrintCartonLabel: 'print.cartonLabel',
  PrintLabelDialog: 'print.labelDialog',
  ExportLabelPdf: 'export.labelPdf',
  ExportFile: 'export.file',
  SerialList: 'serial.list',
  SyncPendingCount: 'sync.pendingCount',
  UpdateStatus: 'update.status',
  UpdateCheck: 'update.check',
  UpdateRestart: 'update.restart',
  AppQuitReady: 'app.quitReady',
} as const;
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Main -> renderer events (`webContents.send`). */
export const IpcEvent = {
  /** A barcode read by a serial (USB-CDC) scanner. */
  Scan: 'scan',
  /** A screen picked from the native menu. */
  Navigate: 'navigate',
  UpdateChanged: 'update.changed',
  /** The app is about to quit: finish IndexedDB writes, then answer `app.quitReady`. */
  QuitRequested: 'app.quitRequested',
} as const;
export type IpcEvent = (typeof IpcEvent)[keyof typeof IpcEvent];

const CHANNELS: ReadonlySet<string> = new Set(Object.values(IpcChannel));

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && CHANNELS.has(value);
}
