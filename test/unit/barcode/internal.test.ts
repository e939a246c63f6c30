import { describe, it, expect } from 'vitest';
import {
  asnBarcode, internalBarcode, locationBarcode, lpnBarcode, orderBarcode, parseInternalBarcode, poBarcode, rmaBarcode, toteBarcode,
  type InternalBarcodeType,
} from '../../../shared/barcode/internal';

describe('internal barcode builders', () => {
  it('build prefixed, upper-case texts', () => {
    expect(locationBarcode('a-01-02')).toBe('LOC-A-01-02');
    expect(toteBarcode(17)).toBe('TOTE-17');
    expect(poBarcode('2024-00017')).toBe('PO-2024-00017');
    expect(asnBarcode(991)).toBe('ASN-991');
    expect(rmaBarcode('R55')).toBe('RMA-R55');
    expect(orderBarcode('100234')).toBe('ORD-100234');
    expect(lpnBarcode('000123')).toBe('LPN-000123');
  });

  it.each([
    ['location', ''],
    ['location', 'A--1'],
    ['location', 'A_1'],
    ['location', '-A'],
    ['tote', 'T1'],
    ['tote', -1],
    ['tote', 1.5],
    ['lpn', 'X'.repeat(3)],
    ['order', 'X'.repeat(33)],
  ] as [InternalBarcodeType, string | number][])('refuse %s value %j', (type, value) => {
    expect(() => internalBarcode(type, value)).toThrow(RangeError);
  });

  it('round-trip through the parser for every type', () => {
    const samples: [InternalBarcodeType, string][] = [
      ['location', 'A-01-02'], ['tote', '17'], ['po', '2024-17'], ['asn', 'X9'], ['rma', '5'], ['order', 'W-1'], ['lpn', '123'],
    ];
    for (const [type, value] of samples) {
      const barcode = internalBarcode(type, value);
      expect(parseInternalBarcode(barcode)).toEqual({ ok: true, type, value, barcode });
    }
  });
});

describe('parseInternalBarcode', () => {
  it('ignores whitespace, symbology identifiers and case', () => {
    expect(parseInternalBarcode(' ]C0loc-a-01 \r\n')).toEqual({ ok: true, type: 'location', value: 'A-01', barcode: 'LOC-A-01' });
    expect(parseInternalBarcode(']A0TOTE-5')).toMatchObject({ ok: true, type: 'tote', value: '5' });
  });

  it('says which barcode is malformed when the prefix is ours', () => {
    expect(parseInternalBarcode('TOTE-A1')).toEqual({
      ok: false, recognised: true, error: '"TOTE-A1" is not a valid tote barcode: use digits only after "TOTE-"',
    });
    expect(parseInternalBarcode('LOC-')).toMatchObject({ ok: false, recognised: true, error: 'A location barcode needs something after "LOC-"' });
  });

  it('does not claim other data', () => {
    for (const raw of ['0109506000134352', '(01)09506000134352', 'LOCA-1', 'POS-1', 'hello', '-LOC']) {
      expect(parseInternalBarcode(raw)).toMatchObject({ ok: false, recognised: false });
    }
  });
});
