import { describe, expect, it } from 'vitest';
import { GS, scanText } from '../../../renderer/scanner/camera/decoder';
import { eanUpcFormat, hriToElementString, itfSymbologyIdentifier, toLuminance, upcAsEan13, upceToUpca } from '../../../renderer/scanner/camera/normalize';

describe('upceToUpca', () => {
  it.each([
    ['01234565', '012345000065'],
    ['04252614', '042100005264'],
  ])('expands %s to %s', (upce, upca) => {
    expect(upceToUpca(upce)).toBe(upca);
  });

  it('follows each zero-suppression rule', () => {
    expect(upceToUpca('01234505')).toBe('012000003455'); // x6 = 0
    expect(upceToUpca('01234515')).toBe('012100003455'); // x6 = 1
    expect(upceToUpca('01234525')).toBe('012200003455'); // x6 = 2
    expect(upceToUpca('01234535')).toBe('012300000455'); // x6 = 3
    expect(upceToUpca('01234545')).toBe('012340000055'); // x6 = 4
    expect(upceToUpca('01234595')).toBe('012345000095'); // x6 = 9
  });

  it('leaves anything else alone', () => {
    expect(upceToUpca('21234565')).toBe('21234565');
    expect(upceToUpca('123')).toBe('123');
  });
});

describe('retail text', () => {
  it('writes UPC-A and UPC-E in their 13-digit form', () => {
    expect(upcAsEan13('036000291452', 'UPCA')).toBe('0036000291452');
    expect(upcAsEan13('0036000291452', 'UPCA')).toBe('0036000291452');
    expect(upcAsEan13('01234565', 'UPCE')).toBe('0012345000065');
  });

  it('calls an EAN-13 starting with 0 a UPC-A', () => {
    expect(eanUpcFormat('EAN13', '0036000291452')).toBe('UPCA');
    expect(eanUpcFormat('EAN13', '9506000134352')).toBe('EAN13');
    expect(eanUpcFormat('EAN8', '01234565')).toBe('EAN8');
  });

  it('marks ITF-14 with a valid check digit as ]I1', () => {
    expect(itfSymbologyIdentifier('15400141288763')).toBe(']I1');
    expect(itfSymbologyIdentifier('15400141288764')).toBe(']I0');
    expect(itfSymbologyIdentifier('0000091897')).toBe(']I0');
  });
});

describe('hriToElementString', () => {
  it('puts GS only after values of AIs without a predefined length', () => {
    expect(hriToElementString('(01)98898765432106(15)991231(3103)001750(10)12A(422)123(21)123456(423)012345678901')).toBe(
      `01988987654321061599123131030017501012A${GS}422123${GS}21123456${GS}423012345678901`,
    );
  });

  it('returns text that is not bracketed HRI unchanged', () => {
    expect(hriToElementString('0109506000134352')).toBe('0109506000134352');
    expect(hriToElementString('x(01)1')).toBe('x(01)1');
  });
});

describe('scanText', () => {
  it('prefixes the symbology identifier when known', () => {
    expect(scanText({ text: '168901', symbologyIdentifier: ']C1' })).toBe(']C1168901');
    expect(scanText({ text: 'LOC-A-01' })).toBe('LOC-A-01');
  });
});

describe('toLuminance', () => {
  it('weights RGB like zxing-wasm and rejects short data', () => {
    const data = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]);
    expect([...toLuminance({ width: 3, height: 1, data })]).toEqual([255, 0, 76]);
    expect(() => toLuminance({ width: 4, height: 1, data })).toThrow(RangeError);
  });
});
