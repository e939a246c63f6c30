import { describe, it, expect } from 'vitest';
import { normalizeGtin } from '../../../shared/barcode/gtin';

describe('normalizeGtin', () => {
  it.each([
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    ['9506000134352', '09506000134352'],
    ['09506000134352', '09506000134352'],
    [' 9506000134352\n', '09506000134352'],
  ])('%j -> %s', (raw, gtin14) => {
    expect(normalizeGtin(raw)).toEqual({ ok: true, gtin14 });
  });

  it.each([
    ['9506000134355', 'Check digit is wrong for GTIN-13: expected 2, got 5'],
    ['96385070', 'Check digit is wrong for GTIN-8: expected 4, got 0'],
    ['3103001250', 'A GTIN has 8, 12, 13 or 14 digits, but this has 10'],
    ['950600013435A', 'A GTIN may contain only digits'],
    ['', 'No GTIN was given'],
  ])('rejects %j', (raw, error) => {
    expect(normalizeGtin(raw)).toEqual({ ok: false, error });
  });
});
