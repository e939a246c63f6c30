import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Display,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  OnHeadersReceivedListenerDetails,
  HeadersReceivedResponse,
  PrinterInfo,
  PrintToPDFOptions,
  Rectangle,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContentsPrintOptions,
  WindowOpenHandlerResponse,
} from 'electron';

/**
 * The slice of Electron's API the main-process modules use, injected so the
 * modules run (and are tested) in plain Node. Types only: the real objects
 * are passed in by `main.ts`, and assigning them to `ElectronApi` there is
 * what proves these shapes match Electron's.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  readonly id: number;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  getPrintersAsync(): Promise<PrinterInfo[]>;
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  close(): void;
  destroy(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindowLike;

export interface AppLike {
  readonly isPackaged: boolean;
  readonly commandLine: { appendSwitch(name: string, value?: string): void };
  getPath(name: 'userData' | 'downloads' | 'documents' | 'temp'): string;
  getVersion(): string;
  requestSingleInstanceLock(): boolean;
  enableSandbox(): void;
  whenReady(): Promise<void>;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

export interface InvokeEventLike {
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string; mediaTypes?: ('video' | 'audio')[] },
) => void;

export type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { mediaType?: 'video' | 'audio' | 'unknown' },
) => boolean;

export interface SessionLike {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
  setDevicePermissionHandler(handler: (details: { origin: string }) => boolean): void;
  readonly webRequest: {
    onHeadersReceived(
      listener: (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void,
    ): void;
  };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export interface DialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

export interface ScreenLike {
  getAllDisplays(): Pick<Display, 'workArea'>[];
}

export interface NetLike {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

export interface ElectronApi {
  readonly app: AppLike;
  readonly BrowserWindow: BrowserWindowConstructor;
  readonly session: { readonly defaultSession: SessionLike };
  readonly protocol: ProtocolLike;
  readonly ipcMain: IpcMainLike;
  readonly dialog: DialogLike;
  /** `Menu.setApplicationMenu(Menu.buildFromTemplate(template))`. */
  readonly setApplicationMenu: (template: MenuItemConstructorOptions[]) => void;
  readonly screen: ScreenLike;
  readonly net: NetLike;
}
