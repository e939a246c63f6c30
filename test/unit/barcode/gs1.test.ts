import { describe, it, expect } from 'vitest';
import { parseGs1, type Gs1ParseResult } from '../../../shared/barcode/gs1';

const GS = '\u001d';
const today = '2025-06-15';
const parse = (raw: string, day = today) => parseGs1(raw, { today: day });

function ok(result: Gs1ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error}`);
  return result;
}
function error(result: Gs1ParseResult): string {
  if (result.ok) throw new Error(`expected an error, got ${result.hri}`);
  return result.error;
}

const GS1_EXAMPLE = [
  { ai: '01', value: '09506000134352' },
  { ai: '17', value: '201225', date: '2020-12-25' },
  { ai: '10', value: 'ABC123' },
];

describe('parseGs1: GS1 published examples', () => {
  it('reads the bracketed GenSpecs example', () => {
    const r = ok(parse('(01)09506000134352(17)201225(10)ABC123'));
    expect(r.elements).toEqual(GS1_EXAMPLE);
    expect(r.hri).toBe('(01)09506000134352(17)201225(10)ABC123');
    expect(r.warnings).toEqual([]);
  });

  it('reads the same data as a GS1-128 scan: fixed-length AIs need no separator', () => {
    expect(ok(parse(']C1010950600013435217201225' + '10ABC123')).elements).toEqual(GS1_EXAMPLE);
  });

  it('reads an SSCC', () => {
    expect(ok(parse('(00)106141412345678908')).elements).toEqual([{ ai: '00', value: '106141412345678908' }]);
  });

  it('gives implied decimals for weights (AI 310n: last digit = decimals)', () => {
    expect(ok(parse('(01)09506000134352(3103)001250')).elements[1]).toEqual({ ai: '3103', value: '001250', decimal: '1.250' });
    expect(ok(parse('(01)09506000134352(3100)001250')).elements[1]?.decimal).toBe('1250');
    expect(ok(parse('(01)09506000134352(3105)000007')).elements[1]?.decimal).toBe('0.00007');
  });

  it('gives implied decimals for prices; 393n starts with an ISO 4217 currency', () => {
    expect(ok(parse('(01)09506000134352(30)1(3922)2499')).elements[2]).toEqual({ ai: '3922', value: '2499', decimal: '24.99' });
    // 978 = EUR, amount 2499 with 2 decimals.
    expect(ok(parse('(30)1(3932)9782499')).elements[1]).toEqual({ ai: '3932', value: '9782499', decimal: '24.99' });
    expect(ok(parse('(255)0614141000418(3942)0525')).elements[1]?.decimal).toBe('5.25');
    expect(ok(parse('(255)0614141000418(3940)0525')).elements[1]?.decimal).toBe('525');
  });

  it('checks the GMN alphanumeric check pair (GenSpecs example)', () => {
    expect(ok(parse('(8013)1987654Ad4X4bL5ttr2310c2K')).elements).toHaveLength(1);
    expect(error(parse('(8013)1987654Ad4X4bL5ttr2310cXK'))).toBe('Check characters are wrong for GMN (8013): expected 2K, got XK');
  });
});

describe('parseGs1: input forms', () => {
  it.each([
    ['GS1-128', ']C1'],
    ['GS1 DataBar', ']e0'],
    ['GS1 DataMatrix', ']d2'],
    ['GS1 QR Code', ']Q3'],
    ['leading FNC1', GS],
    ['symbology identifier and FNC1', `]d2${GS}`],
    ['nothing', ''],
  ])('accepts a %s prefix', (_name, prefix) => {
    expect(ok(parse(`${prefix}0109506000134352${GS}10ABC123${GS}17201225`)).hri).toBe('(01)09506000134352(10)ABC123(17)201225');
  });

  it('ignores surrounding whitespace and a trailing GS', () => {
    expect(ok(parse(`  ]C10109506000134352${GS}\r\n`)).hri).toBe('(01)09506000134352');
    expect(ok(parse('\t(01)09506000134352(10)ABC123 \n')).elements).toHaveLength(2);
  });

  it('tolerates a GS after a fixed-length AI', () => {
    expect(ok(parse(`0109506000134352${GS}17201225`)).elements).toHaveLength(2);
  });

  it('rejects non-GS1 symbologies', () => {
    expect(error(parse(']C00109506000134352'))).toMatch(/not a GS1 barcode.*\]C0/);
  });

  it('reads "\\(" in bracketed values as a literal bracket, and escapes it in hri', () => {
    const r = ok(parse('(01)09506000134352(10)A\\(21)B(21)X(Y)'));
    expect(r.elements.map((e) => e.value)).toEqual(['09506000134352', 'A(21)B', 'X(Y)']);
    expect(r.hri).toBe('(01)09506000134352(10)A\\(21)B(21)X\\(Y)');
  });

  it('documents the misread when a GS is missing between two variable-length AIs', () => {
    // Without FNC1/GS after the lot, "21XYZ" is simply more lot number: the data
    // is valid CSET 82 and nothing marks the end of (10). GS1 forbids encoding it so.
    const r = ok(parse('0109506000134352' + '10ABC' + '21XYZ'));
    expect(r.elements).toEqual([{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'ABC21XYZ' }]);
  });
});

describe('parseGs1: plain GTIN scans', () => {
  it.each([
    ['EAN-8', '96385074', '00000096385074'],
    ['UPC-A', '036000291452', '00036000291452'],
    ['EAN-13', '9506000134352', '09506000134352'],
    ['GTIN-14', '09506000134352', '09506000134352'],
    ['EAN-13 with ]E0', ']E09506000134352', '09506000134352'],
    ['EAN-8 with ]E4', ']E496385074', '00000096385074'],
  ])('normalises %s to GTIN-14', (_name, raw, gtin14) => {
    const r = ok(parse(raw));
    expect(r.elements).toEqual([{ ai: '01', value: gtin14 }]);
    expect(r.hri).toBe(`(01)${gtin14}`);
  });

  it('verifies the check digit of a plain GTIN', () => {
    expect(error(parse('9506000134355'))).toBe('Check digit is wrong for GTIN-13: expected 2, got 5');
  });

  it('treats 14 digits or fewer as a GTIN, longer digit strings as element strings', () => {
    expect(error(parse('3103001250'))).toMatch(/8, 12, 13 or 14 digits/);
    expect(ok(parse('0109506000134352')).elements).toEqual([{ ai: '01', value: '09506000134352' }]);
    // With ]C1 or FNC1 the short form is an element string after all.
    expect(ok(parse(`${GS}3103001250`)).elements[0]?.decimal).toBe('1.250');
  });
});

describe('parseGs1: errors', () => {
  it('rejects a wrong check digit in plain words', () => {
    expect(error(parse('(01)09506000134355'))).toBe('Check digit is wrong for GTIN (01): expected 2, got 5');
    expect(error(parse('(00)106141412345678901'))).toBe('Check digit is wrong for SSCC (00): expected 8, got 1');
  });

  it('rejects leftover data', () => {
    expect(error(parse('0109506000134352' + '1'))).toBe('Leftover data "1" after GTIN (01) does not belong to any field');
    expect(error(parse(`0109506000134352${GS}X`))).toMatch(/^Leftover data "X"/);
    expect(error(parse('(01)095060001343521'))).toBe('GTIN (01) has the wrong length: expected 14 characters, got 15');
  });

  it('rejects unknown AIs', () => {
    expect(error(parse('(23)ABC'))).toBe('Unknown application identifier (23)');
    expect(error(parse('0109506000134352' + '2312345'))).toMatch(/^Unknown application identifier \(AI\) at "2312345"/);
    expect(error(parse('(01)09506000134352(9999)X'))).toBe('Unknown application identifier (9999)');
  });

  it('rejects data that is cut short, empty values and non-AI text', () => {
    expect(error(parse(']C10109506000134352' + '1720'))).toBe('USE BY or EXPIRY (17) is cut short: expected 6 characters, found 2');
    expect(error(parse(`]C110${GS}21X`))).toBe('BATCH/LOT (10) has no data');
    expect(error(parse('hello world'))).toMatch(/not GS1 barcode data/);
    expect(error(parse('   '))).toBe('Nothing was scanned');
    expect(error(parse('(01)'))).toBe('GTIN (01) has no data');
  });

  it('checks character sets: N digits, X CSET 82, Y CSET 39, Z base64url', () => {
    expect(error(parse('(3103)00125A'))).toMatch(/NET WEIGHT \(kg\) \(3103\) may contain only digits, but has "A"/);
    expect(error(parse('(10)AB CD'))).toMatch(/BATCH\/LOT \(10\) may contain only letters.*" "/);
    expect(error(parse('(10)ÄB'))).toMatch(/"Ä"/);
    expect(error(parse(`]C110AB\u0004`))).toMatch(/control character 4/);
    expect(ok(parse('(8010)0614#-/ABC(8011)1')).elements).toHaveLength(2);
    expect(error(parse('(8010)0614abc(8011)1'))).toMatch(/CPID \(8010\) may contain only capital letters/);
    expect(ok(parse('(00)106141412345678908(8030)Ab-_9z==')).elements).toHaveLength(2);
    expect(error(parse('(00)106141412345678908(8030)Ab+/'))).toMatch(/DIGSIG \(8030\) may contain only letters, digits, - and _/);
  });

  it('rejects the same AI twice with different values, accepts exact repeats', () => {
    expect(error(parse('(01)09506000134352(10)A(10)B'))).toBe('BATCH/LOT (10) appears twice with different values ("A" and "B")');
    expect(ok(parse('(01)09506000134352(10)A(10)A')).elements).toHaveLength(3);
  });

  it('applies optional components and their linters', () => {
    expect(ok(parse('(00)106141412345678908(4330)001234-')).elements[1]?.value).toBe('001234-');
    expect(error(parse('(00)106141412345678908(4330)001234+'))).toMatch(/MAX TEMP F\. \(4330\) may only have "-"/);
    expect(error(parse('(01)09506000134352(8008)250101123'))).toBe('PROD TIME (8008) has the wrong length: expected 8, 10 or 12 characters, got 9');
    expect(error(parse('(01)09506000134352(8008)2501012360'))).toMatch(/impossible minute: "60"/);
  });
});

describe('parseGs1: association rules are warnings', () => {
  it('warns about a missing required AI', () => {
    const r = ok(parse('(10)ABC123'));
    expect(r.warnings).toEqual(['BATCH/LOT (10) is normally accompanied by (01), (02), (03), (8006) or (8026)']);
  });

  it('warns about AIs that must not be combined, once per pair', () => {
    const r = ok(parse('(01)09506000134352(02)09506000134352(37)5'));
    expect(r.warnings).toContain('CONTENT (02) should not be used together with GTIN (01)');
    expect(r.warnings).toContain('GTIN (01) should not be used together with COUNT (37)');
    expect(r.warnings.filter((w) => w.includes('(02)') && w.includes('(01)') && w.includes('should not'))).toHaveLength(1);
  });

  it('does not treat an AI as exclusive of itself (ex=310n on 3103)', () => {
    expect(ok(parse('(01)09506000134352(3103)001250')).warnings).toEqual([]);
    expect(ok(parse('(01)09506000134352(3103)001250(3102)012500')).warnings).toEqual([
      'NET WEIGHT (kg) (3103) should not be used together with NET WEIGHT (kg) (3102)',
    ]);
  });
});
