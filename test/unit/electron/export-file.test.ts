import { describe, expect, it } from 'vitest';
import { ExportFileRequest } from '../../../shared/ipc/contract';
import { exportBytes, saveToUserFile, type SaveFileDeps } from '../../../electron/files/export-file';
import type { SaveDialogOptions } from 'electron';

function deps(answer: { canceled: boolean; filePath?: string }, writeError?: Error) {
  const dialogs: SaveDialogOptions[] = [];
  const written = new Map<string, Uint8Array>();
  const d: SaveFileDeps = {
    showSaveDialog: async (options) => {
      dialogs.push(options);
      return answer;
    },
    writeFile: async (file, data) => {
      if (writeError) throw writeError;
      written.set(file, data);
    },
    defaultDir: () => '/home/dock/Downloads',
  };
  return { d, dialogs, written };
}

describe('export to a file the user picks', () => {
  it('proposes the name in Downloads with the right filter and writes where the user chose', async () => {
    const { d, dialogs, written } = deps({ canceled: false, filePath: '/home/dock/reports/variances.csv' });
    const result = await saveToUserFile(d, { suggestedName: 'variances', kind: 'csv', data: Buffer.from('a,b') });
    expect(result).toEqual({ ok: true, value: { saved: true, fileName: 'variances.csv' } });
    expect(dialogs[0]).toMatchObject({ defaultPath: '/home/dock/Downloads/variances.csv', filters: [{ extensions: ['csv'] }] });
    expect(Buffer.from(written.get('/home/dock/reports/variances.csv') ?? []).toString()).toBe('a,b');
  });

  it('reports a cancel as not saved, and a disk error as a device error', async () => {
    expect(await saveToUserFile(deps({ canceled: true }).d, { suggestedName: 'x.csv', kind: 'csv', data: Buffer.from('') })).toEqual({ ok: true, value: { saved: false } });
    const full = deps({ canceled: false, filePath: '/mnt/usb/x.csv' }, new Error('ENOSPC: no space left on device'));
    expect(await saveToUserFile(full.d, { suggestedName: 'x.csv', kind: 'csv', data: Buffer.from('') })).toEqual({
      ok: false,
      error: { code: 'device-error', message: 'Could not save x.csv: ENOSPC: no space left on device' },
    });
  });

  it('writes CSV as UTF-8 with a BOM so spreadsheet apps read accents right, and base64 as bytes', () => {
    expect([...exportBytes('Müller;1', 'utf8', 'csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(exportBytes('{"a":1}', 'utf8', 'json')).toString()).toBe('{"a":1}');
    expect(Buffer.from(exportBytes(Buffer.from('%PDF-1.7').toString('base64'), 'base64', 'pdf')).toString()).toBe('%PDF-1.7');
  });

  it('only takes a plain file name from the page', () => {
    for (const suggestedName of ['../../.bashrc', '/etc/cron.d/x', 'C:\\Windows\\x', 'a\u0000b', '..', '']) {
      expect(ExportFileRequest.safeParse({ suggestedName, kind: 'txt', content: 'x' }).success, suggestedName).toBe(false);
    }
    expect(ExportFileRequest.safeParse({ suggestedName: 'x.pdf', kind: 'pdf', content: 'not base64!', encoding: 'base64' }).success).toBe(false);
    expect(ExportFileRequest.parse({ suggestedName: 'Stock 2025-03.csv', kind: 'csv', content: 'a' }).encoding).toBe('utf8');
  });
});
