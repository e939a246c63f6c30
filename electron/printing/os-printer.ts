import { spawn } from 'node:child_process';
import type { RawSendResult } from './raw-result';

/**
 * Raw ZPL to a printer installed in the OS. On Linux and macOS that is a
 * CUPS queue: `lp -o raw` passes the bytes through untouched. Windows has no
 * command-line raw spooler; there the label printer is used over the network
 * (TCP 9100) or labels go through the print dialog as a page.
 */

export type RunCommand = (command: string, args: readonly string[], input: Uint8Array) => Promise<{ code: number; stderr: string }>;

/** CUPS queue names: printable, no spaces, '/' or '#'; and nothing `lp` could read as an option. */
const CUPS_QUEUE = /^[^\s/#-][^\s/#]{0,126}$/;

export async function sendToOsPrinter(
  printerName: string,
  data: string | Uint8Array,
  deps: { platform: string; run: RunCommand },
): Promise<RawSendResult> {
  if (deps.platform === 'win32') {
    return {
      ok: false,
      unsupported: true,
      message: 'Raw ZPL to a Windows printer queue is not supported. Add the label printer by its network address (port 9100), or print the label with the print dialog.',
    };
  }
  if (!CUPS_QUEUE.test(printerName)) return { ok: false, message: `"${printerName}" is not a valid printer queue name.` };
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    // Arguments as an array, no shell: the queue name cannot smuggle in a command.
    const { code, stderr } = await deps.run('lp', ['-d', printerName, '-o', 'raw', '-t', 'DockScan label'], payload);
    if (code === 0) return { ok: true, bytes: payload.length };
    return { ok: false, message: `The print queue "${printerName}" refused the label: ${stderr.trim() || `lp exited with ${code}`}` };
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    return {
      ok: false,
      message: missing ? 'CUPS (the `lp` command) is not installed on this computer.' : `Could not reach the print queue "${printerName}".`,
    };
  }
}

/** The real `RunCommand`: spawn without a shell, feed stdin, collect stderr. */
export const spawnCommand: RunCommand = (command, args, input) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'ignore', 'pipe'], shell: false });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stderr }));
    child.stdin.end(input);
  });
