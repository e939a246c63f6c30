import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../shared/barcode/classify';
import { scanText } from '../../../renderer/scanner/camera/decoder';
import { nodeWasmDecoder, rendered } from '../camera/support';

const today = '2025-06-15';
const classify = (raw: string) => classifyScan(raw, { today });
const GS = '\u001d';
const DATA = `0109506000134352${GS}10LOT-7${GS}17270630`;
const FIELDS = { kind: 'gs1', gtin: '09506000134352', lot: 'LOT-7', expiry: '2027-06-30' };

/**
 * Data Matrix symbology identifiers (ISO/IEC 16022 Annex N, ISO/IEC 21471 for
 * DMRE, as zxing-cpp emits them): the modifier says where FNC1 was, whether an
 * ECI was present, and DMRE adds 6.
 */
describe('classifyScan: Data Matrix identifiers', () => {
  it.each([
    [']d2', 'GS1 (square or rectangular ECC 200)'],
    [']d5', 'GS1 with an ECI'],
    [']d8', 'GS1 in a DMRE size'],
    [']dB', 'GS1 in a DMRE size with an ECI'],
  ])('reads %s (%s) as GS1', (id) => {
    expect(classify(id + DATA)).toMatchObject(FIELDS);
  });

  it.each([
    [']d1', 'plain ECC 200'],
    [']d3', 'AIM (FNC1 second)'],
    [']d4', 'plain with an ECI'],
    [']d6', 'AIM with an ECI'],
    [']d7', 'plain DMRE'],
    [']d9', 'AIM DMRE'],
    [']dA', 'plain DMRE with an ECI'],
    [']dC', 'AIM DMRE with an ECI'],
    [']db', 'not an identifier (modifiers are upper case)'],
  ])('refuses %s (%s) even when the content looks like GS1', (id) => {
    expect(classify(id + DATA)).toMatchObject({ kind: 'unknown', error: expect.stringMatching(/not a GS1 barcode/) });
  });

  it('still checks the content behind a GS1 DMRE identifier', () => {
    expect(classify(']d8hello DMRE')).toMatchObject({ kind: 'unknown' });
    expect(classify(']d8\\0000260109506000134352')).toMatchObject({ kind: 'unknown' });
    expect(classify(']d80109506000134355')).toMatchObject({ kind: 'unknown', error: expect.stringMatching(/Check digit/) });
  });

  it('reads the DMRE sample of the decoder corpus (GenSpecs figure 4.15.1-2, 44x20)', () => {
    const r = classify(`]d801095040000591012112345678p901${GS}101234567p${GS}171411208200http://www.gs1.org/demo/`);
    expect(r).toMatchObject({ kind: 'gs1', gtin: '09504000059101', serial: '12345678p901', lot: '1234567p', expiry: '2014-11-20' });
  });
});

describe('classifyScan: what zxing-wasm reports for a Data Matrix', () => {
  const decodeRendered = async (bcid: string, text: string, extra: Record<string, string | boolean>) => {
    const decoder = await nodeWasmDecoder();
    const [result, ...more] = await decoder.decode(await rendered(bcid, text, extra));
    expect(more).toHaveLength(0);
    if (!result) throw new Error('nothing decoded');
    return result;
  };
  const HRI = '(01)09506000134352(10)LOT-7(17)270630';

  it.each([
    ['square', {}, ']d2'],
    ['DMRE 16x64', { dmre: true, version: '16x64' }, ']d8'],
    ['DMRE 24x64', { dmre: true, version: '24x64' }, ']d8'],
  ])('GS1 DataMatrix, %s, classifies as GS1', async (_name, extra, identifier) => {
    const result = await decodeRendered('gs1datamatrix', HRI, extra);
    expect(result.symbologyIdentifier).toBe(identifier);
    expect(classify(scanText(result))).toMatchObject(FIELDS);
  });

  it('a plain DMRE with GS1-looking digits is not GS1', async () => {
    const result = await decodeRendered('datamatrix', '0109506000134352', { dmre: true, version: '8x48' });
    expect(result.symbologyIdentifier).toBe(']d7');
    expect(classify(scanText(result))).toMatchObject({ kind: 'unknown' });
  });
});
