import type { CartonLabel, Address } from '../ipc/labels';
import type { LabelSettings } from '../ipc/settings';

/**
 * ZPL II for 4x6 inch carton labels (GS1 logistic label layout: ship from /
 * ship to on top, carrier and order in the middle, the SSCC at the bottom).
 *
 * Positions are designed on the 203 dpi grid and scaled for 300 dpi heads.
 * Free text goes through `^FH` hex escapes, so a ship-to name containing
 * `^XZ` prints as text and cannot end the format or inject commands.
 */

const DESIGN_DPI = 203;
const WIDTH_IN = 4;
const HEIGHT_IN = 6;

/** Code 128 module counts: start, FNC1, check symbol (11 each) and stop (13). */
const C128_OVERHEAD_MODULES = 11 + 11 + 11 + 13;

/**
 * X-dimension and bar height for the SSCC symbol. GS1 General Specifications
 * 5.12.3.1 (symbol specification table 1, logistic labels): GS1-128 X from
 * 0.495 mm, bar height at least 31.75 mm. 4 dots at 203 dpi = 0.500 mm;
 * 6 dots at 300 dpi = 0.508 mm.
 */
const SSCC_MODULE_DOTS: Readonly<Record<LabelSettings['dpi'], number>> = { 203: 4, 300: 6 };
const SSCC_BAR_HEIGHT_MM = 32;

/** GS1 DataMatrix module for logistics: 0.75 mm at 203 dpi (6 dots), 0.76 mm at 300 dpi (9 dots). */
const DATAMATRIX_MODULE_DOTS: Readonly<Record<LabelSettings['dpi'], number>> = { 203: 6, 300: 9 };

interface Grid {
  dpi: LabelSettings['dpi'];
  /** Scale a 203 dpi design coordinate to this printer. */
  at(designDots: number): number;
  width: number;
  height: number;
}

function grid(dpi: LabelSettings['dpi']): Grid {
  const scale = dpi / DESIGN_DPI;
  return { dpi, at: (d) => Math.round(d * scale), width: WIDTH_IN * dpi, height: HEIGHT_IN * dpi };
}

/**
 * One text field. `^FH` turns `_hh` into a byte, so the ZPL control
 * characters `^` and `~` (and `_` itself) are sent as hex and print literally.
 */
export function zplText(text: string): string {
  let data = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) data += ' ';
    else if (ch === '^' || ch === '~' || ch === '_') data += `_${code.toString(16).toUpperCase()}`;
    else data += ch;
  }
  return `^FH^FD${data}^FS`;
}

/** A text line at (x, y) in design dots, shrunk to fit `maxWidth` (font 0 averages ~0.6 em per character). */
function textLine(g: Grid, x: number, y: number, text: string, size: number, maxWidth: number): string {
  const fitted = Math.max(16, Math.min(size, Math.floor(maxWidth / (Math.max(text.length, 1) * 0.6))));
  const h = g.at(fitted);
  return `^FO${g.at(x)},${g.at(y)}^A0N,${h},${h}${zplText(text)}`;
}

export function addressLines(a: Address): string[] {
  // North American style puts the postal code last; most others put it before the city.
  const cityLine = ['US', 'CA', 'AU'].includes(a.country)
    ? `${a.city}${a.region ? `, ${a.region}` : ''} ${a.postalCode}`
    : `${a.postalCode} ${a.city}${a.region ? `, ${a.region}` : ''}`;
  return [a.name, a.line1, ...(a.line2 ? [a.line2] : []), cityLine, a.country];
}

const formatKg = (grams: number): string => `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')} kg`;

/** `(00) 123456789012345678`: the bracketed human-readable form printed under the symbol. */
export const ssccHri = (sscc: string): string => `(00) ${sscc}`;

/**
 * The SSCC barcode. GS1-128 in `^BC` mode N: `>;` starts in subset C (all
 * 20 digits pack in pairs) and `>8` is FNC1, which makes it GS1-128 rather
 * than plain Code 128. DataMatrix: ECC 200 with `_` as the escape character
 * so `_1` is FNC1 (firmware defaults differ between `_` and `~`, so it is set
 * explicitly).
 */
