import { IpcChannel, type DeviceInfo, type ExportResult, type IpcResult, type SerialPortInfo } from '../../shared/ipc/contract';
import type { QuitCoordinator } from '../lifecycle/quit-coordinator';
import type { SyncState } from '../lifecycle/sync-state';
import type { PrintService } from '../printing/print-service';
import type { SettingsStore } from '../settings/settings-store';
import type { UpdateController } from '../updates/update-controller';
import { exportBytes, type SaveFileRequest } from '../files/export-file';
import type { IpcHandlers } from './register-ipc';
import { fail, ok } from './result';

/** What the IPC handlers call: thin edges over the services, no rules of their own beyond the server switch. */
export interface DesktopServices {
  deviceInfo: DeviceInfo;
  settings: SettingsStore;
  print: PrintService;
  saveFile(request: SaveFileRequest): Promise<IpcResult<ExportResult>>;
  serial: { list(): Promise<SerialPortInfo[]> };
  sync: SyncState;
  updates: UpdateController;
  quit: QuitCoordinator;
}

export function createIpcHandlers(s: DesktopServices): IpcHandlers {
  return {
    [IpcChannel.DeviceInfo]: () => ok(s.deviceInfo),
    [IpcChannel.SettingsGet]: () => ok(s.settings.get()),
    [IpcChannel.SettingsUpdate]: async (patch) => {
      const pending = s.sync.pending();
      // Unsynced events belong to the server (and warehouse) they were scanned for;
      // pointing the queue at another server would push them to the wrong books.
      if (patch.serverUrl !== undefined && patch.serverUrl !== s.settings.get().serverUrl && pending !== null && pending > 0) {
        return fail('busy', `${pending} scan${pending === 1 ? ' has' : 's have'} not synced to ${s.settings.get().serverUrl} yet. Change the server once they have synced.`);
      }
      return ok(await s.settings.update(patch));
    },
    [IpcChannel.PrintersList]: () => s.print.listPrinters(),
    [IpcChannel.PrintersSelect]: (printer) => s.print.selectPrinter(printer),
    [IpcChannel.PrintTest]: () => s.print.printTestLabel(),
    [IpcChannel.PrintCartonLabel]: ({ label, copies }) => s.print.printCartonLabel(label, copies),
    [IpcChannel.PrintLabelDialog]: ({ label }) => s.print.printWithDialog(label),
    [IpcChannel.ExportLabelPdf]: ({ label }) => s.print.saveLabelPdf(label),
    [IpcChannel.ExportFile]: (request) =>
      s.saveFile({ suggestedName: request.suggestedName, kind: request.kind, data: exportBytes(request.content, request.encoding, request.kind) }),
    [IpcChannel.SerialList]: async () => ok(await s.serial.list()),
    [IpcChannel.SyncPendingCount]: ({ count }) => {
      s.sync.report(count);
      return ok(null);
    },
    [IpcChannel.UpdateStatus]: () => ok(s.updates.status()),
    [IpcChannel.UpdateCheck]: async () => ok(await s.updates.check()),
    [IpcChannel.UpdateRestart]: async () => ok(await s.updates.requestRestart()),
    [IpcChannel.AppQuitReady]: () => {
      s.quit.rendererReady();
      return ok(null);
    },
  };
}
