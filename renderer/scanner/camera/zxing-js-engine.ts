/**
 * Engine `zxing-js`: @zxing/library's MultiFormatReader.
 *
 * Hints go in with `setHints()` for the options of each call and the frame is
 * decoded with `decodeWithState()`: hints handed over any other way (e.g. to
 * the browser helpers' constructors) are silently dropped, and without
 * ASSUME_GS1 the Code 128 reader throws FNC1 away, so GS1 separators vanish.
 * The reader is reset after every frame: the DataBar readers keep row pairs
 * between calls and otherwise report a symbol from an earlier frame.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  ChecksumException,
  DecodeHintType,
  FormatException,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
  type Result,
} from '@zxing/library';
import { GS, WAREHOUSE_FORMATS, type BarcodeDecoder, type BarcodeFormatName, type DecodeOptions, type DecodeResult, type Frame } from './decoder';
import { eanUpcFormat, hriToElementString, itfSymbologyIdentifier, toLuminance, upcAsEan13 } from './normalize';

const TO_ZXING: Readonly<Record<BarcodeFormatName, BarcodeFormat>> = {
  EAN13: BarcodeFormat.EAN_13,
  EAN8: BarcodeFormat.EAN_8,
  UPCA: BarcodeFormat.UPC_A,
  UPCE: BarcodeFormat.UPC_E,
  Code128: BarcodeFormat.CODE_128,
  Code39: BarcodeFormat.CODE_39,
  Code93: BarcodeFormat.CODE_93,
  Codabar: BarcodeFormat.CODABAR,
  ITF: BarcodeFormat.ITF,
  DataBar: BarcodeFormat.RSS_14,
  DataBarExpanded: BarcodeFormat.RSS_EXPANDED,
  DataMatrix: BarcodeFormat.DATA_MATRIX,
  QRCode: BarcodeFormat.QR_CODE,
  PDF417: BarcodeFormat.PDF_417,
  Aztec: BarcodeFormat.AZTEC,
};

const FROM_ZXING: ReadonlyMap<BarcodeFormat, BarcodeFormatName> = new Map(
  (Object.entries(TO_ZXING) as [BarcodeFormatName, BarcodeFormat][]).map(([name, format]) => [format, name]),
);

/** The hints for one call's options. TRY_HARDER counts when present at all, so it is only set when wanted. */
export function zxingJsHints(options: DecodeOptions = {}): Map<DecodeHintType, unknown> {
  const formats = options.formats ?? WAREHOUSE_FORMATS;
  const hints = new Map<DecodeHintType, unknown>();
  hints.set(DecodeHintType.POSSIBLE_FORMATS, formats.map((f) => TO_ZXING[f]));
  if (options.tryHarder ?? true) hints.set(DecodeHintType.TRY_HARDER, true);
  // FNC1 -> "]C1" prefix / GS. Only the Code 128 reader looks at it.
  if (formats.includes('Code128')) hints.set(DecodeHintType.ASSUME_GS1, true);
  return hints;
}

/** A zxing-js result in the shape both engines share (see decoder.ts). */
export function fromZxingJsResult(result: Result): DecodeResult | undefined {
  const format = FROM_ZXING.get(result.getBarcodeFormat());
  if (format === undefined) return undefined;
  const text = result.getText();
  switch (format) {
    case 'Code128': {
      // With ASSUME_GS1 a leading FNC1 becomes "]C1" and later ones GS; an
      // FNC1 closing the data separates nothing and is dropped (as zxing-cpp does).
      const gs1 = text.startsWith(']C1');
      const body = gs1 ? text.slice(3) : text;
      return { text: body.endsWith(GS) ? body.slice(0, -1) : body, format, symbologyIdentifier: gs1 ? ']C1' : ']C0' };
    }
    case 'DataMatrix':
      // FNC1 in first position (GS1 DataMatrix) comes out as a leading GS.
      return text.startsWith(GS) ? { text: text.slice(1), format, symbologyIdentifier: ']d2' } : { text, format, symbologyIdentifier: ']d1' };
    case 'EAN13':
      return { text, format: eanUpcFormat(format, text), symbologyIdentifier: ']E0' };
    case 'EAN8':
      return { text, format, symbologyIdentifier: ']E4' };
    case 'UPCA':
    case 'UPCE':
      return { text: upcAsEan13(text, format), format, symbologyIdentifier: ']E0' };
    case 'ITF':
      return { text, format, symbologyIdentifier: itfSymbologyIdentifier(text) };
    case 'DataBar':
      // zxing-js gives the bare GTIN-14; the symbol's element string is AI 01 + GTIN.
      return { text: /^\d{14}$/.test(text) ? '01' + text : text, format, symbologyIdentifier: ']e0' };
    case 'DataBarExpanded':
      return { text: hriToElementString(text), format, symbologyIdentifier: ']e0' };
    case 'Code39':
      return { text, format, symbologyIdentifier: ']A0' };
    case 'Code93':
      return { text, format, symbologyIdentifier: ']G0' };
    case 'Codabar':
      return { text, format, symbologyIdentifier: ']F0' };
    default:
      // QR, PDF417, Aztec: zxing-js does not say whether FNC1 mode (GS1) was used.
      return { text, format };
  }
}

export function createZxingJsDecoder(): BarcodeDecoder {
  const reader = new MultiFormatReader();
  let hintsKey: string | undefined;
  return {
    name: 'zxing-js',
    decode(frame: Frame, options: DecodeOptions = {}): Promise<DecodeResult[]> {
      try {
        // Per call: the readers are rebuilt only when the options change.
        const key = JSON.stringify([options.formats ?? null, options.tryHarder ?? true]);
        if (key !== hintsKey) {
          reader.setHints(zxingJsHints(options));
          hintsKey = key;
        }
        const source = new RGBLuminanceSource(toLuminance(frame), frame.width, frame.height);
        const found = fromZxingJsResult(reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source))));
        return Promise.resolve(found ? [found] : []);
      } catch (error) {
        // Nothing readable in this frame. (These do not extend ReaderException in zxing-js.)
        if (error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException) return Promise.resolve([]);
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        reader.reset();
      }
    },
  };
}
