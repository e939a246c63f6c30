import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendToNetworkPrinter } from '../../../electron/printing/network-printer';
import { cartonLabelZpl } from '../../../shared/labels/zpl';
import { makeCartonLabel } from './fixtures';

/** A label printer on loopback: takes a raw TCP stream, closes when the sender is done (as a Zebra does). */
interface FakePrinter {
  port: number;
  jobs: Promise<Buffer>[];
  close(): Promise<void>;
}

const servers: net.Server[] = [];

async function startFakePrinter(options: { closeAfterJob?: boolean } = {}): Promise<FakePrinter> {
  const jobs: Promise<Buffer>[] = [];
  const server = net.createServer((socket) => {
    jobs.push(
      new Promise((resolve) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => {
          if (options.closeAfterJob !== false) socket.end();
          resolve(Buffer.concat(chunks));
        });
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    jobs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.close();
  }
});

describe('raw TCP (port 9100) printing', () => {
  it('sends the carton label ZPL byte for byte to the printer', async () => {
    const printer = await startFakePrinter();
    const zpl = cartonLabelZpl(makeCartonLabel(), { dpi: 203, symbology: 'gs1-128' });
    const result = await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, zpl);
    const expectedBytes = Buffer.from(zpl, 'utf8');
    expect(result).toEqual({ ok: true, bytes: expectedBytes.length });
    expect(printer.jobs).toHaveLength(1);
    const received = await printer.jobs[0];
    expect(received?.equals(expectedBytes)).toBe(true);
    // UTF-8 on the wire, matching ^CI28.
    expect(received?.toString('utf8')).toContain('München');
    expect(received?.toString('utf8')).toMatch(/^\^XA[\s\S]*\^BCN,\d+,N,N,N,N\^FD>;>800\d{18}\^FS[\s\S]*\^XZ\n$/);
  });

  it('one connection per label', async () => {
    const printer = await startFakePrinter();
    const target = { host: '127.0.0.1', port: printer.port };
    await sendToNetworkPrinter(target, '^XA^FDone^FS^XZ');
    await sendToNetworkPrinter(target, '^XA^FDtwo^FS^XZ');
    const jobs = await Promise.all(printer.jobs);
    expect(jobs.map((j) => j.toString())).toEqual(['^XA^FDone^FS^XZ', '^XA^FDtwo^FS^XZ']);
  });

  it('counts the label as sent when a printer keeps the socket open after the data', async () => {
    const printer = await startFakePrinter({ closeAfterJob: false });
    const result = await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, '^XA^XZ', { closeGraceMs: 50 });
    expect(result).toEqual({ ok: true, bytes: 6 });
    expect((await printer.jobs[0])?.toString()).toBe('^XA^XZ');
  });

  it('reports a refused connection as an error a packer can act on', async () => {
    const printer = await startFakePrinter();
    await printer.close();
    const result = await sendToNetworkPrinter({ host: '127.0.0.1', port: printer.port }, '^XA^XZ');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/refused the connection.*port 9100/) });
  });

  it('gives up on a printer that never answers', async () => {
    // A socket that never connects stands in for a printer that is off behind a switch.
    const result = await sendToNetworkPrinter({ host: '10.255.255.1', port: 9100 }, '^XA^XZ', { timeoutMs: 50, connect: () => new net.Socket() });
    expect(result).toEqual({ ok: false, message: 'The printer at 10.255.255.1:9100 did not answer within 50 ms. Is it on the network?' });
  });
});
