import { describe, expect, it } from 'vitest';
import type { BarcodeDecoder, EngineName } from '../../../renderer/scanner/camera/decoder';
import { createDecodeHost } from '../../../renderer/scanner/camera/decode-host';
import { createWorkerDecoder, type WorkerLike } from '../../../renderer/scanner/camera/worker-client';
import type { FromWorkerMessage, ToWorkerMessage } from '../../../renderer/scanner/camera/worker-protocol';
import { createZxingJsDecoder } from '../../../renderer/scanner/camera/zxing-js-engine';
import { fixture, nodeWasmDecoder, rendered } from './support';

const loadEngine = (name: EngineName): Promise<BarcodeDecoder> => (name === 'zxing-js' ? Promise.resolve(createZxingJsDecoder()) : nodeWasmDecoder());

function host(load: (name: EngineName) => Promise<BarcodeDecoder> = loadEngine) {
  const posted: FromWorkerMessage[] = [];
  const handle = createDecodeHost({ loadEngine: load, post: (m) => posted.push(m), now: () => 0 });
  return { posted, handle };
}

describe('decode host (worker side)', () => {
  it('loads the engine on init, then answers each decode with its id', async () => {
    const { posted, handle } = host();
    await handle({ type: 'init', engine: 'zxing-wasm' });
    const { frame, expected } = fixture('code128-1/1.png');
    await handle({ type: 'decode', id: 4, width: frame.width, height: frame.height, data: frame.data, options: {} });
    expect(posted).toEqual([
      { type: 'ready', engine: 'zxing-wasm', initMs: 0 },
      { type: 'result', id: 4, ms: 0, results: [{ text: expected, format: 'Code128', symbologyIdentifier: ']C1' }] },
    ]);
  });

  it('answers a malformed decode with an error for that id, and garbage with id null', async () => {
    const { posted, handle } = host();
    await handle({ type: 'init', engine: 'zxing-js' });
    await handle({ type: 'decode', id: 9, width: 2, height: 2, data: new Uint8ClampedArray(3), options: {} });
    await handle('hello');
    expect(posted.slice(1)).toEqual([
      { type: 'error', id: 9, message: expect.stringMatching(/^Invalid message: data: data must hold width \* height RGBA pixels/) as unknown },
      { type: 'error', id: null, message: expect.stringMatching(/^Invalid message/) as unknown },
    ]);
  });

  it('refuses to decode before init and to switch engines', async () => {
    const { posted, handle } = host();
    await handle({ type: 'decode', id: 1, width: 1, height: 1, data: new Uint8ClampedArray(4), options: {} });
    await handle({ type: 'init', engine: 'zxing-js' });
    await handle({ type: 'init', engine: 'zxing-wasm' });
    expect(posted).toEqual([
      { type: 'error', id: 1, message: 'The decoder is not initialised (send init first)' },
      { type: 'ready', engine: 'zxing-js', initMs: 0 },
      { type: 'error', id: null, message: expect.stringMatching(/already initialised/) as unknown },
    ]);
  });

  it('reports an engine that cannot load, and every decode after it', async () => {
    const { posted, handle } = host(() => Promise.reject(new Error('wasm missing')));
    await handle({ type: 'init', engine: 'zxing-wasm' });
    await handle({ type: 'decode', id: 2, width: 1, height: 1, data: new Uint8ClampedArray(4), options: {} });
    expect(posted).toEqual([
      { type: 'error', id: null, message: 'Could not load the zxing-wasm decoder: wasm missing' },
      { type: 'error', id: 2, message: 'wasm missing' },
    ]);
  });
});

/** A Worker stand-in running the host in-process; messages are structured-cloned with their transfer list, as postMessage does. */
function inProcessWorker(load: (name: EngineName) => Promise<BarcodeDecoder> = loadEngine) {
  const transfers: Transferable[][] = [];
  let terminated = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: ToWorkerMessage, transfer: Transferable[]) {
      transfers.push(transfer);
      const copy = structuredClone(message, { transfer });
      void handle(copy);
    },
    terminate() {
      terminated = true;
    },
  };
  const handle = createDecodeHost({
    loadEngine: load,
    post: (message) => {
      if (!terminated) worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<unknown>);
    },
  });
  return { worker, transfers, isTerminated: () => terminated };
}

