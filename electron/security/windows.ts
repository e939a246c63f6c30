import type { BrowserWindowConstructor, BrowserWindowLike } from '../electron-api';

/**
 * Every BrowserWindow the app creates, in one file, with its webPreferences
 * written out literally so a reviewer (and electronegativity's scan) sees
 * the whole security posture at once.
 */

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface MainWindowOptions {
  bounds: WindowBounds;
  preloadPath: string;
  /** Off in packaged builds: DevTools would let anyone on the dock bypass the UI. */
  devTools: boolean;
  icon?: string;
}

export function createMainWindow(BrowserWindow: BrowserWindowConstructor, options: MainWindowOptions): BrowserWindowLike {
  return new BrowserWindow({
    ...options.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'DockScan',
    backgroundColor: '#f5f5f4',
    icon: options.icon,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: options.devTools,
    },
  });
}

/**
 * An invisible window that renders one label page for the OS print dialog or
 * for PDF. It gets no preload (no IPC at all) and no JavaScript: the page is
 * static HTML built in main.
 */
export function createLabelWindow(BrowserWindow: BrowserWindowConstructor): BrowserWindowLike {
  return new BrowserWindow({
    show: false,
    width: 420,
    height: 640,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      javascript: false,
      devTools: false,
    },
  });
}
