/**
 * fast-check arbitraries producing *valid* values for any AI in the generated
 * table, driven by the component types and linters, so tests cover every AI
 * the dictionary defines rather than a hand-picked few.
 *
 * Character sets are spelled out here independently of the implementation.
 */
import fc from 'fast-check';
import { withCheckDigit } from '../../../shared/barcode/check-digit';
import type { Gs1AiDef, Gs1Component, Gs1ComponentType } from '../../../shared/barcode/gs1-ai-types';
import { GS1_AI_TABLE } from '../../../shared/barcode/gs1-ai-table.generated';
import { csumAlphaPair } from '../../../shared/barcode/gs1-linters';

export const CHARSETS: Record<Gs1ComponentType, string> = {
  N: '0123456789',
  X: `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`,
  Y: '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  Z: '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
};

const chars = (set: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...set), minLength: min, maxLength: max });
const digits = (n: number) => chars(CHARSETS.N, n, n);
const num = (min: number, max: number, width: number) => fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));
const date = (yearDigits: 2 | 4, minDay: number) =>
  fc
    .tuple(yearDigits === 2 ? num(0, 99, 2) : num(1950, 2100, 4), num(1, 12, 2), num(minDay, 28, 2))
    .map(([y, m, d]) => `${y}${m}${d}`);

/** A valid value for one component, honouring its linters. */
export function componentArb(c: Gs1Component): fc.Arbitrary<string> {
  const has = (l: string) => c.linters.includes(l);
  if (has('csum')) return digits(c.max - 1).map(withCheckDigit);
  if (has('csumalpha')) {
    // 4-digit company prefix, a letter (satisfies hasnondigit), free text, check pair.
    return chars(CHARSETS.X, Math.max(0, c.min - 7), c.max - 7).chain((free) =>
      digits(4).map((gcp) => `${gcp}A${free}`).map((payload) => payload + csumAlphaPair(payload)),
    );
  }
  if (has('yymmd0')) return date(2, 0);
  if (has('yymmdd')) return date(2, 1);
  if (has('yyyymmdd')) return date(4, 1);
  if (has('hhmi')) return fc.tuple(num(0, 23, 2), num(0, 59, 2)).map(([h, m]) => h + m);
  if (has('hh')) return num(0, 23, 2);
  if (has('mi') || has('ss')) return num(0, 59, 2);
  if (has('yesno')) return fc.constantFrom('0', '1');
  if (has('zero')) return fc.constant('0'.repeat(c.max));
  if (has('nonzero')) return num(1, 10 ** c.max - 1, c.max);
  if (has('winding')) return fc.constantFrom('0', '1', '9');
  if (has('pieceoftotal')) return num(1, 99, 2).chain((total) => num(1, Number(total), 2).map((piece) => piece + total));
  if (has('hyphen')) return fc.constant('-');
  if (has('iban')) return fc.constantFrom('GB82WEST12345698765432', 'DE89370400440532013000');
  if (has('latitude')) return num(0, 1_800_000_000, 10);
  if (has('longitude')) return num(0, 3_600_000_000, 10);
  if (has('mediatype')) return fc.constantFrom('01', '10', '80', '99');
  if (has('iso5218')) return fc.constantFrom('0', '1', '2', '9');
  if (has('posinseqslash')) return num(1, 9, 1).chain((t) => num(1, Number(t), 1).map((p) => `${p}/${t}`));
  if (has('importeridx')) return chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz', 1, 1);
  if (has('iso3166alpha2')) return fc.constantFrom('GB', 'DE', 'FR');
  if (has('nozeroprefix')) return fc.tuple(num(1, 9, 1), chars(CHARSETS.N, c.min - 1, c.max - 1)).map(([a, b]) => a + b);
  const set = has('pcenc') ? CHARSETS.X.replace('%', '') : CHARSETS[c.type];
  if (has('gcppos1') && c.type !== 'N') {
    return fc.tuple(digits(4), chars(set, Math.max(0, c.min - 4), c.max - 4)).map(([a, b]) => a + b);
  }
  return chars(set, c.min, c.max);
}

/** A valid value for the whole AI, with a random number of optional parts. */
export function aiValueArb(def: Gs1AiDef): fc.Arbitrary<string> {
  const optional = def.components.filter((c) => c.optional).length;
  return fc
    .tuple(fc.tuple(...def.components.map(componentArb)), fc.integer({ min: 0, max: optional }))
    .map(([parts, extra]) => parts.slice(0, def.components.length - optional + extra).join(''));
}

export interface GeneratedElement {
  ai: string;
  value: string;
}

/** 1-5 distinct AIs from the whole table with valid values. */
export const elementListArb: fc.Arbitrary<GeneratedElement[]> = fc
  .uniqueArray(fc.constantFrom(...GS1_AI_TABLE), { selector: (d) => d.ai, minLength: 1, maxLength: 5 })
  .chain((defs) => fc.tuple(...defs.map(aiValueArb)).map((values) => defs.map((d, i) => ({ ai: d.ai, value: values[i] ?? '' }))));

/** Raw element string: GS after every variable-length value except the last. */
export function toRaw(elements: readonly GeneratedElement[]): string {
  const byAi = new Map(GS1_AI_TABLE.map((d) => [d.ai, d]));
  return elements
    .map((e, i) => {
      const sep = byAi.get(e.ai)?.fixedLength || i === elements.length - 1 ? '' : '\u001d';
      return `${e.ai}${e.value}${sep}`;
    })
    .join('');
}

/** One deterministic valid value for an AI. */
export function sampleValue(def: Gs1AiDef, seed = 42): string {
  return fc.sample(aiValueArb(def), { numRuns: 1, seed })[0] ?? '';
}