describe('worker decoder (page side)', () => {
  it.each(['zxing-js', 'zxing-wasm'] as const)('decodes through the worker with %s and transfers the pixels', async (engine) => {
    const fake = inProcessWorker();
    const decoder = createWorkerDecoder(engine, () => fake.worker);
    expect(decoder.name).toBe(engine);
    await expect(decoder.ready).resolves.toMatchObject({ initMs: expect.any(Number) as unknown });
    const frame = await rendered('gs1datamatrix', '(01)09506000134352(10)LOT-7(17)270630');
    const timed = await decoder.decodeTimed(frame);
    expect(timed.results).toEqual([{ format: 'DataMatrix', symbologyIdentifier: ']d2', text: '010950600013435210LOT-7\u001d17270630' }]);
    expect(timed.engineMs).toBeGreaterThanOrEqual(0);
    // The buffer went to the worker: the caller's copy is detached.
    expect(fake.transfers.at(-1)).toHaveLength(1);
    expect(frame.data.byteLength).toBe(0);
    decoder.dispose();
    expect(fake.isTerminated()).toBe(true);
  });

  it('copies instead of transferring a view into a larger buffer', async () => {
    const fake = inProcessWorker();
    const decoder = createWorkerDecoder('zxing-js', () => fake.worker);
    const backing = new Uint8ClampedArray(4 * 4 + 8);
    const view = backing.subarray(8);
    await expect(decoder.decode({ width: 2, height: 2, data: view })).resolves.toEqual([]);
    expect(backing.byteLength).toBe(24);
    decoder.dispose();
  });

  it('keeps several frames in flight apart by id', async () => {
    const decoder = createWorkerDecoder('zxing-wasm', () => inProcessWorker().worker);
    const [a, b] = await Promise.all([decoder.decode(fixture('ean8-1/1.png').frame), decoder.decode(fixture('code39-1/4.png').frame)]);
    expect(a?.map((r) => r.text)).toEqual(['48512343']);
    expect(b?.map((r) => r.text)).toEqual(['ABC123']);
    decoder.dispose();
  });

  it('rejects ready and every decode when the engine cannot load', async () => {
    const decoder = createWorkerDecoder('zxing-wasm', () => inProcessWorker(() => Promise.reject(new Error('wasm missing'))).worker);
    await expect(decoder.ready).rejects.toThrow('Could not load the zxing-wasm decoder: wasm missing');
    await expect(decoder.decode(fixture('ean8-1/1.png').frame)).rejects.toThrow(/wasm missing/);
  });

  it('rejects pending decodes when the worker crashes or is disposed', async () => {
    const silent: WorkerLike = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    const crashing = createWorkerDecoder('zxing-js', () => silent);
    const pending = crashing.decode(fixture('ean8-1/1.png').frame);
    silent.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).rejects.toThrow('The barcode decoder stopped: out of memory');

    const other: WorkerLike = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    const disposed = createWorkerDecoder('zxing-js', () => other);
    const waiting = disposed.decode(fixture('ean8-1/1.png').frame);
    disposed.dispose();
    await expect(waiting).rejects.toThrow('closed');
    await expect(disposed.decode(fixture('ean8-1/1.png').frame)).rejects.toThrow('closed');
  });

  it('treats a reply that breaks the protocol as fatal', async () => {
    const rogue: WorkerLike = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    const decoder = createWorkerDecoder('zxing-js', () => rogue);
    const pending = decoder.decode(fixture('ean8-1/1.png').frame);
    rogue.onmessage?.({ data: { type: 'result', id: 0, ms: 1, results: [{ text: 'x', format: 'Nope' }] } } as MessageEvent<unknown>);
    await expect(pending).rejects.toThrow(/Unexpected message from the barcode decoder/);
  });
});
