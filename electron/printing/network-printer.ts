import net from 'node:net';
import type { RawSendResult } from './raw-result';

/**
 * Raw printing over TCP (port 9100, "JetDirect"): open, write the ZPL, close.
 * Every Zebra, and most label printers, print whatever arrives on that port.
 */

export interface NetworkTarget {
  host: string;
  port: number;
}

export interface NetworkSendOptions {
  /** Connect + write budget. Printers on a dock LAN answer in milliseconds; 8 s covers a waking printer. */
  timeoutMs?: number;
  /** How long to wait for the printer to close after our last byte before calling it sent. */
  closeGraceMs?: number;
  connect?: (target: NetworkTarget) => net.Socket;
}

export function describeTarget(target: NetworkTarget): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}

function explain(error: NodeJS.ErrnoException, where: string): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `The printer at ${where} refused the connection. Is it switched on, and is raw printing on port 9100 enabled?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `No printer host is known by that name (${where}). Check the printer address in Settings.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return `The printer at ${where} cannot be reached from this computer. Check the network cable or Wi-Fi.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The printer at ${where} dropped the connection while receiving the label. Try again.`;
    default:
      return `Printing to ${where} failed: ${error.message}`;
  }
}

export function sendToNetworkPrinter(target: NetworkTarget, data: string | Uint8Array, options: NetworkSendOptions = {}): Promise<RawSendResult> {
  const { timeoutMs = 8000, closeGraceMs = 1500, connect = (t) => net.createConnection({ host: t.host, port: t.port }) } = options;
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const where = describeTarget(target);

  return new Promise((resolve) => {
    const socket = connect(target);
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const finish = (result: RawSendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, message: `The printer at ${where} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. Is it on the network?` }),
      timeoutMs,
    );
    socket.once('connect', () => {
      socket.end(payload);
    });
    // All bytes are handed to the OS. Most printers then close their side; some keep the
    // socket open until their own timeout, so after a grace period the label counts as sent.
    socket.once('finish', () => {
      graceTimer = setTimeout(() => finish({ ok: true, bytes: payload.length }), closeGraceMs);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, message: explain(error, where) }));
    socket.once('close', (hadError) => {
      if (!hadError && socket.bytesWritten >= payload.length) finish({ ok: true, bytes: payload.length });
      else finish({ ok: false, message: `The printer at ${where} closed the connection before the label was sent.` });
    });
  });
}
