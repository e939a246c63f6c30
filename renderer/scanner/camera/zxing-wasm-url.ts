/// <reference types="vite/client" />
/**
 * Browser-only: the zxing-wasm reader's `.wasm`, bundled by Vite from the
 * package as an asset of our own build, so nothing is fetched from a CDN.
 */
import type { ZXingModuleOverrides } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export const zxingReaderWasmUrl: string = wasmUrl;

export const browserWasmOverrides: ZXingModuleOverrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};
