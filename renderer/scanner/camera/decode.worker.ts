/**
 * Web Worker hosting one decoding engine (chosen by the first `init`
 * message). Start it with `createWorkerDecoder()` from worker-client.ts.
 */
import { createDecodeHost } from './decode-host';
import { loadEngine } from './engines';
import type { FromWorkerMessage } from './worker-protocol';

/** The slice of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: FromWorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createDecodeHost({ loadEngine, post: (message) => scope.postMessage(message) });

scope.onmessage = (event) => {
  void handle(event.data);
};
