import { z } from 'zod';
import { IpcChannel, IpcEvent } from './channels';
import { CartonLabel } from './labels';
import { PrinterSelection, Settings, SettingsPatch } from './settings';
import { hasNoControlChars } from './text';

/**
 * The desktop IPC contract: every channel's request and response schema, in
 * one place. Main validates requests (and its own responses) against it; the
 * renderer's types come from it through `window-api.ts`.
 */

export { IpcChannel, IpcEvent, isIpcChannel } from './channels';

// ---- errors are values ----------------------------------------------------

export const IpcErrorCode = z.enum([
  /** The call came from a frame that is not the app's own page. */
  'untrusted-sender',
  /** The request did not match the channel's schema; `issues` says where. */
  'invalid-request',
  /** A setting is missing, e.g. no label printer chosen yet. */
  'not-configured',
  /** Something must finish first, e.g. unsynced scans before switching servers. */
  'busy',
  /** This platform or build cannot do it (e.g. raw printing to a Windows queue). */
  'unsupported',
  /** A printer, port or file refused or failed. */
  'device-error',
  /** A bug in main; details are in main's log, not sent to the page. */
  'internal',
]);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

export const IpcError = z
  .object({
    code: IpcErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .strict();
export type IpcError = z.infer<typeof IpcError>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

// ---- payloads -------------------------------------------------------------

export const DeviceInfo = z
  .object({
    /** Stable per installation (kept in the user data folder), not per user or server enrolment. */
    installationId: z.uuid(),
    /** Suggested device name when enrolling the workstation on the server. */
    hostname: z.string(),
    platform: z.string(),
    arch: z.string(),
    appVersion: z.string(),
    electronVersion: z.string(),
    chromeVersion: z.string(),
  })
  .strict();
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const OsPrinterInfo = z
  .object({ name: z.string(), displayName: z.string(), description: z.string() })
  .strict();
export type OsPrinterInfo = z.infer<typeof OsPrinterInfo>;

export const PrinterList = z
  .object({ printers: z.array(OsPrinterInfo), selected: PrinterSelection.nullable() })
  .strict();
export type PrinterList = z.infer<typeof PrinterList>;

export const PrintCartonLabelRequest = z
  .object({ label: CartonLabel, copies: z.number().int().min(1).max(99).default(1) })
  .strict();
export type PrintCartonLabelRequest = z.input<typeof PrintCartonLabelRequest>;

export const LabelRequest = z.object({ label: CartonLabel }).strict();
export type LabelRequest = z.input<typeof LabelRequest>;

export const PrintReceipt = z
  .object({
    /** Where it went, for the confirmation toast: "Zebra dock 3 (10.0.0.7:9100)". */
    printer: z.string(),
    bytes: z.number().int().nonnegative(),
    copies: z.number().int().positive(),
  })
  .strict();
export type PrintReceipt = z.infer<typeof PrintReceipt>;

export const DialogPrintResult = z.object({ printed: z.boolean() }).strict();
export type DialogPrintResult = z.infer<typeof DialogPrintResult>;

/** 50 MB of text: a year of CSV report rows fits; a runaway page does not fill the disk. */
export const MAX_EXPORT_CHARS = 50 * 1024 * 1024;

export const ExportKind = z.enum(['csv', 'json', 'txt', 'pdf']);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportFileRequest = z
  .object({
    /** File name only, no folders: the user picks the folder in the save dialog. */
    suggestedName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .refine(hasNoControlChars, 'must not contain control characters')
      .refine((n) => !/[\\/:*?"<>|]/.test(n) && n !== '.' && n !== '..', 'must be a file name without folders or \\ / : * ? " < > |'),
    kind: ExportKind,
    content: z.string().max(MAX_EXPORT_CHARS),
    /** `base64` for binary content (PDF); text is written as UTF-8. */
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
  })
  .strict()
  .refine((r) => r.encoding === 'utf8' || z.base64().safeParse(r.content).success, {
    message: 'content is not valid base64',
    path: ['content'],
  });
export type ExportFileRequest = z.input<typeof ExportFileRequest>;

export const ExportResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), fileName: z.string() }).strict(),
  z.object({ saved: z.literal(false) }).strict(),
]);
export type ExportResult = z.infer<typeof ExportResult>;