function ssccSymbol(g: Grid, sscc: string, symbology: LabelSettings['symbology'], top: number): string[] {
  if (symbology === 'datamatrix') {
    const module = DATAMATRIX_MODULE_DOTS[g.dpi];
    // FNC1 + 20 digits = 11 codewords: the 16x16 ECC 200 symbol.
    const x = Math.round((g.width - 16 * module) / 2);
    return [`^FO${x},${g.at(top)}^BXN,${module},200,,,,_^FD_100${sscc}^FS`];
  }
  const module = SSCC_MODULE_DOTS[g.dpi];
  const symbolWidth = (C128_OVERHEAD_MODULES + (2 + sscc.length) / 2 * 11) * module;
  const barHeight = Math.round((SSCC_BAR_HEIGHT_MM / 25.4) * g.dpi);
  const x = Math.round((g.width - symbolWidth) / 2);
  return [`^BY${module}`, `^FO${x},${g.at(top)}^BCN,${barHeight},N,N,N,N^FD>;>800${sscc}^FS`];
}

export function cartonLabelZpl(label: CartonLabel, settings: LabelSettings, copies = 1): string {
  const g = grid(settings.dpi);
  const lines: string[] = ['^XA', '^CI28', `^PW${g.width}`, `^LL${g.height}`, '^LH0,0'];

  lines.push(textLine(g, 30, 24, 'SHIP FROM', 20, 360));
  addressLines(label.shipFrom).forEach((text, i) => lines.push(textLine(g, 30, 52 + i * 30, text, 24, 360)));
  lines.push(`^FO${g.at(400)},${g.at(16)}^GB${g.at(3)},${g.at(220)},${g.at(3)}^FS`);
  lines.push(textLine(g, 420, 24, 'SHIP TO', 20, 370));
  addressLines(label.shipTo).forEach((text, i) => lines.push(textLine(g, 420, 52 + i * 34, text, 30, 370)));
  lines.push(`^FO0,${g.at(244)}^GB${g.width},${g.at(3)},${g.at(3)}^FS`);

  const left: string[] = [];
  if (label.carrier) left.push(`CARRIER: ${label.carrier}${label.service ? ` ${label.service}` : ''}`);
  if (label.trackingNumber) left.push(`TRACKING: ${label.trackingNumber}`);
  left.push(`ORDER: ${label.orderNumber}`);
  if (label.purchaseOrder) left.push(`PO: ${label.purchaseOrder}`);
  if (label.weightGrams !== undefined) left.push(`WEIGHT: ${formatKg(label.weightGrams)}`);
  left.forEach((text, i) => lines.push(textLine(g, 30, 264 + i * 36, text, 28, 500)));
  lines.push(textLine(g, 560, 264, 'CARTON', 28, 230));
  lines.push(textLine(g, 560, 304, `${label.cartonNumber} OF ${label.cartonCount}`, 56, 230));
  lines.push(`^FO0,${g.at(460)}^GB${g.width},${g.at(3)},${g.at(3)}^FS`);

  lines.push(textLine(g, 30, 480, 'SSCC', 24, 200));
  lines.push(...ssccSymbol(g, label.sscc, settings.symbology, 530));
  const hriTop = settings.symbology === 'datamatrix' ? 700 : 820;
  lines.push(textLine(g, 140, hriTop, ssccHri(label.sscc), 40, 560));

  lines.push(`^PQ${copies}`, '^XZ');
  return lines.join('\n') + '\n';
}

/** A label that shows the printer is reachable, loaded with the right media, and aligned (the frame). */
export function testLabelZpl(opts: { printerName: string; dpi: LabelSettings['dpi']; printedAt: string }): string {
  const g = grid(opts.dpi);
  return [
    '^XA',
    '^CI28',
    `^PW${g.width}`,
    `^LL${g.height}`,
    '^LH0,0',
    `^FO${g.at(20)},${g.at(20)}^GB${g.width - 2 * g.at(20)},${g.height - 2 * g.at(20)},${g.at(4)}^FS`,
    textLine(g, 60, 80, 'DockScan test label', 60, 700),
    textLine(g, 60, 170, `Printer: ${opts.printerName}`, 30, 700),
    textLine(g, 60, 215, `Resolution: ${opts.dpi} dpi, ${WIDTH_IN} x ${HEIGHT_IN} in`, 30, 700),
    textLine(g, 60, 260, `Printed: ${opts.printedAt}`, 30, 700),
    `^BY${SSCC_MODULE_DOTS[opts.dpi] - 1}`,
    `^FO${g.at(60)},${g.at(340)}^BCN,${g.at(160)},Y,N,N^FDDOCKSCAN-TEST^FS`,
    '^PQ1',
    '^XZ',
    '',
  ].join('\n');
}
