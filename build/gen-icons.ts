/**
 * `npm run icons`: draws build/icon.png (512x512), from which electron-builder
 * derives the Windows .ico, the macOS .icns and the Linux sizes. A barcode
 * on a dock-slate tile, drawn in code so the icon needs no design tool and
 * regenerates byte for byte.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
type Rgba = readonly [number, number, number, number];
const SLATE: Rgba = [30, 41, 59, 255];
const WHITE: Rgba = [248, 250, 252, 255];
const AMBER: Rgba = [245, 158, 11, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Bar widths (in units) of a made-up barcode: reads as "barcode" at 16 px and at 512 px. */
const BARS = [2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1, 1, 2, 3, 1, 2, 1, 1, 3, 2];

function inRoundedTile(x: number, y: number): boolean {
  const margin = 24;
  const radius = 96;
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return x >= margin && x < SIZE - margin && y >= margin && y < SIZE - margin && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function barAt(x: number): boolean {
  const left = 112;
  const unit = 288 / BARS.reduce((a, b) => a + b, 0);
  let edge = left;
  for (let i = 0; i < BARS.length; i++) {
    const width = (BARS[i] ?? 1) * unit;
    if (x >= edge && x < edge + width) return i % 2 === 0;
    edge += width;
  }
  return false;
}

function pixel(x: number, y: number): Rgba {
  if (!inRoundedTile(x, y)) return CLEAR;
  if (y >= 136 && y < 336 && barAt(x)) return WHITE;
  // The scan line a laser scanner draws across the code.
  if (y >= 226 && y < 246 && x >= 88 && x < 424) return AMBER;
  if (y >= 368 && y < 392 && x >= 112 && x < 400) return WHITE;
  return SLATE;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
  writeFileSync(out, iconPng());
  console.log(`Wrote ${out}`);
}