export const SerialPortInfo = z
  .object({
    path: z.string(),
    manufacturer: z.string().optional(),
    vendorId: z.string().optional(),
    productId: z.string().optional(),
    serialNumber: z.string().optional(),
  })
  .strict();
export type SerialPortInfo = z.infer<typeof SerialPortInfo>;

export const PendingCount = z.object({ count: z.number().int().min(0).max(100_000_000) }).strict();
export type PendingCount = z.infer<typeof PendingCount>;

export const UpdateStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disabled'), reason: z.enum(['no-feed-url', 'not-packaged']) }).strict(),
  z.object({ state: z.literal('idle'), lastCheckedAt: z.iso.datetime().nullable() }).strict(),
  z.object({ state: z.literal('checking') }).strict(),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }).strict(),
  z.object({ state: z.literal('downloaded'), version: z.string() }).strict(),
  /** Restart asked for, held back until the renderer reports no unsynced events. */
  z.object({ state: z.literal('waiting-for-sync'), version: z.string(), pending: z.number().int().nullable() }).strict(),
  z.object({ state: z.literal('restarting'), version: z.string() }).strict(),
  z.object({ state: z.literal('error'), message: z.string() }).strict(),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** The main screens, as the native menu names them. */
export const Screen = z.enum(['receiving', 'putaway', 'picking', 'packing', 'shipping', 'counts', 'returns', 'supervisor', 'outcomes', 'settings']);
export type Screen = z.infer<typeof Screen>;

export const NavigateEvent = z.object({ screen: Screen }).strict();
export type NavigateEvent = z.infer<typeof NavigateEvent>;

/** One barcode read, as the scanner sent it (symbology prefix and GS separators included). */
export const ScanEvent = z
  .object({
    source: z.literal('serial'),
    /** The port it came from, e.g. /dev/ttyACM0. */
    device: z.string(),
    raw: z.string().min(1).max(4096),
    receivedAt: z.iso.datetime(),
  })
  .strict();
export type ScanEvent = z.infer<typeof ScanEvent>;

// ---- the contract -----------------------------------------------------------

const none = z.undefined();

export const ipcContract = {
  [IpcChannel.DeviceInfo]: { request: none, response: DeviceInfo },
  [IpcChannel.SettingsGet]: { request: none, response: Settings },
  [IpcChannel.SettingsUpdate]: { request: SettingsPatch, response: Settings },
  [IpcChannel.PrintersList]: { request: none, response: PrinterList },
  [IpcChannel.PrintersSelect]: { request: PrinterSelection.nullable(), response: Settings },
  [IpcChannel.PrintTest]: { request: none, response: PrintReceipt },
  [IpcChannel.PrintCartonLabel]: { request: PrintCartonLabelRequest, response: PrintReceipt },
  [IpcChannel.PrintLabelDialog]: { request: LabelRequest, response: DialogPrintResult },
  [IpcChannel.ExportLabelPdf]: { request: LabelRequest, response: ExportResult },
  [IpcChannel.ExportFile]: { request: ExportFileRequest, response: ExportResult },
  [IpcChannel.SerialList]: { request: none, response: z.array(SerialPortInfo) },
  [IpcChannel.SyncPendingCount]: { request: PendingCount, response: z.null() },
  [IpcChannel.UpdateStatus]: { request: none, response: UpdateStatus },
  [IpcChannel.UpdateCheck]: { request: none, response: UpdateStatus },
  [IpcChannel.UpdateRestart]: { request: none, response: UpdateStatus },
  [IpcChannel.AppQuitReady]: { request: none, response: z.null() },
} as const satisfies { readonly [C in IpcChannel]: { request: z.ZodType; response: z.ZodType } };

export const ipcEvents = {
  [IpcEvent.Scan]: ScanEvent,
  [IpcEvent.Navigate]: NavigateEvent,
  [IpcEvent.UpdateChanged]: UpdateStatus,
  [IpcEvent.QuitRequested]: z.null(),
} as const satisfies { readonly [E in IpcEvent]: z.ZodType };

/** What the renderer passes (before defaults are applied). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** What main's handler receives (validated, defaults applied). */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]>;
