import type { BrowserWindowConstructor } from '../electron-api';
import { createLabelWindow } from '../security/windows';

/**
 * Prints or renders one static HTML page in a hidden, script-less window.
 * A data: URL keeps the page off every origin that has storage or IPC.
 */

const LABEL_PAGE_MICRONS = { width: 101_600, height: 152_400 };

async function withLabelPage<T>(BrowserWindow: BrowserWindowConstructor, html: string, use: (win: ReturnType<typeof createLabelWindow>) => Promise<T>): Promise<T> {
  const win = createLabelWindow(BrowserWindow);
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await use(win);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

export type DialogPrintOutcome = { printed: true } | { printed: false; cancelled: true } | { printed: false; cancelled: false; reason: string };

/** The OS print dialog, preselecting `deviceName` when the user has an OS printer chosen. */
export function printHtmlWithDialog(BrowserWindow: BrowserWindowConstructor, html: string, deviceName?: string): Promise<DialogPrintOutcome> {
  return withLabelPage(BrowserWindow, html, (win) =>
    new Promise((resolve) => {
      win.webContents.print(
        { silent: false, printBackground: true, deviceName, pageSize: LABEL_PAGE_MICRONS, margins: { marginType: 'none' } },
        (success, failureReason) => {
          if (success) resolve({ printed: true });
          else if (failureReason === 'cancelled') resolve({ printed: false, cancelled: true });
          else resolve({ printed: false, cancelled: false, reason: failureReason });
        },
      );
    }),
  );
}

export function renderHtmlToPdf(BrowserWindow: BrowserWindowConstructor, html: string): Promise<Buffer> {
  return withLabelPage(BrowserWindow, html, (win) =>
    win.webContents.printToPDF({ pageSize: { width: 4, height: 6 }, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } }),
  );
}
