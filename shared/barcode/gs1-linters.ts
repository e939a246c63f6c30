/**
 * Content checks ("linters") named in the GS1 Barcode Syntax Dictionary, plus
 * the character-set check for each component type. Each linter returns a
 * plain-language error, or undefined when the data is fine.
 *
 * Linters that need externally maintained code lists (ISO 3166 countries,
 * ISO 4217 currencies, UN/ECE package types) or the very involved North
 * American coupon formats are listed in UNCHECKED_LINTERS: we accept any data
 * of the right type and length there rather than ship lists that go stale.
 */
import { gs1CheckDigit } from './check-digit';
import { parseGs1Date, type Gs1DateFormat } from './gs1-dates';
import type { Gs1ComponentType } from './gs1-ai-types';

export interface LintContext {
  /** Human label for messages, e.g. "GTIN (01)". */
  readonly label: string;
  /** Year used for the two-digit-year century window (GenSpecs 7.12). */
  readonly refYear: number;
}

export type Linter = (data: string, ctx: LintContext) => string | undefined;

/** Shows a character so a control code (e.g. GS) is visible in a message. */
export function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `control character ${code}` : `"${ch}"`;
}

// Character sets from GenSpecs 7.11 (figures 7.11-1 CSET 82, 7.11-3 CSET 39)
// and base64url (RFC 4648 section 5) for type Z.
const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CSET64 = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
/** GenSpecs 7.9.5: the alphanumeric check character pair uses CSET 32. */
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const CHARSET_RULES: Record<Gs1ComponentType, { chars: string; words: string }> = {
  N: { chars: '0123456789', words: 'only digits' },
  X: { chars: CSET82, words: 'only letters, digits and the symbols allowed in GS1 barcodes' },
  Y: { chars: CSET39, words: 'only capital letters, digits, #, - and /' },
  Z: { chars: CSET64, words: 'only letters, digits, - and _' },
};

export function checkCharset(type: Gs1ComponentType, data: string, label: string): string | undefined {
  const rule = CHARSET_RULES[type];
  // base64url may end in up to two "=" padding characters.
  const body = type === 'Z' ? data.replace(/={1,2}$/, '') : data;
  for (const ch of body) {
    if (!rule.chars.includes(ch)) return `${label} may contain ${rule.words}, but has ${showChar(ch)}`;
  }
  return undefined;
}

const allDigits = (s: string): boolean => /^\d+$/.test(s);

/** GenSpecs 7.9.1 mod-10 check digit over the whole component. */
const csum: Linter = (data, { label }) => {
  if (!allDigits(data) || data.length < 2) return `${label} must be digits with a check digit`;
  const expected = gs1CheckDigit(data.slice(0, -1));
  const got = data.slice(-1);
  return String(expected) === got ? undefined : `Check digit is wrong for ${label}: expected ${expected}, got ${got}`;
};

/** First 100 primes: weights for csumalpha (no AI is longer than 99). */
const PRIMES: readonly number[] = (() => {
  const found: number[] = [];
  for (let n = 2; found.length < 100; n++) if (found.every((p) => n % p !== 0)) found.push(n);
  return found;
})();

/**
 * GenSpecs 7.9.5 check character pair for alphanumeric keys (GMN, MUDI): sum
 * of CSET 82 values weighted by primes from the right, mod 1021, split into
 * two CSET 32 characters. Exported so tests can build valid values.
 */
