/**
 * The worker side of the protocol, free of worker globals so it runs in
 * tests: validate each message, load the engine on `init`, decode frames
 * one by one, answer every decode with `result` or `error`.
 */
import type { BarcodeDecoder, EngineName } from './decoder';
import { describeIssues, fromWorkerSchema, toWorkerSchema, type FromWorkerMessage } from './worker-protocol';

export interface DecodeHostDeps {
  loadEngine(name: EngineName): Promise<BarcodeDecoder>;
  post(message: FromWorkerMessage): void;
  now?(): number;
}

export function createDecodeHost({ loadEngine, post, now = () => performance.now() }: DecodeHostDeps): (message: unknown) => Promise<void> {
  let engine: Promise<BarcodeDecoder> | undefined;
  // Frames are decoded strictly in order; engines are not re-entrant.
  let queue: Promise<void> = Promise.resolve();

  const send = (message: FromWorkerMessage): void => post(fromWorkerSchema.parse(message));
  const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

  return (raw: unknown): Promise<void> => {
    const parsed = toWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' && Number.isInteger(raw.id) && raw.id >= 0 ? raw.id : null;
      send({ type: 'error', id, message: `Invalid message: ${describeIssues(parsed.error)}` });
      return Promise.resolve();
    }
    const message = parsed.data;
    if (message.type === 'init') {
      if (engine !== undefined) {
        send({ type: 'error', id: null, message: 'The decoder was already initialised; start a new worker to switch engines' });
        return Promise.resolve();
      }
      const started = now();
      const loading = loadEngine(message.engine);
      engine = loading;
      queue = queue.then(() =>
        loading.then(
          (decoder) => send({ type: 'ready', engine: decoder.name, initMs: now() - started }),
          (error: unknown) => send({ type: 'error', id: null, message: `Could not load the ${message.engine} decoder: ${errorText(error)}` }),
        ),
      );
      return queue;
    }
    const current = engine;
    const { id, width, height, data, options } = message;
    queue = queue.then(async () => {
      if (current === undefined) {
        send({ type: 'error', id, message: 'The decoder is not initialised (send init first)' });
        return;
      }
      try {
        const decoder = await current;
        const started = now();
        const results = await decoder.decode({ width, height, data }, options);
        send({ type: 'result', id, results, ms: now() - started });
      } catch (error) {
        send({ type: 'error', id, message: errorText(error) });
      }
    });
    return queue;
  };
}
