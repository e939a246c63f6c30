/** Test helpers for the camera decoders, in Node. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import bwipjs from 'bwip-js/node';
import type { BarcodeDecoder, Frame } from '../../../renderer/scanner/camera/decoder';
import { createZxingWasmDecoder } from '../../../renderer/scanner/camera/zxing-wasm-engine';
import { decodePng } from './png';

const FIXTURES = fileURLToPath(new URL('../../fixtures/barcodes/', import.meta.url));
const WASM = fileURLToPath(new URL('../../../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url));

export interface Fixture {
  frame: Frame;
  /** NAME.txt; null when there is none (false-positive images). */
  expected: string | null;
  identifier: string | null;
}

export function fixture(path: string): Fixture {
  const stem = FIXTURES + path.replace(/\.png$/, '');
  const expected = existsSync(`${stem}.txt`) ? readFileSync(`${stem}.txt`, 'utf8') : null;
  const result = existsSync(`${stem}.result.txt`) ? readFileSync(`${stem}.result.txt`, 'utf8') : '';
  return { frame: decodePng(readFileSync(FIXTURES + path)), expected, identifier: /^symbologyIdentifier=(\S+)/m.exec(result)?.[1] ?? null };
}

let wasm: Promise<BarcodeDecoder> | undefined;

/** zxing-wasm in Node: the `.wasm` handed over from node_modules (no fetch). */
export function nodeWasmDecoder(): Promise<BarcodeDecoder> {
  wasm ??= createZxingWasmDecoder({ wasmBinary: readFileSync(WASM).buffer as ArrayBuffer });
  return wasm;
}

/** A barcode rendered by bwip-js (BWIPP), as RGBA pixels with a quiet zone. */
export async function rendered(bcid: string, text: string, extra: Record<string, string | number | boolean> = {}): Promise<Frame> {
  // `height` (mm) suits linear symbols only: it would stretch a 2D one out of shape.
  const linear = !/datamatrix|qrcode/.test(bcid);
  const png = await bwipjs.toBuffer({ bcid, text, scale: 3, ...(linear ? { height: 12 } : {}), paddingwidth: 12, paddingheight: 12, backgroundcolor: 'FFFFFF', ...extra });
  return decodePng(png);
}

/** A blank (white) frame. */
export function blank(width = 320, height = 240): Frame {
  return { width, height, data: new Uint8ClampedArray(width * height * 4).fill(255) };
}
