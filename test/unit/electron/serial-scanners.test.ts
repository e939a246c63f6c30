import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { RegexParser, SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../../shared/ipc/contract';
import { createSerialScanners, scanFromLine, type SerialDeps, type SerialPortLike } from '../../../electron/serial/serial-scanners';
import { ManualClock, RecordingLogger } from './fake-electron';

const GS = '\u001d';
const NOW = new Date('2025-03-01T10:00:00.000Z');

/** serialport's own mock binding: a real SerialPortStream over a fake device. */
function mockDeps(clock: ManualClock, log = new RecordingLogger()): SerialDeps & { opened: SerialPortMock[] } {
  const opened: SerialPortMock[] = [];
  return {
    opened,
    openPort: (config) => {
      const port = new SerialPortMock({ path: config.path, baudRate: config.baudRate });
      opened.push(port);
      return port;
    },
    createLineParser: () => new RegexParser({ regex: /\r\n|\r|\n/ }),
    listPorts: () => SerialPortMock.list(),
    schedule: clock.schedule,
    now: () => NOW,
    log,
  };
}

const waitForOpen = (port: SerialPortMock | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (port === undefined) return reject(new Error('no port opened'));
    if (port.isOpen) return resolve();
    port.once('open', () => resolve());
    port.once('error', reject);
  });

/** Until `count` scans arrived (data flows through streams asynchronously). */
async function collect(scans: ScanEvent[], count: number): Promise<ScanEvent[]> {
  for (let i = 0; i < 200 && scans.length < count; i++) await new Promise((r) => setTimeout(r, 5));
  return scans;
}

beforeEach(() => SerialPortMock.binding.reset());
afterEach(() => SerialPortMock.binding.reset());

describe('serial barcode scanners', () => {
  it('turns each CR, LF or CRLF terminated read into one scan event, keeping GS separators', async () => {
    SerialPortMock.binding.createPort('/dev/ttyACM0', { manufacturer: 'Zebra', vendorId: '05e0', productId: '1300' });
    const clock = new ManualClock();
    const deps = mockDeps(clock);
    const scans: ScanEvent[] = [];
    const scanners = createSerialScanners(deps, (scan) => scans.push(scan));
    scanners.apply([{ path: '/dev/ttyACM0', baudRate: 9600 }]);
    const port = deps.opened[0];
    await waitForOpen(port);

    // A GS1-128 read with symbology identifier and a GS between lot and expiry, split across USB packets.
    port?.port?.emitData(`]C10109506000134352${'10ABC123'}${GS}`);
    port?.port?.emitData('17251231\r');
    port?.port?.emitData('LOC-A-01-02\r\n');
    port?.port?.emitData('TOTE-17\n\r\n  \r');
    await collect(scans, 3);

    expect(scans).toEqual([
      { source: 'serial', device: '/dev/ttyACM0', raw: `]C1010950600013435210ABC123${GS}17251231`, receivedAt: NOW.toISOString() },
      { source: 'serial', device: '/dev/ttyACM0', raw: 'LOC-A-01-02', receivedAt: NOW.toISOString() },
      { source: 'serial', device: '/dev/ttyACM0', raw: 'TOTE-17', receivedAt: NOW.toISOString() },
    ]);
    scanners.stopAll();
  });

  it('lists ports with what the OS knows about them', async () => {
    SerialPortMock.binding.createPort('/dev/ttyACM0', { manufacturer: 'Zebra', vendorId: '05e0', productId: '1300' });
    const scanners = createSerialScanners(mockDeps(new ManualClock()), () => undefined);
    expect(await scanners.list()).toEqual([
      expect.objectContaining({ path: '/dev/ttyACM0', manufacturer: 'Zebra', vendorId: '05e0', productId: '1300' }),
    ]);
  });

  it('keeps retrying a scanner that is not plugged in yet, and picks it up when it is', async () => {
    const clock = new ManualClock();
    const log = new RecordingLogger();
    const deps = mockDeps(clock, log);
    const scans: ScanEvent[] = [];
    const scanners = createSerialScanners(deps, (scan) => scans.push(scan));
    scanners.apply([{ path: '/dev/ttyACM1', baudRate: 9600 }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(deps.opened[0]?.isOpen).toBe(false);
    expect(clock.pending()).toBe(1);

    SerialPortMock.binding.createPort('/dev/ttyACM1');
    clock.advance(1000);
    const second = deps.opened[1];
    await waitForOpen(second);
    second?.port?.emitData('ORD-100234\r');
    expect((await collect(scans, 1)).map((s) => s.raw)).toEqual(['ORD-100234']);
    expect(log.lines.some((l) => l.includes('/dev/ttyACM1 is connected'))).toBe(true);
    scanners.stopAll();
  });

  it('closes ports removed from settings and cancels their retries', async () => {
    SerialPortMock.binding.createPort('/dev/ttyACM0');
    const clock = new ManualClock();
    const deps = mockDeps(clock);
    const scanners = createSerialScanners(deps, () => undefined);
    scanners.apply([{ path: '/dev/ttyACM0', baudRate: 9600 }, { path: '/dev/ttyUSB9', baudRate: 9600 }]);
    await waitForOpen(deps.opened[0]);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.pending()).toBe(1); // ttyUSB9 does not exist: a retry is scheduled
    scanners.apply([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(deps.opened[0]?.isOpen).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('reconnects after an unplug, with back-off, and only once per disconnect', () => {
    const clock = new ManualClock();
    const ports: FakePort[] = [];
    const scanners = createSerialScanners(
      {
        openPort: () => {
          const port = new FakePort();
          ports.push(port);
          return port;
        },
        createLineParser: () => new PassThrough(),
        listPorts: async () => [],
        schedule: clock.schedule,
        now: () => NOW,
        log: new RecordingLogger(),
      },
      () => undefined,
    );
    scanners.apply([{ path: 'COM3', baudRate: 9600 }]);
    ports[0]?.unplug();
    expect(clock.pending()).toBe(1);
    clock.advance(999);
    expect(ports).toHaveLength(1);
    clock.advance(1);
    expect(ports).toHaveLength(2);
    // A late event from the old port must not start a second reconnect loop.
    ports[0]?.emit('close');
    expect(clock.pending()).toBe(0);
    ports[1]?.fail();
    clock.advance(1999);
    expect(ports).toHaveLength(2);
    clock.advance(1);
    expect(ports).toHaveLength(3);
    scanners.stopAll();
  });

  it('ignores empty reads and overlong garbage', () => {
    expect(scanFromLine('\r\n')).toBeNull();
    expect(scanFromLine('  \t')).toBeNull();
    expect(scanFromLine('x'.repeat(5000))).toBeNull();
    expect(scanFromLine(`${GS}0109506000134352\r`)).toBe(`${GS}0109506000134352`);
  });
});

class FakePort extends EventEmitter implements SerialPortLike {
  isOpen = true;
  pipe<T extends NodeJS.WritableStream>(destination: T): T {
    return destination;
  }
  close(): void {
    this.isOpen = false;
  }
  unplug(): void {
    this.isOpen = false;
    this.emit('close');
  }
  fail(): void {
    this.isOpen = false;
    this.emit('error', new Error('Error: No such file or directory, cannot open COM3'));
  }
}
