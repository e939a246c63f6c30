/**
 * GS1 element string parser, driven by the table generated from GS1's Barcode
 * Syntax Dictionary (see build/gen-gs1-table.ts and README.md here).
 *
 * Accepted input (surrounding whitespace ignored):
 *   - raw element strings with GS (0x1D) as FNC1 separator, optionally with a
 *     leading FNC1/GS and/or a symbology identifier (]C1 ]e0 ]d2 ]d8 ]Q3 ]J1, …);
 *   - bracketed HRI, `(01)09506000134352(10)ABC`; a literal "(" inside a
 *     value may be written `\(` (the GS1 Syntax Engine convention);
 *   - plain GTIN-8/12/13/14 digits (or anything after ]E0 ]E4 ]I1).
 */
import { associationWarnings } from './gs1-associations';
import type { Gs1AiDef } from './gs1-ai-types';
import { referenceYear } from './gs1-dates';
import { aiLabel, checkElement, findAi, type Gs1Element } from './gs1-element';
import { normalizeGtin } from './gtin';

export type { Gs1Element } from './gs1-element';

export interface Gs1ParseOk {
  ok: true;
  elements: Gs1Element[];
  /** Bracketed form, e.g. `(01)09506000134352(17)201225(10)ABC123`. */
  hri: string;
  warnings: string[];
}
export interface Gs1ParseError {
  ok: false;
  error: string;
}
export type Gs1ParseResult = Gs1ParseOk | Gs1ParseError;

export interface ParseGs1Options {
  /**
   * Reference date 'YYYY-MM-DD' for the two-digit-year century window
   * (GenSpecs 7.12). Defaults to the device's current date; pass it in
   * wherever results must be reproducible (tests, replaying old scans).
   * Only the year is used. A malformed value throws a RangeError, since it
   * is a programming error rather than a bad scan.
   */
  today?: string;
}

const GS = '\u001d';

/**
 * ISO/IEC 15424 symbology identifiers of GS1 carriers (GenSpecs section 5).
 * Data Matrix says "FNC1 in first position" (= GS1) with ]d2, ]d5 when an ECI
 * was present, and for DMRE sizes (ISO/IEC 21471, e.g. 8x48, 24x64) the
 * modifier moves up by 6: ]d8, ]dB. zxing-cpp reports exactly these. ]d1/]d7
 * (plain) and ]d3/]d6/]d9/]dC (AIM, FNC1 second) are not GS1.
 */
const GS1_ELEMENT_STRING_SYMBOLOGIES = new Set([']C1', ']e0', ']d2', ']d5', ']d8', ']dB', ']Q3', ']J1']);
/** EAN/UPC (and ITF-14) carry a bare GTIN, never AI element strings. */
const PLAIN_GTIN_SYMBOLOGIES = new Set([']E0', ']E4', ']I1']);

type Pair = { ai: string; value: string };
type Scan = { ok: true; pairs: Pair[] } | Gs1ParseError;

const fail = (error: string): Gs1ParseError => ({ ok: false, error });
const preview = (s: string): string => (s.length > 12 ? `${s.slice(0, 12)}…` : s);

/** AIs are prefix-free (a unit test checks the table), so first match wins. */
function matchAi(data: string, pos: number): Gs1AiDef | undefined {
  for (const len of [2, 3, 4]) {
    const candidate = data.slice(pos, pos + len);
    const def = candidate.length === len ? findAi(candidate) : undefined;
    if (def) return def;
  }
  return undefined;
}

function notAnAi(rest: string, previous: Pair | undefined): string {
  if (/^\d{2}/.test(rest)) return `Unknown application identifier (AI) at "${preview(rest)}"`;
  if (!previous) return `This is not GS1 barcode data: "${preview(rest)}" does not start with an application identifier`;
  return `Leftover data "${preview(rest)}" after ${aiLabel(previous.ai)} does not belong to any field`;
}

/**
 * Raw element strings. A "*" AI has a predefined length and needs no
 * separator (GenSpecs 7.8, predefined-length table); every other value runs
 * to the next GS or the end. Without a GS between two variable-length AIs the
 * second one is read as part of the first value: the data is ambiguous and
 * GS1 forbids encoding it that way, so nothing better can be done.
 */
