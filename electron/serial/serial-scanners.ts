import type { Transform } from 'node:stream';
import type { ScanEvent, SerialPortInfo } from '../../shared/ipc/contract';
import type { SerialScannerConfig } from '../../shared/ipc/settings';
import type { Schedule } from '../lifecycle/scheduler';
import type { Logger } from '../logger';
import { errorMessage } from '../logger';

/**
 * Serial (USB-CDC / RS-232) barcode scanners. Each read line becomes a scan
 * event for the renderer, which puts `raw` through the same pipeline as
 * keyboard-wedge scans; nothing here interprets barcodes.
 *
 * Scanners get unplugged all day on a dock: a port that fails or closes is
 * reopened with back-off until it is removed from Settings.
 */

export interface SerialPortLike {
  pipe<T extends NodeJS.WritableStream>(destination: T): T;
  on(event: 'open', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  readonly isOpen: boolean;
  close(callback?: (error?: Error | null) => void): void;
}

export interface PortListing {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
  serialNumber?: string | undefined;
}

export interface SerialDeps {
  /** `new SerialPort({ path, baudRate })` (opens immediately; failures arrive as 'error'). */
  openPort(config: SerialScannerConfig): SerialPortLike;
  /** Splits the byte stream into lines on CR, LF or CRLF, whichever the scanner is set to send. */
  createLineParser(): Transform;
  listPorts(): Promise<PortListing[]>;
  schedule: Schedule;
  now(): Date;
  log: Logger;
}

export const MAX_SCAN_LENGTH = 4096;
const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/** A line as the scanner sent it, minus the terminator and padding. GS (0x1D) separators are kept. */
export function scanFromLine(line: string): string | null {
  const raw = line.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  return raw.length === 0 || raw.length > MAX_SCAN_LENGTH ? null : raw;
}

interface Connection {
  config: SerialScannerConfig;
  port: SerialPortLike | null;
  failures: number;
  cancelRetry: (() => void) | null;
  stopped: boolean;
}

export function createSerialScanners(deps: SerialDeps, onScan: (scan: ScanEvent) => void) {
  const connections = new Map<string, Connection>();

  const retry = (c: Connection): void => {
    if (c.stopped || c.cancelRetry) return;
    const delay = RETRY_MS[Math.min(c.failures, RETRY_MS.length - 1)] ?? 30_000;
    c.failures += 1;
    c.cancelRetry = deps.schedule(() => {
      c.cancelRetry = null;
      open(c);
    }, delay);
  };

  const open = (c: Connection): void => {
    if (c.stopped) return;
    const port = deps.openPort(c.config);
    c.port = port;
    const lines = port.pipe(deps.createLineParser());
    lines.on('data', (chunk: Buffer | string) => {
      const raw = scanFromLine(chunk.toString());
      if (raw === null) {
        if (chunk.length > 0) deps.log.warn(`Ignored a ${chunk.length}-character read from ${c.config.path}.`);
        return;
      }
      onScan({ source: 'serial', device: c.config.path, raw, receivedAt: deps.now().toISOString() });
    });
    port.on('open', () => {
      c.failures = 0;
      deps.log.info(`Serial scanner on ${c.config.path} is connected.`);
    });
    // Events from a port we already replaced (or stopped) must not trigger another reconnect.
    const current = (): boolean => c.port === port && !c.stopped;
    port.on('error', (error) => {
      deps.log.warn(`Serial scanner on ${c.config.path}: ${errorMessage(error)}`);
      if (current() && !port.isOpen) retry(c);
    });
    port.on('close', () => {
      if (!current()) return;
      deps.log.warn(`Serial scanner on ${c.config.path} disconnected; reconnecting.`);
      retry(c);
    });
  };

  const stop = (c: Connection): void => {
    c.stopped = true;
    c.cancelRetry?.();
    c.cancelRetry = null;
    const port = c.port;
    c.port = null;
    if (port?.isOpen) port.close();
  };

  return {
    /** Opens the configured ports and closes the ones no longer listed (or listed with a new baud rate). */
    apply(configs: readonly SerialScannerConfig[]): void {
      const wanted = new Map(configs.map((c) => [c.path, c]));
      for (const [path, c] of connections) {
        if (wanted.get(path)?.baudRate !== c.config.baudRate) {
          stop(c);
          connections.delete(path);
        }
      }
      for (const config of configs) {
        if (connections.has(config.path)) continue;
        const c: Connection = { config, port: null, failures: 0, cancelRetry: null, stopped: false };
        connections.set(config.path, c);
        open(c);
      }
    },

    async list(): Promise<SerialPortInfo[]> {
      const ports = await deps.listPorts();
      return ports.map((p) => {
        const info: SerialPortInfo = { path: p.path };
        if (p.manufacturer) info.manufacturer = p.manufacturer;
        if (p.vendorId) info.vendorId = p.vendorId;
        if (p.productId) info.productId = p.productId;
        if (p.serialNumber) info.serialNumber = p.serialNumber;
        return info;
      });
    },

    stopAll(): void {
      for (const c of connections.values()) stop(c);
      connections.clear();
    },
  };
}

export type SerialScanners = ReturnType<typeof createSerialScanners>;
