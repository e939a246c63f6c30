import { describe, expect, it } from 'vitest';
import { parseGs1 } from '../../../shared/barcode/gs1';
import { addressLines, cartonLabelZpl, testLabelZpl, zplText } from '../../../shared/labels/zpl';
import { makeCartonLabel, SSCC } from './fixtures';

const GS = '\u001d';

/** The commands of a ZPL format, split on the caret (the field data of ^FD runs to ^FS). */
const commands = (zpl: string): string[] => zpl.split('^').slice(1).map((c) => c.trim());

describe('carton label ZPL (GS1-128)', () => {
  const zpl = cartonLabelZpl(makeCartonLabel(), { dpi: 203, symbology: 'gs1-128' });

  it('is one complete format: ^XA first, ^XZ last, nothing outside', () => {
    expect(zpl.startsWith('^XA\n')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
  });

  it('sets UTF-8 and the 4x6 inch media at 203 dpi', () => {
    const cmds = commands(zpl);
    expect(cmds).toContain('CI28');
    expect(cmds).toContain('PW812');
    expect(cmds).toContain('LL1218');
    expect(cmds).toContain('PQ1');
  });

  it('encodes the SSCC as GS1-128: subset C start, FNC1, AI 00, 18 digits', () => {
    const symbol = zpl.match(/\^BCN,(\d+),N,N,N,N\^FD(.*?)\^FS/);
    expect(symbol?.[2]).toBe(`>;>800${SSCC}`);
    // 32 mm bars: GS1 logistic labels need at least 31.75 mm.
    expect(Number(symbol?.[1])).toBeGreaterThanOrEqual(Math.ceil((31.75 / 25.4) * 203));
    // X-dimension 4 dots = 0.5 mm at 203 dpi (GS1 minimum 0.495 mm).
    expect(zpl).toContain('^BY4\n');
  });

  it('carries a GS1 element string the shared parser accepts as the SSCC', () => {
    const data = zpl.match(/\^FD>;>8(\d+)\^FS/)?.[1] ?? '';
    // >8 is FNC1 in first position, which a scanner transmits as the ]C1 symbology identifier.
    const parsed = parseGs1(`]C1${data}`);
    expect(parsed.ok && parsed.elements).toEqual([expect.objectContaining({ ai: '00', value: SSCC })]);
  });

  it('centres the symbol with its quiet zones on the label', () => {
    const x = Number(zpl.match(/\^FO(\d+),\d+\^BC/)?.[1]);
    const width = (11 + 11 + 10 * 11 + 11 + 13) * 4;
    expect(x).toBeGreaterThanOrEqual(10 * 4);
    expect(x + width).toBeLessThanOrEqual(812 - 10 * 4);
  });

  it('prints the ship-to block, order, PO, carton x of y, carrier, tracking, weight and the SSCC in brackets', () => {
    for (const line of addressLines(makeCartonLabel().shipTo)) expect(zpl).toContain(`^FH^FD${line}^FS`);
    expect(zpl).toContain('^FH^FDSHIP TO^FS');
    expect(zpl).toContain('^FH^FDORDER: W-100234^FS');
    expect(zpl).toContain('^FH^FDPO: PO-7788^FS');
    expect(zpl).toContain('^FH^FD2 OF 5^FS');
    expect(zpl).toContain('^FH^FDCARRIER: DHL Paket^FS');
    expect(zpl).toContain('^FH^FDTRACKING: 00340434161234567890^FS');
    expect(zpl).toContain('^FH^FDWEIGHT: 12.345 kg^FS');
    expect(zpl).toContain(`^FH^FD(00) ${SSCC}^FS`);
  });

  it('formats addresses the way the country writes them', () => {
    expect(addressLines({ name: 'A', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' })).toEqual([
      'A', '1 Main St', 'Springfield, IL 62701', 'US',
    ]);
    expect(addressLines({ name: 'B', line1: 'Hafenstrasse 1', city: 'Hamburg', postalCode: '20457', country: 'DE' })).toEqual([
      'B', 'Hafenstrasse 1', '20457 Hamburg', 'DE',
    ]);
  });

  it('leaves out what the carton does not have', () => {
    const bare = cartonLabelZpl(
      makeCartonLabel({ purchaseOrder: undefined, carrier: undefined, service: undefined, trackingNumber: undefined, weightGrams: undefined }),
      { dpi: 203, symbology: 'gs1-128' },
    );
    expect(bare).not.toMatch(/PO:|CARRIER:|TRACKING:|WEIGHT:/);
    expect(bare).toContain('ORDER: W-100234');
  });

  it('repeats the format with ^PQ for copies', () => {
    expect(commands(cartonLabelZpl(makeCartonLabel(), { dpi: 203, symbology: 'gs1-128' }, 3))).toContain('PQ3');
  });
});

describe('carton label ZPL at 300 dpi and as DataMatrix', () => {
  it('scales the media and the X-dimension for a 300 dpi head', () => {
    const zpl = cartonLabelZpl(makeCartonLabel(), { dpi: 300, symbology: 'gs1-128' });
    expect(commands(zpl)).toEqual(expect.arrayContaining(['PW1200', 'LL1800', 'BY6']));
    expect(Number(zpl.match(/\^BCN,(\d+),/)?.[1])).toBeGreaterThanOrEqual(Math.ceil((31.75 / 25.4) * 300));
  });

  it('encodes a GS1 DataMatrix with ECC 200 and FNC1 through an explicit escape character', () => {
    const zpl = cartonLabelZpl(makeCartonLabel(), { dpi: 203, symbology: 'datamatrix' });
    expect(zpl).toMatch(new RegExp(`\\^BXN,6,200,,,,_\\^FD_100${SSCC}\\^FS`));
    expect(zpl).not.toContain('^BC');
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    // The element string after FNC1 parses as the SSCC (GS1 DataMatrix reads back as ]d2).
    const data = zpl.match(/\^FD_1(\d+)\^FS/)?.[1] ?? '';
    const parsed = parseGs1(`]d2${data}`);
    expect(parsed.ok && parsed.elements[0]).toMatchObject({ ai: '00', value: SSCC });
  });
});

describe('text fields', () => {
  it('cannot inject ZPL: carets, tildes and underscores go as ^FH hex', () => {
    expect(zplText('A^XZ^XA~JR_x')).toBe('^FH^FDA_5EXZ_5EXA_7EJR_5Fx^FS');
    const zpl = cartonLabelZpl(
      makeCartonLabel({ shipTo: { ...makeCartonLabel().shipTo, name: 'Evil ^XZ^XA^FO0,0^GB812,1218,812^FS ~JA' } }),
      { dpi: 203, symbology: 'gs1-128' },
    );
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl.match(/\^XA/g)).toHaveLength(1);
    expect(zpl).not.toContain('~JA');
  });

  it('keeps UTF-8 text as is (^CI28) and flattens control characters', () => {
    expect(zplText('München')).toBe('^FH^FDMünchen^FS');
    expect(zplText(`a${GS}b\nc`)).toBe('^FH^FDa b c^FS');
  });

  it('shrinks long lines so they stay inside their block', () => {
    const zpl = cartonLabelZpl(
      makeCartonLabel({ shipTo: { ...makeCartonLabel().shipTo, name: 'Internationale Sportartikel Handelsgesellschaft mbH & Co' } }),
      { dpi: 203, symbology: 'gs1-128' },
    );
    const size = Number(zpl.match(/\^A0N,(\d+),\d+\^FH\^FDInternationale/)?.[1]);
    expect(size).toBeLessThan(30);
    expect(size).toBeGreaterThanOrEqual(16);
  });
});

describe('test label', () => {
  it('is a complete format with a frame, the printer name and a scannable barcode', () => {
    const zpl = testLabelZpl({ printerName: 'Zebra dock 3 (10.0.0.7:9100)', dpi: 203, printedAt: '2025-03-01T10:00:00.000Z' });
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toMatch(/\^GB\d+,\d+,\d+\^FS/);
    expect(zpl).toContain('Printer: Zebra dock 3 (10.0.0.7:9100)');
    expect(zpl).toContain('^BCN,160,Y,N,N^FDDOCKSCAN-TEST^FS');
  });
});