function scanRaw(data: string): Scan {
  const pairs: Pair[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data.charAt(pos) === GS) {
      pos++;
      continue;
    }
    const def = matchAi(data, pos);
    if (!def) return fail(notAnAi(data.slice(pos).split(GS)[0] ?? '', pairs.at(-1)));
    pos += def.ai.length;
    const end = data.indexOf(GS, pos) < 0 ? data.length : data.indexOf(GS, pos);
    let value = data.slice(pos, end);
    if (def.fixedLength) {
      const length = def.components.reduce((n, c) => n + c.max, 0);
      if (value.length < length) {
        return fail(`${aiLabel(def.ai)} is cut short: expected ${length} characters, found ${value.length}`);
      }
      value = value.slice(0, length);
    }
    pos += value.length;
    pairs.push({ ai: def.ai, value });
  }
  return { ok: true, pairs };
}

const STARTS_AI = /^\((\d{2,4})\)/;

/** Bracketed HRI. "(" followed by 2-4 digits and ")" always starts an AI. */
function scanBracketed(data: string): Scan {
  const pairs: Pair[] = [];
  let pos = 0;
  while (pos < data.length) {
    const m = STARTS_AI.exec(data.slice(pos));
    if (!m) return fail(`Expected an application identifier in brackets at "${preview(data.slice(pos))}"`);
    const ai = m[1] ?? '';
    if (!findAi(ai)) return fail(`Unknown application identifier (${ai})`);
    pos += m[0].length;
    let value = '';
    while (pos < data.length) {
      const ch = data.charAt(pos);
      if (ch === '\\' && data.charAt(pos + 1) === '(') {
        value += '(';
        pos += 2;
        continue;
      }
      if (ch === '(' && STARTS_AI.test(data.slice(pos))) break;
      value += ch;
      pos++;
    }
    pairs.push({ ai, value });
  }
  return { ok: true, pairs };
}

/** Bracketed human-readable form; "(" in values is escaped as `\(`. */
export function toHri(elements: readonly Pick<Gs1Element, 'ai' | 'value'>[]): string {
  return elements.map((e) => `(${e.ai})${e.value.replaceAll('(', '\\(')}`).join('');
}

function finish(scan: Scan, refYear: number): Gs1ParseResult {
  if (!scan.ok) return scan;
  if (scan.pairs.length === 0) return fail('The barcode contains no GS1 data');
  const elements: Gs1Element[] = [];
  const seen = new Map<string, string>();
  for (const { ai, value } of scan.pairs) {
    const def = findAi(ai);
    if (!def) return fail(`Unknown application identifier (${ai})`);
    const checked = checkElement(def, value, refYear);
    if (!checked.ok) return checked;
    // GenSpecs (rules for combining element strings): the same AI twice is
    // only allowed with the same value.
    const earlier = seen.get(ai);
    if (earlier !== undefined && earlier !== value) {
      return fail(`${aiLabel(ai)} appears twice with different values ("${earlier}" and "${value}")`);
    }
    seen.set(ai, value);
    elements.push(checked.element);
  }
  return { ok: true, elements, hri: toHri(elements), warnings: associationWarnings(elements) };
}

function plainGtin(digits: string): Gs1ParseResult {
  const gtin = normalizeGtin(digits);
  if (!gtin.ok) return gtin;
  const element = { ai: '01', value: gtin.gtin14 };
  return { ok: true, elements: [element], hri: toHri([element]), warnings: [] };
}

export function parseGs1(raw: string, options?: ParseGs1Options): Gs1ParseResult {
  // The clock is read only here, at the edge, and only when not supplied.
  const refYear = options?.today !== undefined ? referenceYear(options.today) : new Date().getFullYear();
  let data = raw.trim();
  if (data === '') return fail('Nothing was scanned');

  let gs1Mode = false;
  const symbology = /^\][A-Za-z][0-9A-Za-z]/.exec(data)?.[0];
  if (symbology !== undefined) {
    data = data.slice(symbology.length);
    if (PLAIN_GTIN_SYMBOLOGIES.has(symbology)) return plainGtin(data);
    if (!GS1_ELEMENT_STRING_SYMBOLOGIES.has(symbology)) {
      return fail(`This barcode is not a GS1 barcode (symbology identifier ${symbology})`);
    }
    gs1Mode = true;
  }
  // A leading FNC1 (sent as GS) marks GS1 data just like ]C1 does.
  if (data.startsWith(GS)) {
    gs1Mode = true;
    while (data.startsWith(GS)) data = data.slice(1);
  }
  if (data === '') return fail('The barcode contains no GS1 data');
  // A bare number of up to 14 digits is a GTIN scan (EAN/UPC/ITF-14): no AI
  // element string that short is worth the ambiguity. Longer ones are AIs.
  if (!gs1Mode && /^\d{1,14}$/.test(data)) return plainGtin(data);
  if (data.startsWith('(')) return finish(scanBracketed(data), refYear);
  return finish(scanRaw(data), refYear);
}
