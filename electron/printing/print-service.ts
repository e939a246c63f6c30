import type { PrinterInfo } from 'electron';
import type { DialogPrintResult, ExportResult, IpcResult, PrinterList, PrintReceipt } from '../../shared/ipc/contract';
import type { CartonLabel } from '../../shared/ipc/labels';
import type { LabelSymbology, PrinterSelection, Settings } from '../../shared/ipc/settings';
import { fail, ok } from '../ipc/result';
import type { DialogPrintOutcome } from './label-window';
import { describeTarget, type NetworkTarget } from './network-printer';
import type { RawSendResult } from './raw-result';
import { cartonLabelZpl, testLabelZpl } from '../../shared/labels/zpl';

/**
 * Label printing, whichever way the workstation is set up: ZPL to the chosen
 * label printer (network or OS queue), or a page through the print dialog or
 * into a PDF. Device failures come back as `device-error` values with a
 * message a packer can act on.
 */

export interface PrintServiceDeps {
  settings: { get(): Settings; setPrinter(printer: PrinterSelection | null): Promise<Settings> };
  listOsPrinters(): Promise<PrinterInfo[]>;
  sendToNetwork(target: NetworkTarget, zpl: string): Promise<RawSendResult>;
  sendToOs(printerName: string, zpl: string): Promise<RawSendResult>;
  labelHtml(label: CartonLabel, symbology: LabelSymbology): Promise<string>;
  printHtml(html: string, deviceName?: string): Promise<DialogPrintOutcome>;
  htmlToPdf(html: string): Promise<Uint8Array>;
  savePdf(suggestedName: string, data: Uint8Array): Promise<IpcResult<ExportResult>>;
  now(): Date;
}

export function printerLabel(printer: PrinterSelection): string {
  if (printer.kind === 'os') return printer.name;
  const where = describeTarget(printer);
  return printer.name ? `${printer.name} (${where})` : where;
}

export function createPrintService(deps: PrintServiceDeps) {
  async function sendZpl(zpl: string, copies: number): Promise<IpcResult<PrintReceipt>> {
    const printer = deps.settings.get().printer;
    if (printer === null) return fail('not-configured', 'Choose a label printer in Settings first.');
    const result = printer.kind === 'network' ? await deps.sendToNetwork(printer, zpl) : await deps.sendToOs(printer.name, zpl);
    if (!result.ok) return fail(result.unsupported ? 'unsupported' : 'device-error', result.message);
    return ok({ printer: printerLabel(printer), bytes: result.bytes, copies });
  }

  return {
    async listPrinters(): Promise<IpcResult<PrinterList>> {
      const printers = await deps.listOsPrinters();
      return ok({
        printers: printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description })),
        selected: deps.settings.get().printer,
      });
    },

    async selectPrinter(printer: PrinterSelection | null): Promise<IpcResult<Settings>> {
      if (printer?.kind === 'os') {
        const installed = await deps.listOsPrinters();
        if (!installed.some((p) => p.name === printer.name)) {
          return fail('invalid-request', `No printer named "${printer.name}" is installed on this computer.`);
        }
      }
      return ok(await deps.settings.setPrinter(printer));
    },

    printCartonLabel(label: CartonLabel, copies: number): Promise<IpcResult<PrintReceipt>> {
      return sendZpl(cartonLabelZpl(label, deps.settings.get().label, copies), copies);
    },

    printTestLabel(): Promise<IpcResult<PrintReceipt>> {
      const { printer, label } = deps.settings.get();
      const printerName = printer === null ? '' : printerLabel(printer);
      return sendZpl(testLabelZpl({ printerName, dpi: label.dpi, printedAt: deps.now().toISOString() }), 1);
    },

    async printWithDialog(label: CartonLabel): Promise<IpcResult<DialogPrintResult>> {
      const { printer, label: layout } = deps.settings.get();
      const html = await deps.labelHtml(label, layout.symbology);
      const outcome = await deps.printHtml(html, printer?.kind === 'os' ? printer.name : undefined);
      if (outcome.printed || outcome.cancelled) return ok({ printed: outcome.printed });
      return fail('device-error', `The label did not print: ${outcome.reason}.`);
    },

    async saveLabelPdf(label: CartonLabel): Promise<IpcResult<ExportResult>> {
      const html = await deps.labelHtml(label, deps.settings.get().label.symbology);
      const pdf = await deps.htmlToPdf(html);
      return deps.savePdf(`label-${label.sscc}.pdf`, pdf);
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
