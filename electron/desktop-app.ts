import path from 'node:path';
import { IpcEvent } from '../shared/ipc/contract';
import { createAppProtocolHandler } from './app-protocol';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { CHROMIUM_FEATURES_OFF } from './chromium-features';
import { loadDeviceInfo } from './device/device-identity';
import type { BrowserWindowLike, ElectronApi } from './electron-api';
import { saveToUserFile, type SaveFileRequest } from './files/export-file';
import type { FsLike } from './fs-like';
import { createIpcHandlers } from './ipc/handlers';
import { isAppSender, registerIpc } from './ipc/register-ipc';
import { createRendererEvents } from './ipc/renderer-events';
import { createQuitCoordinator, type QuitCoordinator } from './lifecycle/quit-coordinator';
import type { Schedule } from './lifecycle/scheduler';
import { createSyncState } from './lifecycle/sync-state';
import { restoreBounds, trackWindowState } from './lifecycle/window-state';
import type { Logger } from './logger';
import { buildMenuTemplate } from './menu';
import { cartonLabelHtml } from './printing/label-html';
import { printHtmlWithDialog, renderHtmlToPdf } from './printing/label-window';
import { sendToNetworkPrinter } from './printing/network-printer';
import { sendToOsPrinter, type RunCommand } from './printing/os-printer';
import { createPrintService } from './printing/print-service';
import { applyContentSecurityPolicy } from './security/csp';
import { lockNavigation } from './security/navigation';
import { applyPermissionPolicy } from './security/permissions';
import { createMainWindow } from './security/windows';
import { createSerialScanners, type SerialDeps } from './serial/serial-scanners';
import { openSettingsStore, type SettingsStore } from './settings/settings-store';
import { createUpdateController, type UpdateController, type UpdaterLike } from './updates/update-controller';

/**
 * The desktop app, assembled from its parts with every platform dependency
 * passed in. `main.ts` calls this with the real Electron; the tests call it
 * with fakes and inspect what it set up.
 */

export interface DesktopDeps {
  electron: ElectronApi;
  fs: FsLike;
  readAsset(file: string): Promise<Uint8Array>;
  paths: { rendererRoot: string; preloadPath: string; icon?: string };
  /** DOCKSCAN_SERVER_URL, set by `npm start` to the server it launched. */
  serverUrlOverride?: string;
  host: { hostname(): string; platform: string; arch: string };
  versions: { electron: string; chrome: string };
  newId(): string;
  updater: UpdaterLike;
  serial: Pick<SerialDeps, 'openPort' | 'createLineParser' | 'listPorts'>;
  runCommand: RunCommand;
  schedule: Schedule;
  now(): Date;
  log: Logger;
}

export interface DesktopApp {
  window(): BrowserWindowLike | null;
  settings: SettingsStore;
  updates: UpdateController;
  quit: QuitCoordinator;
}

/** How long a quit waits for the page to confirm its IndexedDB writes. */
export const QUIT_FLUSH_TIMEOUT_MS = 10_000;
const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/**
 * Synchronous part (before `ready`): single-instance lock, global sandbox,
 * the privileged app scheme, navigation lock for every web contents.
 * Returns null when another instance already runs (it gets focused instead).
 */
