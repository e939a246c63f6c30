/** What the bench page (main.ts) exposes to the Node side (../decode.ts) as `window.decodeBench`. */
import type { EngineName } from '../../../renderer/scanner/camera/decoder';

export interface BenchImage {
  /** URL of the image on the bench server. */
  url: string;
}

export interface ImageOutcome {
  /** Decoded texts, one per symbol found (see DecodeResult.text). */
  texts: string[];
  identifiers: (string | null)[];
  /** Round trip through the worker (transfer, queue, engine). */
  ms: number;
  /** Inside the engine only. */
  engineMs: number;
  /** Set when the image could not be loaded or decoding threw. */
  error?: string;
}

/** How the image is placed: as is, or letterboxed into a 1280x720 camera-sized frame. */
export type Placement = 'image' | 'frame1280x720';

export interface DecodeBenchApi {
  /** Starts the engine's worker; resolves with the load time (wasm compile included) once warmed up. */
  start(engine: EngineName): Promise<{ initMs: number }>;
  decodeAll(engine: EngineName, images: BenchImage[], placement: Placement): Promise<ImageOutcome[]>;
  stop(engine: EngineName): void;
}

/** What the camera check page (camera.tsx) records as `window.cameraCheck`. */
export interface CameraCheckState {
  engine: EngineName;
  startedAt: number;
  /** Every onScan call, with ms since the page started. */
  scans: { raw: string; at: number }[];
}
