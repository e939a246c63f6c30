/**
 * Browser engine loader (used by the worker): each engine is its own chunk,
 * loaded only when chosen.
 */
import type { BarcodeDecoder, EngineName } from './decoder';

export async function loadEngine(name: EngineName): Promise<BarcodeDecoder> {
  if (name === 'zxing-js') {
    const { createZxingJsDecoder } = await import('./zxing-js-engine');
    return createZxingJsDecoder();
  }
  const [{ createZxingWasmDecoder }, { browserWasmOverrides }] = await Promise.all([import('./zxing-wasm-engine'), import('./zxing-wasm-url')]);
  return createZxingWasmDecoder(browserWasmOverrides);
}
