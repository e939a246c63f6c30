/**
 * Page side: a `BarcodeDecoder` whose engine runs in decode.worker.ts.
 * Frames are transferred to the worker, so after `decode(frame)` the
 * caller's `frame.data` is detached (empty); grab a fresh frame each time.
 */
import type { BarcodeDecoder, DecodeOptions, DecodeResult, EngineName, Frame } from './decoder';
import { describeIssues, fromWorkerSchema, type ToWorkerMessage } from './worker-protocol';

/** The part of `Worker` used here, so tests can stand in for it. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToWorkerMessage, transfer: Transferable[]): void;
  terminate(): void;
}

export interface TimedDecode {
  results: DecodeResult[];
  /** Time inside the engine, in the worker (without transfer and queueing). */
  engineMs: number;
}

export interface WorkerDecoder extends BarcodeDecoder {
  /** Resolves once the engine is loaded (wasm compiled); rejects if it cannot be. */
  readonly ready: Promise<{ initMs: number }>;
  decodeTimed(frame: Frame, options?: DecodeOptions): Promise<TimedDecode>;
  dispose(): void;
}

export function startDecodeWorker(): WorkerLike {
  return new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'barcode-decoder' });
}

interface Pending {
  resolve(value: TimedDecode): void;
  reject(error: Error): void;
}

export function createWorkerDecoder(engine: EngineName, createWorker: () => WorkerLike = startDecodeWorker): WorkerDecoder {
  const worker = createWorker();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | undefined;
  let settleReady: { resolve(value: { initMs: number }): void; reject(error: Error): void } | undefined;
  const ready = new Promise<{ initMs: number }>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  // Callers that only decode still see the failure there; avoid an unhandled rejection here.
  ready.catch(() => undefined);

  const failAll = (error: Error): void => {
    failure ??= error;
    settleReady?.reject(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  worker.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(`The barcode decoder stopped: ${event.message || 'worker error'}`));
  };
  worker.onmessage = (event) => {
    const parsed = fromWorkerSchema.safeParse(event.data);
    if (!parsed.success) {
      failAll(new Error(`Unexpected message from the barcode decoder: ${describeIssues(parsed.error)}`));
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      settleReady?.resolve({ initMs: message.initMs });
      return;
    }
    if (message.type === 'error' && message.id === null) {
      // Not about one frame (the engine failed to load): nothing will decode.
      failAll(new Error(message.message));
      return;
    }
    const id = message.id ?? -1;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (message.type === 'result') waiting.resolve({ results: message.results, engineMs: message.ms });
    else waiting.reject(new Error(message.message));
  };
  worker.postMessage({ type: 'init', engine }, []);

  const decodeTimed = (frame: Frame, options: DecodeOptions = {}): Promise<TimedDecode> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const { data } = frame;
    // Transfer the pixels when the array owns its whole buffer (as ImageData's does), else copy.
    const ownsBuffer = data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    const pixels: Uint8ClampedArray<ArrayBuffer> = ownsBuffer ? (data as Uint8ClampedArray<ArrayBuffer>) : new Uint8ClampedArray(data);
    return new Promise<TimedDecode>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const wire: ToWorkerMessage & { type: 'decode' } = { type: 'decode', id, width: frame.width, height: frame.height, data: pixels, options: {} };
      if (options.formats) wire.options.formats = [...options.formats];
      if (options.tryHarder !== undefined) wire.options.tryHarder = options.tryHarder;
      worker.postMessage(wire, [pixels.buffer]);
    });
  };

  return {
    name: engine,
    ready,
    decodeTimed,
    decode: async (frame, options) => (await decodeTimed(frame, options)).results,
    dispose() {
      worker.terminate();
      failAll(new Error('The barcode decoder was closed'));
    },
  };
}
