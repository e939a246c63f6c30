/**
 * Composition root of the desktop app: the only main-process file that loads
 * Electron (and the native serial binding) at runtime. Everything it wires
 * is in plain modules that the unit tests run in Node with fakes.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RegexParser, SerialPort } from 'serialport';
import { uuidv7 } from 'uuidv7';
import { startDesktopApp } from './desktop-app';
import type { ElectronApi } from './electron-api';
import { realSchedule } from './lifecycle/scheduler';
import { consoleLogger } from './logger';
import { spawnCommand } from './printing/os-printer';

const electron: ElectronApi = {
  app,
  BrowserWindow,
  session,
  protocol,
  ipcMain,
  dialog,
  screen,
  net,
  setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
};

// Bundled to dist/electron/main.cjs; the renderer build sits next to it in dist/renderer.
const here = __dirname;

void startDesktopApp({
  electron,
  fs: { readFile, writeFile, rename, mkdir },
  readAsset: (file) => readFile(file),
  paths: {
    rendererRoot: path.join(here, '..', 'renderer'),
    preloadPath: path.join(here, 'preload.cjs'),
    icon: path.join(here, '..', '..', 'build', 'icon.png'),
  },
  serverUrlOverride: process.env.DOCKSCAN_SERVER_URL,
  host: { hostname: () => os.hostname(), platform: process.platform, arch: process.arch },
  versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
  newId: () => uuidv7(),
  updater: autoUpdater,
  serial: {
    openPort: (config) => new SerialPort({ path: config.path, baudRate: config.baudRate }),
    createLineParser: () => new RegexParser({ regex: /\r\n|\r|\n/ }),
    listPorts: () => SerialPort.list(),
  },
  runCommand: spawnCommand,
  schedule: realSchedule,
  now: () => new Date(),
  log: consoleLogger,
})?.catch((error: unknown) => {
  consoleLogger.error('The desktop app failed to start', error);
  app.exit(1);
});
