/**
 * Engine `zxing-wasm`: zxing-cpp in WebAssembly (`zxing-wasm/reader`).
 *
 * The package would fetch its `.wasm` from jsDelivr by default; callers must
 * pass Emscripten overrides that load it locally: in the browser
 * `browserWasmOverrides` (zxing-wasm-url.ts, the file bundled by Vite), in
 * Node `{ wasmBinary }` read from node_modules.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadInputBarcodeFormat, type ReadResult, type ZXingModuleOverrides } from 'zxing-wasm/reader';
import { WAREHOUSE_FORMATS, type BarcodeDecoder, type BarcodeFormatName, type DecodeOptions, type DecodeResult, type Frame } from './decoder';
import { eanUpcFormat, upcAsEan13 } from './normalize';

const TO_WASM: Readonly<Record<BarcodeFormatName, readonly ReadInputBarcodeFormat[]>> = {
  EAN13: ['EAN13'],
  EAN8: ['EAN8'],
  UPCA: ['UPCA'],
  UPCE: ['UPCE'],
  Code128: ['Code128'],
  Code39: ['Code39'],
  Code93: ['Code93'],
  Codabar: ['Codabar'],
  ITF: ['ITF'],
  DataBar: ['DataBarOmni', 'DataBarStk', 'DataBarStkOmni'],
  DataBarExpanded: ['DataBarExp', 'DataBarExpStk'],
  DataMatrix: ['DataMatrix'],
  QRCode: ['QRCode'],
  PDF417: ['PDF417'],
  Aztec: ['Aztec'],
};

const FROM_WASM: Readonly<Partial<Record<ReadResult['format'], BarcodeFormatName>>> = {
  EAN13: 'EAN13',
  ISBN: 'EAN13',
  EAN8: 'EAN8',
  UPCA: 'UPCA',
  UPCE: 'UPCE',
  Code128: 'Code128',
  Code39: 'Code39',
  Code39Std: 'Code39',
  Code39Ext: 'Code39',
  Code93: 'Code93',
  Codabar: 'Codabar',
  ITF: 'ITF',
  ITF14: 'ITF',
  DataBar: 'DataBar',
  DataBarOmni: 'DataBar',
  DataBarStk: 'DataBar',
  DataBarStkOmni: 'DataBar',
  DataBarExp: 'DataBarExpanded',
  DataBarExpStk: 'DataBarExpanded',
  DataMatrix: 'DataMatrix',
  QRCode: 'QRCode',
  QRCodeModel1: 'QRCode',
  QRCodeModel2: 'QRCode',
  MicroQRCode: 'QRCode',
  PDF417: 'PDF417',
  CompactPDF417: 'PDF417',
  Aztec: 'Aztec',
  AztecCode: 'Aztec',
};

export function zxingWasmReaderOptions(options: DecodeOptions = {}): ReaderOptions {
  return {
    formats: (options.formats ?? WAREHOUSE_FORMATS).flatMap((f) => TO_WASM[f]),
    tryHarder: options.tryHarder ?? true,
    tryRotate: true,
    tryInvert: true,
    tryDownscale: true,
    // Plain: content as encoded, FNC1 separators as GS. (The default, HRI,
    // would turn GS1 data into "(01)…" text.)
    textMode: 'Plain',
    maxNumberOfSymbols: 8,
  };
}

export function fromZxingWasmResult(result: ReadResult): DecodeResult | undefined {
  const named = FROM_WASM[result.format];
  if (!result.isValid || named === undefined) return undefined;
  const text = named === 'UPCA' || named === 'UPCE' ? upcAsEan13(result.text, named) : result.text;
  const format = eanUpcFormat(named, text);
  return result.symbologyIdentifier ? { text, format, symbologyIdentifier: result.symbologyIdentifier } : { text, format };
}

/** Instantiates the module (compiling the wasm) before resolving, so the first frame is not slow. */
export async function createZxingWasmDecoder(overrides: ZXingModuleOverrides): Promise<BarcodeDecoder> {
  await prepareZXingModule({ overrides, fireImmediately: true });
  return {
    name: 'zxing-wasm',
    async decode(frame: Frame, options?: DecodeOptions): Promise<DecodeResult[]> {
      // zxing-wasm reads only width, height and data of an ImageData.
      const results = await readBarcodes(frame as ImageData, zxingWasmReaderOptions(options));
      return results.flatMap((r) => fromZxingWasmResult(r) ?? []);
    },
  };
}
