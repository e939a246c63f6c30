import { z } from 'zod';

/** True when the text has no C0/C1 control characters (they would corrupt labels, file names and logs). */
export function hasNoControlChars(value: string): boolean {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false;
  }
  return true;
}

/** A trimmed, single-line, printable text of 1..max characters. */
export const Line = (max: number) =>
  z.string().trim().min(1).max(max).refine(hasNoControlChars, 'must not contain control characters');

/** Same as `Line` but may be left out. */
export const OptionalLine = (max: number) =>
  z.string().trim().max(max).refine(hasNoControlChars, 'must not contain control characters').optional();
