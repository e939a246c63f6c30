import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { ExportKind, ExportResult, IpcResult } from '../../shared/ipc/contract';
import { errorMessage } from '../logger';
import { fail, ok } from '../ipc/result';

/**
 * Saving reports, CSV and label PDFs to a file the user picks. The page only
 * proposes a file name; the folder and final name come from the OS save
 * dialog, so the renderer can never choose where on disk data lands.
 */

const FILTERS: Readonly<Record<ExportKind, { name: string; extensions: string[] }>> = {
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  txt: { name: 'Text', extensions: ['txt'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

export interface SaveFileDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
  /** Where the dialog opens: the user's Downloads folder. */
  defaultDir(): string;
}

export interface SaveFileRequest {
  suggestedName: string;
  kind: ExportKind;
  data: Uint8Array;
}

/** UTF-8 BOM: without it Excel opens UTF-8 CSV as ANSI and mangles every accented name. */
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

export function exportBytes(content: string, encoding: 'utf8' | 'base64', kind: ExportKind): Uint8Array {
  if (encoding === 'base64') return Buffer.from(content, 'base64');
  const text = Buffer.from(content, 'utf8');
  return kind === 'csv' && !content.startsWith('\uFEFF') ? Buffer.concat([UTF8_BOM, text]) : text;
}

export async function saveToUserFile(deps: SaveFileDeps, request: SaveFileRequest): Promise<IpcResult<ExportResult>> {
  const extension = `.${request.kind}`;
  const name = request.suggestedName.toLowerCase().endsWith(extension) ? request.suggestedName : `${request.suggestedName}${extension}`;
  const choice = await deps.showSaveDialog({
    title: 'Save file',
    defaultPath: path.join(deps.defaultDir(), name),
    filters: [FILTERS[request.kind]],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return ok({ saved: false });
  const fileName = path.basename(choice.filePath);
  try {
    await deps.writeFile(choice.filePath, request.data);
  } catch (error) {
    return fail('device-error', `Could not save ${fileName}: ${errorMessage(error)}`);
  }
  return ok({ saved: true, fileName });
}
