import { describe, expect, it } from 'vitest';
import { BarcodeFormat, BinaryBitmap, HybridBinarizer, MultiFormatReader, Result, RGBLuminanceSource } from '@zxing/library';
import { classifyScan } from '../../../shared/barcode/classify';
import { parseGs1 } from '../../../shared/barcode/gs1';
import { GS, scanText, type BarcodeDecoder, type DecodeResult } from '../../../renderer/scanner/camera/decoder';
import { toLuminance } from '../../../renderer/scanner/camera/normalize';
import { createZxingJsDecoder, fromZxingJsResult, zxingJsHints } from '../../../renderer/scanner/camera/zxing-js-engine';
import { zxingWasmReaderOptions } from '../../../renderer/scanner/camera/zxing-wasm-engine';
import { blank, fixture, nodeWasmDecoder, rendered } from './support';

const TODAY = { today: '2026-01-15' };

const engines: [string, () => Promise<BarcodeDecoder>][] = [
  ['zxing-js', () => Promise.resolve(createZxingJsDecoder())],
  ['zxing-wasm', nodeWasmDecoder],
];

/** Corpus images both engines read (zxing-js misses the rest; see the decode bench). */
const BOTH_READ = ['code128-1/1.png', 'code39-1/4.png', 'datamatrix-1/0123456789.png', 'ean8-1/1.png', 'qrcode-2/gs1-figure-4.15.1-2.png'];

const only = (results: DecodeResult[]): DecodeResult => {
  expect(results).toHaveLength(1);
  const [first] = results;
  if (!first) throw new Error('no result');
  return first;
};

describe.each(engines)('engine %s', (name, create) => {
  it('reports its name', async () => {
    expect((await create()).name).toBe(name);
  });

  it.each(BOTH_READ)('reads corpus image %s exactly', async (path) => {
    const { frame, expected, identifier } = fixture(path);
    const result = only(await (await create()).decode(frame));
    expect(result.text).toBe(expected);
    // zxing-js cannot tell whether a QR Code is in GS1 mode, so it gives no identifier there.
    if (identifier !== null && result.symbologyIdentifier !== undefined) expect(result.symbologyIdentifier).toBe(identifier);
  });

  it('keeps GS1 separators of a GS1 QR Code, which then parses as GS1', async () => {
    const { frame } = fixture('qrcode-2/gs1-figure-4.15.1-2.png');
    const result = only(await (await create()).decode(frame));
    expect(result.text).toContain(GS);
    const parsed = parseGs1(scanText(result), TODAY);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.elements.map((e) => e.ai)).toEqual(['01', '21', '10', '17', '8200']);
  });

  it('reads a GS1-128 with FNC1 separators as ]C1 + GS-separated elements', async () => {
    const frame = await rendered('gs1-128', '(01)09506000134352(10)ABC123(17)261231(21)XYZ');
    const result = only(await (await create()).decode(frame));
    expect(result).toEqual({ format: 'Code128', symbologyIdentifier: ']C1', text: `010950600013435210ABC123${GS}1726123121XYZ` });
    const scan = classifyScan(scanText(result), TODAY);
    expect(scan).toMatchObject({ kind: 'gs1', gtin: '09506000134352', lot: 'ABC123', expiry: '2026-12-31', serial: 'XYZ' });
  });

  it('reads a GS1 DataMatrix as ]d2 + GS-separated elements', async () => {
    const frame = await rendered('gs1datamatrix', '(01)09506000134352(10)LOT-7(17)270630(21)S1');
    const result = only(await (await create()).decode(frame));
    expect(result).toEqual({ format: 'DataMatrix', symbologyIdentifier: ']d2', text: `010950600013435210LOT-7${GS}1727063021S1` });
    expect(classifyScan(scanText(result), TODAY)).toMatchObject({ kind: 'gs1', lot: 'LOT-7', expiry: '2027-06-30', serial: 'S1' });
  });

  it('tells a plain Code 128 (]C0) from GS1-128, and reads our own labels', async () => {
    const result = only(await (await create()).decode(await rendered('code128', 'LOC-A-01-02')));
    expect(result).toEqual({ format: 'Code128', symbologyIdentifier: ']C0', text: 'LOC-A-01-02' });
    expect(classifyScan(scanText(result))).toMatchObject({ kind: 'internal', type: 'location', value: 'A-01-02' });
  });

  it('gives retail codes the same text: EAN-13, UPC-A as 13 digits, ITF-14 as ]I1', async () => {
    const decoder = await create();
    expect(only(await decoder.decode(await rendered('ean13', '9506000134352')))).toEqual({ format: 'EAN13', symbologyIdentifier: ']E0', text: '9506000134352' });
    expect(only(await decoder.decode(await rendered('upca', '036000291452')))).toEqual({ format: 'UPCA', symbologyIdentifier: ']E0', text: '0036000291452' });
    const itf = only(await decoder.decode(await rendered('itf14', '15400141288763')));
    expect(itf).toEqual({ format: 'ITF', symbologyIdentifier: ']I1', text: '15400141288763' });
    expect(classifyScan(scanText(itf))).toMatchObject({ kind: 'gs1', gtin: '15400141288763' });
  });

  it('gives GS1 DataBar its AI 01 element string', async () => {
    const result = only(await (await create()).decode(await rendered('databaromni', '(01)09506000134352')));
    expect(result).toEqual({ format: 'DataBar', symbologyIdentifier: ']e0', text: '0109506000134352' });
  });

  it('finds nothing in a blank frame or a corpus false-positive image', async () => {
    const decoder = await create();
    expect(await decoder.decode(blank())).toEqual([]);
    expect(await decoder.decode(fixture('falsepositives-1/#570.png').frame)).toEqual([]);
  });

  it('honours the formats of each call', async () => {
    const decoder = await create();
    const { frame } = fixture('ean8-1/1.png');
    expect(await decoder.decode(frame, { formats: ['QRCode'] })).toEqual([]);
    expect(only(await decoder.decode(frame, { formats: ['EAN8'] })).text).toBe('48512343');
    expect(only(await decoder.decode(frame)).text).toBe('48512343');
  });

  it('does not report a symbol from an earlier frame', async () => {
    const decoder = await create();
    expect(await decoder.decode(await rendered('databaromni', '(01)09506000134352'))).toHaveLength(1);
    expect(await decoder.decode(blank(346, 163))).toEqual([]);
    expect(await decoder.decode(await rendered('upce', '01234565'), { formats: ['DataBar', 'QRCode'] })).toEqual([]);
  });
});

