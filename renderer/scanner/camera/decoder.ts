/**
 * The one camera decoder interface, implemented by two engines:
 *
 * - `zxing-js`: @zxing/library (pure JS, one symbol per frame).
 * - `zxing-wasm`: zxing-cpp compiled to WebAssembly, `.wasm` bundled from
 *   the package (never fetched from a CDN).
 *
 * Both return the same text for the same symbol: content without the
 * symbology identifier, GS1 FNC1 separators as GS (0x1D), UPC-A/UPC-E as the
 * 13-digit EAN form, DataBar with its AI 01. The identifier (`]C1`, `]d2`,
 * `]Q3`, `]e0`, `]E0`, …) is carried separately; `scanText()` joins the two
 * into what `classifyScan()` in shared/ expects, just like a hardware
 * scanner configured to send AIM identifiers.
 */

export const ENGINE_NAMES = ['zxing-js', 'zxing-wasm'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * The engine the camera scanner uses unless told otherwise. Measured with
 * `npm run bench decode` on ../shared/data/barcodes in Chromium (see the
 * README in this folder): zxing-wasm read 88% of the corpus (DataMatrix 96%,
 * DataBar Expanded 100%, no false positives) against 43% for zxing-js
 * (DataMatrix 38%, no DataBar Expanded or UPC-E at all), in a quarter of
 * the time per 1280x720 frame (56-81 ms against 215-272 ms).
 */
export const DEFAULT_ENGINE: EngineName = 'zxing-wasm';

/** Formats both engines can read, named once for the whole app. */
export const BARCODE_FORMATS = [
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code128',
  'Code39',
  'Code93',
  'Codabar',
  'ITF',
  'DataBar',
  'DataBarExpanded',
  'DataMatrix',
  'QRCode',
  'PDF417',
  'Aztec',
] as const;
export type BarcodeFormatName = (typeof BARCODE_FORMATS)[number];

/** What a warehouse meets: retail, GS1 logistics, our own labels (Code 128/39). */
export const WAREHOUSE_FORMATS: readonly BarcodeFormatName[] = [
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code128',
  'Code39',
  'ITF',
  'DataBar',
  'DataBarExpanded',
  'DataMatrix',
  'QRCode',
];

export interface DecodeOptions {
  /** Formats to look for; defaults to `WAREHOUSE_FORMATS`. */
  formats?: readonly BarcodeFormatName[];
  /** Spend more time per frame for more reads; defaults to true. */
  tryHarder?: boolean;
}

export interface DecodeResult {
  /** Content; GS1 FNC1 separators as GS (0x1D), no symbology identifier. */
  text: string;
  /** One of `BARCODE_FORMATS`. */
  format: BarcodeFormatName;
  /** AIM symbology identifier such as `]C1` (GS1-128) or `]d2` (GS1 DataMatrix), when known. */
  symbologyIdentifier?: string;
}

/** The pixels of a frame, RGBA like canvas `ImageData` (which satisfies this). */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export interface BarcodeDecoder {
  readonly name: EngineName;
  decode(frame: Frame, options?: DecodeOptions): Promise<DecodeResult[]>;
  /** Releases what the engine holds (a worker, for the worker-backed decoder). */
  dispose?(): void;
}

export const GS = '\u001d';

/**
 * What to hand to `classifyScan()` / `onScan`: identifier + content, e.g.
 * `]C1` + `0109506000134352` + GS + … so a GS1-128 or an ITF-14 is told from a
 * plain Code 128 with the same digits.
 */
export function scanText(result: Pick<DecodeResult, 'text' | 'symbologyIdentifier'>): string {
  return (result.symbologyIdentifier ?? '') + result.text;
}

export function isEngineName(value: unknown): value is EngineName {
  return typeof value === 'string' && (ENGINE_NAMES as readonly string[]).includes(value);
}