export function csumAlphaPair(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    sum += CSET82.indexOf(payload.charAt(i)) * (PRIMES[payload.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  return `${CSET32.charAt(sum >> 5)}${CSET32.charAt(sum & 31)}`;
}

const csumalpha: Linter = (data, { label }) => {
  const payload = data.slice(0, -2);
  const pair = data.slice(-2);
  if (data.length < 2 || [...pair].some((c) => !CSET32.includes(c))) return `${label} does not end in two valid check characters`;
  if ([...payload].some((c) => !CSET82.includes(c))) return undefined; // charset check reports it
  const expected = csumAlphaPair(payload);
  return expected === pair ? undefined : `Check characters are wrong for ${label}: expected ${expected}, got ${pair}`;
};

/** A GS1 Company Prefix is at least 4 digits (the shortest allocated);
 * gcppos1 expects it at the start, gcppos2 after an indicator digit. */
const gcpAt = (offset: number): Linter => (data, { label }) =>
  /^\d{4}$/.test(data.slice(offset, offset + 4)) ? undefined : `${label} does not contain a valid GS1 Company Prefix`;

const dateLinter = (format: Gs1DateFormat): Linter => (data, { label, refYear }) => {
  const r = parseGs1Date(data, format, refYear);
  return r.ok ? undefined : `${label} has an impossible date "${data}": ${r.problem}`;
};

const inRange = (what: string, min: number, max: number): Linter => (data, { label }) => {
  const n = Number(data);
  return allDigits(data) && n >= min && n <= max ? undefined : `${label} has an impossible ${what}: "${data}"`;
};

const oneOf = (what: string, allowed: readonly string[]): Linter => (data, { label }) =>
  allowed.includes(data) ? undefined : `${label} has an invalid ${what}: "${data}" (allowed: ${allowed.join(', ')})`;

const hhmi: Linter = (data, ctx) =>
  data.length !== 4 ? `${ctx.label} has an impossible time: "${data}"` : inRange('hour', 0, 23)(data.slice(0, 2), ctx) ?? inRange('minute', 0, 59)(data.slice(2), ctx);

/** ISO 7064 mod 97-10 over the rearranged IBAN (ISO 13616). */
const iban: Linter = (data, { label }) => {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(data)) return `${label} is not a valid IBAN`;
  const rearranged = data.slice(4) + data.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1 ? undefined : `${label} is not a valid IBAN (its check digits are wrong)`;
};

/** "pp" of "tt": e.g. 0103 is piece 1 of 3 (AI 8006/8026 piece number of total). */
const pieceOfTotal: Linter = (data, { label }) => {
  const half = data.length / 2;
  const piece = Number(data.slice(0, half));
  const total = Number(data.slice(half));
  return allDigits(data) && data.length % 2 === 0 && piece >= 1 && total >= 1 && piece <= total
    ? undefined
    : `${label} has an impossible piece number: "${data}" (piece must be between 1 and the total)`;
};

/** "p/t": position in a sequence, e.g. "1/2" (AI 7258). */
const posInSeqSlash: Linter = (data, { label }) => {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(data);
  return m && Number(m[1]) <= Number(m[2]) ? undefined : `${label} must look like "1/2" (position/total), got "${data}"`;
};

/** Percent-encoding must be "%" followed by two hex digits (AI 4300 etc.). */
const pcenc: Linter = (data, { label }) =>
  /%(?![0-9A-Fa-f]{2})/.test(data) ? `${label} has a "%" that is not followed by two hex digits` : undefined;

const coordinate = (what: string, max: number): Linter => (data, { label }) =>
  /^\d{10}$/.test(data) && Number(data) <= max ? undefined : `${label} has an impossible ${what}: "${data}"`;

export const GS1_LINTERS: Readonly<Record<string, Linter>> = {
  csum,
  csumalpha,
  gcppos1: gcpAt(0),
  gcppos2: gcpAt(1),
  // Older dictionary releases called these "key" and "keyoff1".
  key: gcpAt(0),
  keyoff1: gcpAt(1),
  yymmdd: dateLinter('yymmdd'),
  yymmd0: dateLinter('yymmd0'),
  yyyymmdd: dateLinter('yyyymmdd'),
  yyyymmd0: dateLinter('yyyymmd0'),
  yymmddhh: (data, ctx) => dateLinter('yymmdd')(data.slice(0, 6), ctx) ?? inRange('hour', 0, 23)(data.slice(6), ctx),
  hhmi,
  hhmm: hhmi,
  hh: inRange('hour', 0, 23),
  mi: inRange('minute', 0, 59),
  ss: inRange('second', 0, 59),
  yesno: oneOf('yes/no flag', ['0', '1']),
  zero: (data, { label }) => (/^0+$/.test(data) ? undefined : `${label} must start with 0`),
  nonzero: (data, { label }) => (/^0+$/.test(data) ? `${label} must not be zero` : undefined),
  winding: oneOf('winding direction', ['0', '1', '9']),
  hyphen: (data, { label }) => (/^-+$/.test(data) ? undefined : `${label} may only have "-" (minus) here, got "${data}"`),
  nozeroprefix: (data, { label }) => (data.length > 1 && data.startsWith('0') ? `${label} must not start with 0` : undefined),
  hasnondigit: (data, { label }) => (allDigits(data) ? `${label} must contain at least one letter or symbol` : undefined),
  pieceoftotal: pieceOfTotal,
  posinseqslash: posInSeqSlash,
  pcenc,
  iban,
  latitude: coordinate('latitude', 1_800_000_000),
  longitude: coordinate('longitude', 3_600_000_000),
  // AIDC media types: 01-10 and 80-99 are assigned (AI 7241, as in the GS1 reference linter).
  mediatype: oneOf('media type', ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', ...Array.from({ length: 20 }, (_, i) => String(80 + i))]),
  // ISO/IEC 5218 sex codes.
  iso5218: oneOf('sex code', ['0', '1', '2', '9']),
  importeridx: (data, { label }) => (/^[-0-9A-Z_a-z]$/.test(data) ? undefined : `${label} has an invalid importer index "${data}"`),
  // Shape only: two capital letters. The country list itself is not checked.
  iso3166alpha2: (data, { label }) => (/^[A-Z]{2}$/.test(data) ? undefined : `${label} must be a two-letter country code`),
};

/** Named in the dictionary but deliberately not checked (see file comment). */
export const UNCHECKED_LINTERS: ReadonlySet<string> = new Set([
  'iso3166', 'iso3166999', 'iso3166list', 'iso4217', 'packagetype', 'couponcode', 'couponposoffer',
]);

/** Linters whose component is a date; the first one gives the element's date. */
export const DATE_LINTERS: Readonly<Record<string, Gs1DateFormat>> = {
  yymmdd: 'yymmdd',
  yymmd0: 'yymmd0',
  yyyymmdd: 'yyyymmdd',
  yyyymmd0: 'yyyymmd0',
  yymmddhh: 'yymmdd',
};

/** Runs one linter. Unknown names pass; a unit test keeps the lists complete. */
export function runLinter(name: string, data: string, ctx: LintContext): string | undefined {
  return GS1_LINTERS[name]?.(data, ctx);
}
