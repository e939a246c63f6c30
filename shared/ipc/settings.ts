import { z } from 'zod';
import { Line } from './text';

/** What the desktop app talks to when nobody has changed it (the sync server's default port). */
export const DEFAULT_SERVER_URL = 'http://localhost:8080';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(value: string, ctx: z.RefinementCtx, what: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a web address; write the ${what} like http://server:8080.` });
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: `The ${what} must start with http:// or https://, not ${url.protocol}//.` });
    return null;
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: `The ${what} must not contain a user name or password; you sign in inside the app.` });
    return null;
  }
  if (url.search || url.hash) {
    ctx.addIssue({ code: 'custom', message: `The ${what} must not contain ?query or #fragment parts.` });
    return null;
  }
  return url;
}

/** Origin plus path, without a trailing slash: `https://sync.example.com/wh1/` -> `https://sync.example.com/wh1`. */
const normalize = (url: URL): string => url.origin + url.pathname.replace(/\/+$/, '');

/**
 * The sync server address. Plain http is allowed: dock networks often run the
 * server on a LAN box without a certificate; the data is scans, not secrets,
 * and sign-in tokens are short-lived.
 */
export const ServerUrl = z
  .string()
  .trim()
  .min(1, 'Enter the sync server address, e.g. http://localhost:8080.')
  .max(2048)
  .transform((value, ctx) => {
    const url = parseUrl(value, ctx, 'sync server address');
    return url ? normalize(url) : z.NEVER;
  });

/**
 * The generic update feed (electron-updater's `generic` provider). HTTPS only,
 * except on loopback for testing: AppImage and deb updates carry no code
 * signature, so the transport is what stops a tampered update.
 */
export const UpdateFeedUrl = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .transform((value, ctx) => {
    const url = parseUrl(value, ctx, 'update feed address');
    if (!url) return z.NEVER;
    if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      ctx.addIssue({ code: 'custom', message: 'The update feed address must use https:// (plain http is only allowed on this computer, for testing).' });
      return z.NEVER;
    }
    return normalize(url);
  });

export const PrinterHost = z.union([z.ipv4(), z.ipv6(), z.hostname()], {
  error: 'Enter the printer host name or IP address, e.g. 192.168.1.50.',
});

/** A label printer on the network that takes raw ZPL on a TCP port (9100 on every Zebra). */
export const NetworkPrinter = z
  .object({
    kind: z.literal('network'),
    host: PrinterHost,
    port: z.number().int().min(1).max(65535).default(9100),
    name: Line(100).optional(),
  })
  .strict();
export type NetworkPrinter = z.infer<typeof NetworkPrinter>;

/** A printer installed in the operating system (a CUPS queue on Linux and macOS). */
export const OsPrinter = z.object({ kind: z.literal('os'), name: Line(256) }).strict();
export type OsPrinter = z.infer<typeof OsPrinter>;

export const PrinterSelection = z.discriminatedUnion('kind', [NetworkPrinter, OsPrinter]);
export type PrinterSelection = z.infer<typeof PrinterSelection>;

export const LabelSymbology = z.enum(['gs1-128', 'datamatrix']);
export type LabelSymbology = z.infer<typeof LabelSymbology>;

/** The print head's resolution: 8 or 12 dots per mm. */
export const LabelDpi = z.union([z.literal(203), z.literal(300)]);

/** 4x6 inch thermal labels; the printer's resolution decides the dot grid. */
export const LabelSettings = z
  .object({
    dpi: LabelDpi.default(203),
    symbology: LabelSymbology.default('gs1-128'),
  })
  .strict();
export type LabelSettings = z.infer<typeof LabelSettings>;

/** Serial device paths as the OS names them: COM3 on Windows, /dev/ttyACM0 or /dev/tty.usbmodem1 elsewhere. */
export const SerialPath = z
  .string()
  .regex(/^(COM\d{1,3}|\/dev\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)$/, 'Use a serial port path such as COM3 or /dev/ttyACM0.');

export const SerialScannerConfig = z
  .object({
    path: SerialPath,
    /** USB-CDC scanners ignore it; real RS-232 scanners need the configured rate. */
    baudRate: z.union([1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].map((r) => z.literal(r))).default(9600),
  })
  .strict();
export type SerialScannerConfig = z.infer<typeof SerialScannerConfig>;

const SerialScanners = z
  .array(SerialScannerConfig)
  .max(8)
  .refine((list) => new Set(list.map((s) => s.path)).size === list.length, 'Each serial port can be listed once.');

/** The user's desktop settings, as the renderer sees and edits them. */
export const Settings = z
  .object({
    serverUrl: ServerUrl,
    updateFeedUrl: UpdateFeedUrl.nullable(),
    printer: PrinterSelection.nullable(),
    label: LabelSettings,
    serialScanners: SerialScanners,
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/**
 * A change to the settings: only the fields given change (label fields one by
 * one too). The printer is chosen through `printers.select`, which checks it exists.
 */
export const SettingsPatch = z
  .object({
    serverUrl: ServerUrl,
    updateFeedUrl: UpdateFeedUrl.nullable(),
    label: z.object({ dpi: LabelDpi, symbology: LabelSymbology }).partial().strict(),
    serialScanners: SerialScanners,
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export function defaultSettings(serverUrl: string = DEFAULT_SERVER_URL): Settings {
  return {
    serverUrl: ServerUrl.parse(serverUrl),
    updateFeedUrl: null,
    printer: null,
    label: { dpi: 203, symbology: 'gs1-128' },
    serialScanners: [],
  };
}