export function startDesktopApp(deps: DesktopDeps): Promise<DesktopApp> | null {
  const { app, protocol } = deps.electron;
  // One instance: a second would fight over the serial ports and the profile's IndexedDB.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox();
  // Chromium holds IndexedDB completions back after keyboard input until the next frame is
  // drawn; a wedge scan is keyboard input, so its durable write would wait up to a frame
  // (~16 ms) before the scan can be confirmed. The dock app wants the confirmation at once.
  app.commandLine.appendSwitch('disable-features', CHROMIUM_FEATURES_OFF.join(','));
  protocol.registerSchemesAsPrivileged([
    // standard + secure: a real origin with IndexedDB, camera (secure context) and fetch.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, deps.log));
  return app.whenReady().then(() => boot(deps));
}

async function boot(deps: DesktopDeps): Promise<DesktopApp> {
  const { electron, log } = deps;
  const { app } = electron;
  const userData = app.getPath('userData');
  const settings = await openSettingsStore({ fs: deps.fs, dir: userData, serverUrlOverride: deps.serverUrlOverride, log });
  const deviceInfo = await loadDeviceInfo({
    fs: deps.fs,
    dir: userData,
    newId: deps.newId,
    host: deps.host,
    versions: { app: app.getVersion(), ...deps.versions },
    log,
  });

  const session = electron.session.defaultSession;
  applyPermissionPolicy(session, log);
  applyContentSecurityPolicy(session);
  electron.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererRoot: deps.paths.rendererRoot,
      readFile: deps.readAsset,
      fetch: (url, init) => electron.net.fetch(url, init),
      serverUrl: () => settings.get().serverUrl,
      log,
    }),
  );

  let win: BrowserWindowLike | null = null;
  const send = createRendererEvents(() => win?.webContents ?? null, log);
  const sync = createSyncState();
  const quit = createQuitCoordinator({
    requestFlush: () => send(IpcEvent.QuitRequested, null),
    quit: () => app.quit(),
    timeoutMs: QUIT_FLUSH_TIMEOUT_MS,
    schedule: deps.schedule,
    log,
  });
  app.on('before-quit', (event) => quit.interceptQuit(event));
  app.on('window-all-closed', () => app.quit());

  const saveFile = (request: SaveFileRequest) =>
    saveToUserFile(
      {
        showSaveDialog: (options) => electron.dialog.showSaveDialog(options),
        writeFile: (file, data) => deps.fs.writeFile(file, data),
        defaultDir: () => app.getPath('downloads'),
      },
      request,
    );

  const print = createPrintService({
    settings,
    listOsPrinters: async () => (win === null ? [] : win.webContents.getPrintersAsync()),
    sendToNetwork: (target, zpl) => sendToNetworkPrinter(target, zpl),
    sendToOs: (name, zpl) => sendToOsPrinter(name, zpl, { platform: deps.host.platform, run: deps.runCommand }),
    labelHtml: cartonLabelHtml,
    printHtml: (html, deviceName) => printHtmlWithDialog(electron.BrowserWindow, html, deviceName),
    htmlToPdf: (html) => renderHtmlToPdf(electron.BrowserWindow, html),
    savePdf: (suggestedName, data) => saveFile({ suggestedName, kind: 'pdf', data }),
    now: deps.now,
  });

  const serial = createSerialScanners({ ...deps.serial, schedule: deps.schedule, now: deps.now, log }, (scan) =>
    send(IpcEvent.Scan, scan),
  );
  serial.apply(settings.get().serialScanners);

  const updates = createUpdateController({
    updater: deps.updater,
    isPackaged: app.isPackaged,
    feedUrl: () => settings.get().updateFeedUrl,
    sync,
    confirmRestart: async (version, pending) => {
      const { response } = await electron.dialog.showMessageBox({
        type: 'info',
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
        message: `DockScan ${version} is ready to install.`,
        detail:
          pending === 0
            ? 'The app restarts in a few seconds; nothing is waiting to sync.'
            : 'The app restarts as soon as every scan has synced to the server. Scans are kept on this computer in any case.',
      });
      return response === 0;
    },
    beforeRestart: () => quit.prepare(),
    publish: (status) => void send(IpcEvent.UpdateChanged, status),
    now: deps.now,
    log,
  });

  settings.onChange((next, previous) => {
    if (JSON.stringify(next.serialScanners) !== JSON.stringify(previous.serialScanners)) serial.apply(next.serialScanners);
    if (next.updateFeedUrl !== previous.updateFeedUrl) void updates.check();
  });

  registerIpc(electron.ipcMain, createIpcHandlers({ deviceInfo, settings, print, saveFile, serial, sync, updates, quit }), isAppSender, log);

  electron.setApplicationMenu(
    buildMenuTemplate({
      platform: deps.host.platform,
      isPackaged: app.isPackaged,
      navigate: (screen) => void send(IpcEvent.Navigate, { screen }),
      checkForUpdates: () => void updates.check(),
    }),
  );

  const openWindow = (): BrowserWindowLike => {
    const { bounds, maximized } = restoreBounds(settings.windowState(), electron.screen.getAllDisplays().map((d) => d.workArea));
    const created = createMainWindow(electron.BrowserWindow, {
      bounds,
      preloadPath: deps.paths.preloadPath,
      devTools: !app.isPackaged,
      icon: deps.paths.icon,
    });
    trackWindowState(created, (state) => void settings.saveWindowState(state), deps.schedule);
    created.on('close', (event) => quit.interceptQuit(event));
    created.on('closed', () => {
      if (win === created) win = null;
    });
    created.once('ready-to-show', () => {
      if (maximized) created.maximize();
      created.show();
    });
    created.webContents.on('render-process-gone', (_event, details) => {
      log.error(`The page's renderer process ended (${details.reason}); reloading it.`);
      if (details.reason !== 'clean-exit' && !created.isDestroyed()) void created.loadURL(APP_ENTRY_URL);
    });
    void created.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('Could not load the app page', error));
    return created;
  };
  win = openWindow();

  app.on('second-instance', () => {
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const periodicCheck = (): void => {
    deps.schedule(() => {
      void updates.check();
      periodicCheck();
    }, UPDATE_CHECK_EVERY_MS);
  };
  void updates.start();
  periodicCheck();
  // After the page has flushed and the windows are gone: a scan read during the flush still arrives.
  app.on('will-quit', () => serial.stopAll());

  log.info(`DockScan ${app.getVersion()} started; renderer from ${path.basename(deps.paths.rendererRoot)}, server ${settings.get().serverUrl}.`);
  return { window: () => win, settings, updates, quit };
}
