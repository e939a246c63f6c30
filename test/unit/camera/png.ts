/**
 * Minimal PNG decoder for tests (Node only, no dependency): non-interlaced,
 * bit depth 1/2/4/8, colour types 0 (grey), 2 (RGB), 3 (palette, with tRNS),
 * 4 (grey + alpha) and 6 (RGBA). Returns RGBA pixels like canvas ImageData.
 */
import { inflateSync } from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

export function decodePng(file: Uint8Array): RgbaImage {
  if (!SIGNATURE.every((byte, i) => file[i] === byte)) throw new Error('not a PNG file');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colourType = 0;
  let palette: Uint8Array = new Uint8Array(0);
  let transparency: Uint8Array = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= file.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = body[8] ?? 0;
      colourType = body[9] ?? 0;
      if (body[12] !== 0) throw new Error('interlaced PNG not supported');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colourType];
  if (channels === undefined || ![1, 2, 4, 8].includes(depth)) throw new Error(`unsupported PNG: type ${colourType}, depth ${depth}`);
  const raw = inflateSync(Buffer.concat(idat));
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? (row[x - bpp] ?? 0) : 0;
      const above = up[x] ?? 0;
      const leftAbove = x >= bpp ? (up[x - bpp] ?? 0) : 0;
      const predictor = [0, left, above, (left + above) >> 1, paeth(left, above, leftAbove)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      row[x] = ((src[x] ?? 0) + predictor) & 0xff;
    }
  }
  const sample = (y: number, index: number): number => {
    const row = y * stride;
    if (depth === 8) return rows[row + index] ?? 0;
    const bit = index * depth;
    const byte = rows[row + (bit >> 3)] ?? 0;
    return (byte >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  };
  const scale = 255 / ((1 << depth) - 1);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      const first = x * channels;
      if (colourType === 3) {
        const i = sample(y, first);
        data[out] = palette[i * 3] ?? 0;
        data[out + 1] = palette[i * 3 + 1] ?? 0;
        data[out + 2] = palette[i * 3 + 2] ?? 0;
        data[out + 3] = transparency[i] ?? 255;
      } else if (colourType === 0 || colourType === 4) {
        const grey = sample(y, first) * scale;
        data[out] = data[out + 1] = data[out + 2] = grey;
        data[out + 3] = colourType === 4 ? sample(y, first + 1) * scale : 255;
      } else {
        data[out] = sample(y, first) * scale;
        data[out + 1] = sample(y, first + 1) * scale;
        data[out + 2] = sample(y, first + 2) * scale;
        data[out + 3] = colourType === 6 ? sample(y, first + 3) * scale : 255;
      }
    }
  }
  return { width, height, data };
}
