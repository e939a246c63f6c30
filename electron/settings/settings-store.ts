import path from 'node:path';
import { z } from 'zod';
import { defaultSettings, ServerUrl, Settings, type PrinterSelection, type SettingsPatch } from '../../shared/ipc/settings';
import { isMissingFile, writeFileAtomic, type FsLike } from '../fs-like';
import type { Logger } from '../logger';
import { errorMessage } from '../logger';

/** Last window position and size; main-only, never sent to the page. */
export const WindowState = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(400).max(20_000),
    height: z.number().int().min(300).max(20_000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowState = z.infer<typeof WindowState>;

export type StoredSettings = Settings & { windowState: WindowState | null };

/**
 * Reading the file is forgiving field by field: one bad value (hand-edited,
 * or written by a newer version) falls back to its default instead of
 * resetting everything or refusing to start.
 */
function storedSchema(defaults: Settings) {
  const field = Settings.shape;
  return z.object({
    serverUrl: field.serverUrl.catch(defaults.serverUrl),
    updateFeedUrl: field.updateFeedUrl.catch(defaults.updateFeedUrl),
    printer: field.printer.catch(defaults.printer),
    label: field.label.catch(defaults.label),
    serialScanners: field.serialScanners.catch(defaults.serialScanners),
    windowState: WindowState.nullable().catch(null),
  });
}

export interface SettingsStore {
  /** The user-facing settings (what `settings.get` returns). */
  get(): Settings;
  windowState(): WindowState | null;
  /** Applies an already validated patch and saves; resolves once the file is written. */
  update(patch: z.output<typeof SettingsPatch>): Promise<Settings>;
  setPrinter(printer: PrinterSelection | null): Promise<Settings>;
  saveWindowState(state: WindowState): Promise<void>;
  onChange(listener: (next: Settings, previous: Settings) => void): void;
}

export interface SettingsStoreDeps {
  fs: FsLike;
  /** The user data folder (app.getPath('userData')). */
  dir: string;
  /** DOCKSCAN_SERVER_URL from `npm start`, used when the file sets none. */
  serverUrlOverride?: string;
  log: Logger;
}

export const SETTINGS_FILE = 'settings.json';

export async function openSettingsStore(deps: SettingsStoreDeps): Promise<SettingsStore> {
  const file = path.join(deps.dir, SETTINGS_FILE);
  const defaults = defaultSettings(validOverride(deps.serverUrlOverride, deps.log));
  let state: StoredSettings = await read(deps, file, defaults);
  const listeners: ((next: Settings, previous: Settings) => void)[] = [];
  let writes: Promise<void> = Promise.resolve();

  const publicView = ({ windowState: _ignored, ...settings }: StoredSettings): Settings => settings;

  // Writes are chained so two quick changes can never land out of order.
  const save = (next: StoredSettings): Promise<void> => {
    const previous = publicView(state);
    state = next;
    const write = writes.then(async () => {
      await deps.fs.mkdir(deps.dir, { recursive: true });
      await writeFileAtomic(deps.fs, file, JSON.stringify(state, null, 2));
    });
    writes = write.catch((error: unknown) => deps.log.error(`Could not save settings: ${errorMessage(error)}`, error));
    const current = publicView(state);
    if (JSON.stringify(current) !== JSON.stringify(previous)) for (const l of listeners) l(current, previous);
    return write;
  };

  return {
    get: () => publicView(state),
    windowState: () => state.windowState,
    update: async ({ serverUrl, updateFeedUrl, label, serialScanners }) => {
      await save({
        ...state,
        serverUrl: serverUrl ?? state.serverUrl,
        updateFeedUrl: updateFeedUrl === undefined ? state.updateFeedUrl : updateFeedUrl,
        label: { ...state.label, ...label },
        serialScanners: serialScanners ?? state.serialScanners,
      });
      return publicView(state);
    },
    setPrinter: async (printer) => {
      await save({ ...state, printer });
      return publicView(state);
    },
    saveWindowState: (windowState) => save({ ...state, windowState }),
    onChange: (listener) => void listeners.push(listener),
  };
}

function validOverride(raw: string | undefined, log: Logger): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const parsed = ServerUrl.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn(`Ignoring DOCKSCAN_SERVER_URL: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return undefined;
}

async function read(deps: SettingsStoreDeps, file: string, defaults: Settings): Promise<StoredSettings> {
  const fallback: StoredSettings = { ...defaults, windowState: null };
  let text: string;
  try {
    text = await deps.fs.readFile(file, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) deps.log.error(`Could not read ${file}; using defaults`, error);
    return fallback;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    deps.log.warn(`${file} is not valid JSON; using defaults (the broken file is kept as ${SETTINGS_FILE}.broken).`);
    await deps.fs.rename(file, `${file}.broken`).catch(() => undefined);
    return fallback;
  }
  const parsed = storedSchema(defaults).safeParse(json);
  return parsed.success ? parsed.data : fallback;
}
