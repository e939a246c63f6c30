/**
 * Small pure helpers that make both engines report the same text for the
 * same symbol (see decoder.ts).
 */
import { hasValidGs1CheckDigit } from '../../../shared/barcode/check-digit';
import { findAi } from '../../../shared/barcode/gs1-element';
import { GS, type Frame } from './decoder';

/** 8-bit luminance per pixel, the same weights zxing-wasm uses (BT.601). */
export function toLuminance(frame: Frame): Uint8ClampedArray {
  const { data, width, height } = frame;
  const size = width * height;
  if (data.length < size * 4) throw new RangeError(`frame data holds ${data.length} bytes, ${width}x${height} RGBA needs ${size * 4}`);
  const out = new Uint8ClampedArray(size);
  for (let i = 0, p = 0; i < size; i++, p += 4) {
    out[i] = (306 * (data[p] ?? 0) + 601 * (data[p + 1] ?? 0) + 117 * (data[p + 2] ?? 0) + 512) >> 10;
  }
  return out;
}

/**
 * UPC-E (8 digits: number system, 6 data digits, check digit) expanded to
 * UPC-A (12 digits), per the GS1 zero-suppression rules. Anything else is
 * returned unchanged.
 */
export function upceToUpca(upce: string): string {
  if (!/^[01]\d{7}$/.test(upce)) return upce;
  const ns = upce.slice(0, 1);
  const d = upce.slice(1, 7);
  const check = upce.slice(7);
  const last = Number(d[5]);
  let body: string;
  if (last <= 2) body = d.slice(0, 2) + d[5] + '0000' + d.slice(2, 5);
  else if (last === 3) body = d.slice(0, 3) + '00000' + d.slice(3, 5);
  else if (last === 4) body = d.slice(0, 4) + '00000' + d[4];
  else body = d.slice(0, 5) + '0000' + d[5];
  return ns + body + check;
}

/** UPC-A / UPC-E in their 13-digit EAN form (GTIN-12 with a leading zero), as zxing-cpp reports them. */
export function upcAsEan13(text: string, format: 'UPCA' | 'UPCE'): string {
  const upca = format === 'UPCE' ? upceToUpca(text) : text;
  return /^\d{12}$/.test(upca) ? '0' + upca : upca;
}

/**
 * An EAN-13 whose first digit is 0 is, bar for bar, a UPC-A symbol; engines
 * differ in which name they give it, so both report UPCA.
 */
export function eanUpcFormat<F extends string>(format: F, text: string): F | 'UPCA' {
  return format === 'EAN13' && /^0\d{12}$/.test(text) ? 'UPCA' : format;
}

/** `]I1` when the ITF carries a valid GS1 mod-10 check digit in an ITF-14 length, else `]I0`. */
export function itfSymbologyIdentifier(text: string): string {
  return text.length === 14 && hasValidGs1CheckDigit(text) ? ']I1' : ']I0';
}

/**
 * Bracketed GS1 HRI, `(01)…(10)ABC(17)…`, as a raw element string with GS
 * after every value whose AI has no predefined length and is not last.
 * Lenient on purpose (no validation: that is `parseGs1`'s job later); input
 * that is not bracketed comes back unchanged.
 */
export function hriToElementString(hri: string): string {
  if (!hri.startsWith('(')) return hri;
  const parts: { ai: string; value: string }[] = [];
  const pattern = /\((\d{2,4})\)/g;
  let match = pattern.exec(hri);
  if (match?.index !== 0) return hri;
  while (match) {
    const start = match.index + match[0].length;
    const next = pattern.exec(hri);
    const ai = match[1] ?? '';
    parts.push({ ai, value: hri.slice(start, next ? next.index : undefined) });
    match = next;
  }
  return parts
    .map(({ ai, value }, i) => ai + value + (i < parts.length - 1 && findAi(ai)?.fixedLength !== true ? GS : ''))
    .join('');
}
