/**
 * Our own (non-GS1) barcodes: `<PREFIX>-<value>`, using only capital letters,
 * digits and "-" so they print in Code 39 as well as Code 128, and can never
 * be mistaken for GS1 data (which starts with a digit, "(" or "]").
 *
 *   LOC-<code>    location / bin, e.g. LOC-A-01-02
 *   TOTE-<n>      tote, digits only
 *   PO-<number>   purchase order      ASN-<number>  advance shipping notice
 *   RMA-<number>  return              ORD-<number>  sales order
 *   LPN-<n>       licence plate, digits only
 */

export type InternalBarcodeType = 'location' | 'tote' | 'po' | 'asn' | 'rma' | 'order' | 'lpn';

export const INTERNAL_PREFIXES: Readonly<Record<InternalBarcodeType, string>> = {
  location: 'LOC',
  tote: 'TOTE',
  po: 'PO',
  asn: 'ASN',
  rma: 'RMA',
  order: 'ORD',
  lpn: 'LPN',
};

const TYPE_NAMES: Readonly<Record<InternalBarcodeType, string>> = {
  location: 'location',
  tote: 'tote',
  po: 'purchase order',
  asn: 'shipping notice (ASN)',
  rma: 'return (RMA)',
  order: 'order',
  lpn: 'licence plate (LPN)',
};

/** Keeps barcodes short enough for a handheld label in Code 128. */
export const MAX_INTERNAL_VALUE_LENGTH = 32;

const CODE = { pattern: /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, words: 'capital letters and digits, optionally split by single dashes' };
const NUMBER = { pattern: /^\d+$/, words: 'digits only' };

const VALUE_RULES: Readonly<Record<InternalBarcodeType, { pattern: RegExp; words: string }>> = {
  location: CODE,
  tote: NUMBER,
  po: CODE,
  asn: CODE,
  rma: CODE,
  order: CODE,
  lpn: NUMBER,
};

const TYPE_BY_PREFIX: ReadonlyMap<string, InternalBarcodeType> = new Map(
  (Object.entries(INTERNAL_PREFIXES) as [InternalBarcodeType, string][]).map(([type, prefix]) => [prefix, type]),
);

export type InternalParseResult =
  | { ok: true; type: InternalBarcodeType; value: string; barcode: string }
  /** `recognised` is false when the text does not start with one of our prefixes at all. */
  | { ok: false; recognised: boolean; error: string };

function valueProblem(type: InternalBarcodeType, value: string): string | undefined {
  const prefix = INTERNAL_PREFIXES[type];
  const rule = VALUE_RULES[type];
  if (value === '') return `A ${TYPE_NAMES[type]} barcode needs something after "${prefix}-"`;
  if (value.length > MAX_INTERNAL_VALUE_LENGTH) {
    return `A ${TYPE_NAMES[type]} barcode is too long: at most ${MAX_INTERNAL_VALUE_LENGTH} characters after "${prefix}-"`;
  }
  if (!rule.pattern.test(value)) return `"${prefix}-${value}" is not a valid ${TYPE_NAMES[type]} barcode: use ${rule.words} after "${prefix}-"`;
  return undefined;
}

/**
 * Reads one of our barcodes. Surrounding whitespace and a symbology
 * identifier (e.g. `]C0`, `]A0`) are ignored, and lower case is accepted
 * because keyboard-wedge scanners invert case when Caps Lock is on.
 */
export function parseInternalBarcode(raw: string): InternalParseResult {
  const text = raw.trim().replace(/^\][A-Za-z][0-9A-Za-z]/, '').toUpperCase();
  const dash = text.indexOf('-');
  const type = dash > 0 ? TYPE_BY_PREFIX.get(text.slice(0, dash)) : undefined;
  if (type === undefined) return { ok: false, recognised: false, error: `"${raw.trim()}" is not one of our barcodes` };
  const value = text.slice(dash + 1);
  const problem = valueProblem(type, value);
  if (problem) return { ok: false, recognised: true, error: problem };
  return { ok: true, type, value, barcode: text };
}

/** Builds a barcode text; throws RangeError on a value that cannot be encoded. */
export function internalBarcode(type: InternalBarcodeType, value: string | number): string {
  const text = String(value).trim().toUpperCase();
  const problem = valueProblem(type, text);
  if (problem) throw new RangeError(problem);
  return `${INTERNAL_PREFIXES[type]}-${text}`;
}

export const locationBarcode = (code: string): string => internalBarcode('location', code);
export const toteBarcode = (n: number | string): string => internalBarcode('tote', n);
export const poBarcode = (number: string | number): string => internalBarcode('po', number);
export const asnBarcode = (number: string | number): string => internalBarcode('asn', number);
export const rmaBarcode = (number: string | number): string => internalBarcode('rma', number);
export const orderBarcode = (number: string | number): string => internalBarcode('order', number);
export const lpnBarcode = (n: number | string): string => internalBarcode('lpn', n);
