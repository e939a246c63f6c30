import type { PrinterInfo } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type PrinterSelection, type Settings } from '../../../shared/ipc/settings';
import { ok } from '../../../electron/ipc/result';
import { cartonLabelHtml, escapeHtml, ssccPng } from '../../../electron/printing/label-html';
import { printHtmlWithDialog, renderHtmlToPdf } from '../../../electron/printing/label-window';
import { sendToOsPrinter, type RunCommand } from '../../../electron/printing/os-printer';
import { createPrintService, type PrintServiceDeps } from '../../../electron/printing/print-service';
import type { RawSendResult } from '../../../electron/printing/raw-result';
import { createFakeElectron } from './fake-electron';
import { makeCartonLabel, SSCC } from './fixtures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('raw ZPL to an OS print queue', () => {
  const recorder = () => {
    const calls: { command: string; args: readonly string[]; input: string }[] = [];
    const run: RunCommand = async (command, args, input) => {
      calls.push({ command, args, input: Buffer.from(input).toString('utf8') });
      return { code: 0, stderr: '' };
    };
    return { calls, run };
  };

  it('pipes the bytes to `lp -o raw` on the chosen CUPS queue, without a shell', async () => {
    const { calls, run } = recorder();
    const result = await sendToOsPrinter('Zebra_ZD421', '^XA^XZ', { platform: 'linux', run });
    expect(result).toEqual({ ok: true, bytes: 6 });
    expect(calls).toEqual([{ command: 'lp', args: ['-d', 'Zebra_ZD421', '-o', 'raw', '-t', 'DockScan label'], input: '^XA^XZ' }]);
  });

  it.each(['Zebra; rm -rf ~', '-oraw', 'a/b', 'with space', ''])('refuses the queue name %j', async (name) => {
    const { calls, run } = recorder();
    expect((await sendToOsPrinter(name, '^XA^XZ', { platform: 'linux', run })).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('says plainly that Windows queues need the network path or the dialog', async () => {
    const { run } = recorder();
    expect(await sendToOsPrinter('Zebra', '^XA^XZ', { platform: 'win32', run })).toMatchObject({ ok: false, unsupported: true, message: expect.stringContaining('port 9100') });
  });

  it('reports lp failures and a missing CUPS', async () => {
    const refused: RunCommand = async () => ({ code: 1, stderr: 'lp: The printer or class does not exist.\n' });
    expect(await sendToOsPrinter('Gone', 'x', { platform: 'linux', run: refused })).toEqual({
      ok: false,
      message: 'The print queue "Gone" refused the label: lp: The printer or class does not exist.',
    });
    const missing: RunCommand = async () => {
      throw Object.assign(new Error('spawn lp ENOENT'), { code: 'ENOENT' });
    };
    expect(await sendToOsPrinter('Zebra', 'x', { platform: 'darwin', run: missing })).toEqual({ ok: false, message: 'CUPS (the `lp` command) is not installed on this computer.' });
  });
});

describe('the label as a page (print dialog and PDF)', () => {
  it('renders the SSCC with bwip-js to a PNG for both symbologies', async () => {
    for (const symbology of ['gs1-128', 'datamatrix'] as const) {
      const png = await ssccPng(SSCC, symbology);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
  });

  it('embeds the barcode as a data URL under a CSP that loads nothing else, and escapes every text', async () => {
    const label = makeCartonLabel({ shipTo: { ...makeCartonLabel().shipTo, name: '<img src=x onerror=alert(1)> & "Co"' } });
    const html = await cartonLabelHtml(label, 'gs1-128');
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).toMatch(/<img alt="SSCC barcode" src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+">/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Co&#34;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(`(00) ${SSCC}`);
    expect(html).toContain('2 of 5');
    expect(html).toContain('@page { size: 4in 6in; margin: 0 }');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('prints through the OS dialog in a hidden, script-less window, then closes it', async () => {
    const electron = createFakeElectron();
    const outcome = await printHtmlWithDialog(electron.api.BrowserWindow, '<p>label</p>', 'Zebra_ZD421');
    expect(outcome).toEqual({ printed: true });
    const win = electron.windows[0];
    expect(win?.options.webPreferences?.javascript).toBe(false);
    expect(win?.loadedUrls[0]).toBe(`data:text/html;charset=utf-8;base64,${Buffer.from('<p>label</p>').toString('base64')}`);
    expect(win?.webContents.printCalls[0]).toMatchObject({ silent: false, deviceName: 'Zebra_ZD421', pageSize: { width: 101_600, height: 152_400 } });
    expect(win?.destroyed).toBe(true);
  });

  it('tells a cancelled dialog from a failed print', async () => {
    const electron = createFakeElectron();
    const cancelled = printHtmlWithDialog(electron.api.BrowserWindow, 'x');
    const first = electron.windows[0];
    if (first) first.webContents.printOutcome = [false, 'cancelled'];
    // The outcome is read when print() is called, after loadURL resolves.
    expect(await cancelled).toEqual({ printed: false, cancelled: true });
  });

  it('renders a 4x6 inch PDF and closes the window even when rendering fails', async () => {
    const electron = createFakeElectron();
    expect((await renderHtmlToPdf(electron.api.BrowserWindow, 'x')).toString()).toContain('%PDF');
    const broken = createFakeElectron();
    const failing = renderHtmlToPdf(broken.api.BrowserWindow, 'x');
    const win = broken.windows[0];
    if (win) win.webContents.printToPDF = () => Promise.reject(new Error('renderer gone'));
    await expect(failing).rejects.toThrow('renderer gone');
    expect(win?.destroyed).toBe(true);
  });
});

describe('print service', () => {
  const installed: PrinterInfo[] = [{ name: 'Zebra_ZD421', displayName: 'Zebra ZD421', description: 'Dock 3', options: {} }];

  function service(printer: PrinterSelection | null, overrides: Partial<PrintServiceDeps> = {}) {
    let settings: Settings = { ...defaultSettings(), printer };
    const network = vi.fn(async (_t: { host: string; port: number }, zpl: string): Promise<RawSendResult> => ({ ok: true, bytes: Buffer.byteLength(zpl) }));
    const os = vi.fn(async (_name: string, zpl: string): Promise<RawSendResult> => ({ ok: true, bytes: Buffer.byteLength(zpl) }));
    const deps: PrintServiceDeps = {
      settings: {
        get: () => settings,
        setPrinter: async (p) => (settings = { ...settings, printer: p }),
      },
      listOsPrinters: async () => installed,
      sendToNetwork: network,
      sendToOs: os,
      labelHtml: async () => '<html>label</html>',
      printHtml: async () => ({ printed: true }),
      htmlToPdf: async () => Buffer.from('%PDF'),
      savePdf: async (name) => ok({ saved: true, fileName: name }),
      now: () => new Date('2025-03-01T10:00:00Z'),
      ...overrides,
    };
    return { print: createPrintService(deps), network, os, settings: () => settings };
  }

  it('asks for a printer first when none is chosen', async () => {
    const { print } = service(null);
    expect(await print.printCartonLabel(makeCartonLabel(), 1)).toEqual({
      ok: false,
      error: { code: 'not-configured', message: 'Choose a label printer in Settings first.' },
    });
  });

  it('sends carton label ZPL to the network printer and says where it went', async () => {
    const { print, network } = service({ kind: 'network', host: '10.0.0.7', port: 9100, name: 'Zebra dock 3' });
    const result = await print.printCartonLabel(makeCartonLabel(), 2);
    expect(result).toMatchObject({ ok: true, value: { printer: 'Zebra dock 3 (10.0.0.7:9100)', copies: 2 } });
    const [target, zpl] = network.mock.calls[0] ?? [];
    expect(target).toMatchObject({ host: '10.0.0.7', port: 9100 });
    expect(zpl).toContain(`^FD>;>800${SSCC}^FS`);
    expect(zpl).toContain('^PQ2');
  });

  it('sends to an OS queue when one is chosen, and the test label too', async () => {
    const { print, os } = service({ kind: 'os', name: 'Zebra_ZD421' });
    expect((await print.printTestLabel()).ok).toBe(true);
    expect(os.mock.calls[0]?.[0]).toBe('Zebra_ZD421');
    expect(os.mock.calls[0]?.[1]).toContain('Printer: Zebra_5FZD421'); // the underscore travels as ^FH hex
  });

  it('maps device failures to device-error and platform limits to unsupported', async () => {
    const down = service({ kind: 'network', host: '10.0.0.7', port: 9100 }, { sendToNetwork: async () => ({ ok: false, message: 'refused' }) });
    expect(await down.print.printTestLabel()).toEqual({ ok: false, error: { code: 'device-error', message: 'refused' } });
    const windows = service({ kind: 'os', name: 'Zebra' }, { sendToOs: async () => ({ ok: false, unsupported: true, message: 'no raw on Windows' }) });
    expect(await windows.print.printTestLabel()).toEqual({ ok: false, error: { code: 'unsupported', message: 'no raw on Windows' } });
  });

  it('lists OS printers with the selection, and only lets installed ones be chosen', async () => {
    const { print, settings } = service(null);
    expect(await print.listPrinters()).toEqual({
      ok: true,
      value: { printers: [{ name: 'Zebra_ZD421', displayName: 'Zebra ZD421', description: 'Dock 3' }], selected: null },
    });
    expect(await print.selectPrinter({ kind: 'os', name: 'Ghost' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(settings().printer).toBeNull();
    expect((await print.selectPrinter({ kind: 'os', name: 'Zebra_ZD421' })).ok).toBe(true);
    expect(settings().printer).toEqual({ kind: 'os', name: 'Zebra_ZD421' });
    expect((await print.selectPrinter({ kind: 'network', host: 'zebra-dock-3.lan', port: 9100 })).ok).toBe(true);
    expect((await print.selectPrinter(null)).ok).toBe(true);
  });

  it('prints through the dialog on the chosen OS printer, and treats a cancel as not printed', async () => {
    const printHtml = vi.fn(async () => ({ printed: false as const, cancelled: true as const }));
    const { print } = service({ kind: 'os', name: 'Zebra_ZD421' }, { printHtml });
    expect(await print.printWithDialog(makeCartonLabel())).toEqual({ ok: true, value: { printed: false } });
    expect(printHtml).toHaveBeenCalledWith('<html>label</html>', 'Zebra_ZD421');
  });

  it('saves the label PDF under a name with the SSCC', async () => {
    const { print } = service(null);
    expect(await print.saveLabelPdf(makeCartonLabel())).toEqual({ ok: true, value: { saved: true, fileName: `label-${SSCC}.pdf` } });
  });
});
