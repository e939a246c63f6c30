/** Camera scanning: see README.md in this folder. */
export { CameraScanner, CAMERA_CONSTRAINTS, FRAME_INTERVAL_MS, type CameraScannerProps } from './camera-scanner';
export { describeCameraError } from './camera-errors';
export {
  BARCODE_FORMATS,
  DEFAULT_ENGINE,
  ENGINE_NAMES,
  WAREHOUSE_FORMATS,
  scanText,
  type BarcodeDecoder,
  type BarcodeFormatName,
  type DecodeOptions,
  type DecodeResult,
  type EngineName,
  type Frame,
} from './decoder';
export { createScanDeduper, DEDUPE_WINDOW_MS, type ScanDeduper } from './dedupe';
export { createWorkerDecoder, type WorkerDecoder } from './worker-client';
