/**
 * Plain GTIN scans (EAN-8, UPC-A, EAN-13, ITF-14 / GTIN-14) to GTIN-14.
 * GenSpecs (AI (01) data field): a GTIN-8/12/13 is carried in a 14-digit field right-aligned
 * with leading zeros; the mod-10 check digit survives the padding because its
 * weights count from the right.
 */
import { gs1CheckDigit } from './check-digit';

export type GtinResult = { ok: true; gtin14: string } | { ok: false; error: string };

const GTIN_LENGTHS = [8, 12, 13, 14] as const;

export function normalizeGtin(raw: string): GtinResult {
  const digits = raw.trim();
  if (digits === '') return { ok: false, error: 'No GTIN was given' };
  if (!/^\d+$/.test(digits)) return { ok: false, error: 'A GTIN may contain only digits' };
  if (!(GTIN_LENGTHS as readonly number[]).includes(digits.length)) {
    return { ok: false, error: `A GTIN has 8, 12, 13 or 14 digits, but this has ${digits.length}` };
  }
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const got = digits.slice(-1);
  if (String(expected) !== got) {
    return { ok: false, error: `Check digit is wrong for GTIN-${digits.length}: expected ${expected}, got ${got}` };
  }
  return { ok: true, gtin14: digits.padStart(14, '0') };
}
