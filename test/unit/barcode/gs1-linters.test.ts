import { describe, it, expect } from 'vitest';
import { GS1_LINTERS, checkCharset, csumAlphaPair, runLinter } from '../../../shared/barcode/gs1-linters';

const ctx = { label: 'TEST (99)', refYear: 2025 };
const lint = (name: string, data: string) => {
  const linter = GS1_LINTERS[name];
  if (!linter) throw new Error(`no linter ${name}`);
  return linter(data, ctx);
};

describe('GS1 linters', () => {
  it.each([
    // [linter, good values, bad values]
    ['csum', ['09506000134352', '106141412345678908'], ['09506000134355', '1']],
    ['csumalpha', ['1987654Ad4X4bL5ttr2310c2K', '12345678901234567890123NT', '22'], ['1987654Ad4X4bL5ttr2310cXK', '33', '2']],
    ['gcppos1', ['0614', '0614ABC'], ['061', '06A4']],
    ['gcppos2', ['10614', '9061412'], ['0614', '1A614']],
    ['yymmd0', ['250200', '241231'], ['251301', '250230']],
    ['yymmdd', ['250101'], ['250100', '250431']],
    ['yyyymmdd', ['20000229'], ['19000229', '2025013']],
    ['yymmddhh', ['25010123'], ['25010124', '25013200']],
    ['hhmi', ['0000', '2359'], ['2400', '1260', '123']],
    ['hh', ['00', '23'], ['24']],
    ['mi', ['59'], ['60']],
    ['ss', ['00'], ['60']],
    ['yesno', ['0', '1'], ['2']],
    ['zero', ['0'], ['1']],
    ['nonzero', ['0001'], ['0000']],
    ['winding', ['0', '1', '9'], ['2']],
    ['pieceoftotal', ['0102', '0202', '0199'], ['0201', '0001', '0100']],
    ['hyphen', ['-'], ['+']],
    ['nozeroprefix', ['0', '10'], ['01']],
    ['hasnondigit', ['1A'], ['123']],
    ['pcenc', ['A%20B', 'ABC'], ['A%2', '%GG']],
    ['iban', ['GB82WEST12345698765432', 'DE89370400440532013000'], ['GB82WEST12345698765431', 'gb82WEST12345698765432', 'GB8']],
    ['latitude', ['0000000000', '1800000000'], ['1800000001', '123']],
    ['longitude', ['3600000000'], ['3600000001']],
    ['mediatype', ['01', '10', '80', '99'], ['00', '11', '79']],
    ['iso5218', ['0', '1', '2', '9'], ['3']],
    ['posinseqslash', ['1/2', '2/2'], ['3/2', '0/1', '1-2']],
    ['importeridx', ['-', '0', 'Z', '_', 'a'], ['!', 'AA', '']],
    ['iso3166alpha2', ['GB'], ['gb', 'G1']],
  ])('%s', (name, good, bad) => {
    for (const v of good) expect(lint(name, v), `${name} should accept ${v}`).toBeUndefined();
    for (const v of bad) expect(lint(name, v), `${name} should reject ${v}`).toMatch(/TEST \(99\)/);
  });

  it('lets unknown or unchecked linters pass', () => {
    expect(runLinter('iso4217', '999', ctx)).toBeUndefined();
    expect(runLinter('no-such-linter', 'x', ctx)).toBeUndefined();
  });

  it('computes the GenSpecs alphanumeric check pair', () => {
    expect(csumAlphaPair('1987654Ad4X4bL5ttr2310c')).toBe('2K');
  });

  it('checks character sets', () => {
    expect(checkCharset('N', '0123', 'L')).toBeUndefined();
    expect(checkCharset('X', `!"%&'()*+,-./:;<=>?_azAZ09`, 'L')).toBeUndefined();
    expect(checkCharset('X', 'A#', 'L')).toMatch(/"#"/);
    expect(checkCharset('Y', '#-/AZ09', 'L')).toBeUndefined();
    expect(checkCharset('Y', 'a', 'L')).toMatch(/"a"/);
    expect(checkCharset('Z', 'aZ0-_==', 'L')).toBeUndefined();
    expect(checkCharset('Z', 'a=b', 'L')).toMatch(/"="/);
  });
});
