import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  HeadersReceivedResponse,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  OnHeadersReceivedListenerDetails,
  PrinterInfo,
  SaveDialogOptions,
  WebContentsPrintOptions,
  WindowOpenHandlerResponse,
} from 'electron';
import type {
  ElectronApi,
  InvokeEventLike,
  PermissionCheckHandler,
  PermissionRequestHandler,
  PreventableEvent,
} from '../../../electron/electron-api';
import type { Logger } from '../../../electron/logger';
import type { FsLike } from '../../../electron/fs-like';
import type { Schedule } from '../../../electron/lifecycle/scheduler';

/**
 * A stand-in for the parts of Electron that main uses, recording what the
 * app does to it. Passed where `main.ts` passes the real module, so the tests
 * exercise the real wiring (the Electron binary cannot be downloaded here).
 */

let nextContentsId = 1;

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | null = null;
  printers: PrinterInfo[] = [];
  readonly printCalls: WebContentsPrintOptions[] = [];
  printOutcome: [boolean, string] = [true, ''];
  pdf = Buffer.from('%PDF-1.7\n% fake\n');
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async getPrintersAsync(): Promise<PrinterInfo[]> {
    return this.printers;
  }
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    callback(...this.printOutcome);
  }
  async printToPDF(): Promise<Buffer> {
    return this.pdf;
  }
  /** What Chromium does before a page-initiated navigation: ask the listeners, return whether it may go ahead. */
  navigate(url: string): boolean {
    const event = new FakeEvent();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}

export class FakeWindowBase extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  bounds = { x: 10, y: 20, width: 1280, height: 800 };
  shown = false;
  focused = false;
  maximized = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Like Electron: a channel without a handler rejects the renderer's invoke. */
  async invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const APP_PAGE = 'dockscan://app/receiving';

export function senderAt(url: string, parent: unknown = null): InvokeEventLike {
  return { senderFrame: { url, parent } };
}

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: { origin: string }) => boolean) | null = null;
  headersListener: ((details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: { origin: string }) => boolean): void {
    this.devicePermissionHandler = handler;
  }
  readonly webRequest = {
    onHeadersReceived: (listener: NonNullable<FakeSession['headersListener']>): void => {
      this.headersListener = listener;
    },
  };
  /** Ask the permission request handler, as Chromium would. */
  request(permission: string, details: { requestingUrl?: string; mediaTypes?: ('video' | 'audio')[] }): boolean {
    let granted: boolean | null = null;
    this.permissionRequestHandler?.(null, permission, (g) => (granted = g), details);
    if (granted === null) throw new Error('permission handler did not answer');
    return granted;
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  sandboxed = false;
  quitCalls = 0;
  quitting = false;
  readonly switches: [string, string | undefined][] = [];
  readonly commandLine = { appendSwitch: (name: string, value?: string) => void this.switches.push([name, value]) };
  readonly paths: Record<string, string> = { userData: '/user-data', downloads: '/home/dock/Downloads', documents: '/home/dock/Documents', temp: '/tmp' };

  getPath(name: 'userData' | 'downloads' | 'documents' | 'temp'): string {
    const value = this.paths[name];
    if (value === undefined) throw new Error(`no path ${name}`);
    return value;
  }
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  async whenReady(): Promise<void> {}
  /** Like Electron: `before-quit` may cancel; otherwise the app quits. */
  quit(): void {
    this.quitCalls += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) {
      this.quitting = true;
      this.emit('will-quit');
    }
  }
}

export interface FakeElectron {
  api: ElectronApi;
  app: FakeApp;
  session: FakeSession;
  ipcMain: FakeIpcMain;
  windows: FakeWindowBase[];
  schemes: CustomScheme[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  menus: MenuItemConstructorOptions[][];
  saveDialogs: SaveDialogOptions[];
  messageBoxes: MessageBoxOptions[];
  saveDialogAnswer: { canceled: boolean; filePath?: string };
  messageBoxAnswer: number;
  fetchCalls: { url: string; init?: RequestInit }[];
}

export function createFakeElectron(): FakeElectron {
  const app = new FakeApp();
  const session = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const windows: FakeWindowBase[] = [];
  const state = {
    schemes: [] as CustomScheme[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    menus: [] as MenuItemConstructorOptions[][],
    saveDialogs: [] as SaveDialogOptions[],
    messageBoxes: [] as MessageBoxOptions[],
    saveDialogAnswer: { canceled: true } as { canceled: boolean; filePath?: string },
    messageBoxAnswer: 1,
    fetchCalls: [] as { url: string; init?: RequestInit }[],
  };
  class BrowserWindow extends FakeWindowBase {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options);
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  const api: ElectronApi = {
    app,
    BrowserWindow,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => void state.schemes.push(...schemes),
      handle: (scheme, handler) => void state.protocolHandlers.set(scheme, handler),
    },
    ipcMain,
    dialog: {
      showSaveDialog: async (options) => {
        state.saveDialogs.push(options);
        return { canceled: state.saveDialogAnswer.canceled, filePath: state.saveDialogAnswer.filePath ?? '' };
      },
      showMessageBox: async (options) => {
        state.messageBoxes.push(options);
        return { response: state.messageBoxAnswer, checkboxChecked: false };
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    net: {
      fetch: async (url, init) => {
        state.fetchCalls.push({ url, init });
        return Response.json({ status: 'ok' });
      },
    },
    setApplicationMenu: (template) => void state.menus.push(template),
  };
  // `state` is returned itself (not spread) so answers set by a test reach the fakes above.
  return Object.assign(state, { api, app, session, ipcMain, windows });
}

/** An in-memory file system with the calls main makes. */
export class MemoryFs implements FsLike {
  readonly files = new Map<string, string | Uint8Array>();
  readonly dirs = new Set<string>();
  async readFile(file: string): Promise<string> {
    const data = this.files.get(file);
    if (data === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT' });
    return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  }
  async writeFile(file: string, data: string | Uint8Array): Promise<void> {
    this.files.set(file, data);
  }
  async rename(from: string, to: string): Promise<void> {
    const data = this.files.get(from);
    if (data === undefined) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
    this.files.delete(from);
    this.files.set(to, data);
  }
  async mkdir(dir: string): Promise<undefined> {
    this.dirs.add(dir);
    return undefined;
  }
  text(file: string): string {
    const data = this.files.get(file);
    if (data === undefined) throw new Error(`no file ${file}`);
    return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  }
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`);
  }
}

/** Timers under the test's control: `advance(ms)` runs what falls due, in order. */
export class ManualClock {
  private now = 0;
  private tasks: { at: number; run: () => void; id: number }[] = [];
  private nextId = 0;
  readonly schedule: Schedule = (run, delayMs) => {
    const id = this.nextId++;
    this.tasks.push({ at: this.now + delayMs, run, id });
    return () => {
      this.tasks = this.tasks.filter((t) => t.id !== id);
    };
  };
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.tasks[0];
      if (next === undefined || next.at > until) break;
      this.tasks.shift();
      this.now = next.at;
      next.run();
    }
    this.now = until;
  }
  pending(): number {
    return this.tasks.length;
  }
}