describe('zxing-wasm only', () => {
  it('reads GS1 DataBar Expanded with its separators', async () => {
    const { frame, expected } = fixture('rssexpanded-1/10.png');
    const result = only(await (await nodeWasmDecoder()).decode(frame));
    expect(result).toEqual({ format: 'DataBarExpanded', symbologyIdentifier: ']e0', text: expected });
    expect(result.text.split(GS)).toHaveLength(4);
  });

  it('reads a GS1 DataMatrix photo-sized rendering from the corpus', async () => {
    const { frame, expected } = fixture('datamatrix-1/gs1-figure-4.15.1-2-32x32.png');
    const result = only(await (await nodeWasmDecoder()).decode(frame));
    expect(result).toEqual({ format: 'DataMatrix', symbologyIdentifier: ']d2', text: expected });
    expect(parseGs1(scanText(result), TODAY)).toMatchObject({ ok: true });
  });

  it('reads UPC-E as its 13-digit UPC-A form', async () => {
    const { frame, expected } = fixture('upce-1/1.png');
    expect(only(await (await nodeWasmDecoder()).decode(frame))).toEqual({ format: 'UPCE', symbologyIdentifier: ']E0', text: expected });
  });

  it('asks for plain text (GS kept), not the HRI "(01)…" default', () => {
    expect(zxingWasmReaderOptions({ formats: ['DataBar', 'DataBarExpanded'], tryHarder: false })).toMatchObject({
      textMode: 'Plain',
      tryHarder: false,
      formats: ['DataBarOmni', 'DataBarStk', 'DataBarStkOmni', 'DataBarExp', 'DataBarExpStk'],
    });
  });
});

describe('zxing-js hints', () => {
  it('sets POSSIBLE_FORMATS, TRY_HARDER and ASSUME_GS1 per call', () => {
    const hints = zxingJsHints({ formats: ['Code128', 'QRCode'] });
    expect([...hints.keys()].sort()).toEqual([2, 3, 8]); // POSSIBLE_FORMATS, TRY_HARDER, ASSUME_GS1
    // TRY_HARDER counts when present at all, so "false" must mean absent.
    expect(zxingJsHints({ formats: ['QRCode'], tryHarder: false }).size).toBe(1);
  });

  it('is needed: without hints per call the FNC1 separators of a GS1-128 vanish', async () => {
    const frame = await rendered('gs1-128', '(01)09506000134352(10)ABC123(17)261231');
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(toLuminance(frame), frame.width, frame.height)));
    const text = new MultiFormatReader().decode(bitmap).getText();
    expect(text).toBe('010950600013435210ABC12317261231');
    expect(parseGs1(text, TODAY)).toMatchObject({ ok: true, elements: [{ ai: '01' }, { ai: '10', value: 'ABC12317261231' }] });
  });
});

describe('zxing-js results in the shared shape', () => {
  const result = (text: string, format: BarcodeFormat) => fromZxingJsResult(new Result(text, new Uint8Array(0), 0, [], format));

  it.each([
    ['GS1-128: "]C1" prefix becomes the identifier', ']C10109506000134352', BarcodeFormat.CODE_128, { text: '0109506000134352', symbologyIdentifier: ']C1' }],
    ['Code 128: a closing FNC1 is dropped', `10068408${GS}`, BarcodeFormat.CODE_128, { text: '10068408', symbologyIdentifier: ']C0' }],
    ['GS1 DataMatrix: the leading FNC1 becomes ]d2', `${GS}0109506000134352`, BarcodeFormat.DATA_MATRIX, { text: '0109506000134352', symbologyIdentifier: ']d2' }],
    ['DataBar Expanded: bracketed HRI becomes an element string', '(01)09506000134352(10)AB(17)261231', BarcodeFormat.RSS_EXPANDED, { text: `010950600013435210AB${GS}17261231`, symbologyIdentifier: ']e0' }],
    ['DataBar: GTIN gets its AI 01', '09506000134352', BarcodeFormat.RSS_14, { text: '0109506000134352', symbologyIdentifier: ']e0' }],
    ['UPC-E: expanded to 13 digits', '01234565', BarcodeFormat.UPC_E, { text: '0012345000065', format: 'UPCE', symbologyIdentifier: ']E0' }],
    ['QR Code: no identifier (GS1 mode unknown)', 'hello', BarcodeFormat.QR_CODE, { text: 'hello', format: 'QRCode' }],
  ])('%s', (_, text, format, expected) => {
    const shaped = result(text, format);
    expect(shaped).toMatchObject(expected);
    if (!('symbologyIdentifier' in expected)) expect(shaped?.symbologyIdentifier).toBeUndefined();
  });

  it('drops formats outside the shared list', () => {
    expect(result('x', BarcodeFormat.MAXICODE)).toBeUndefined();
  });
});
