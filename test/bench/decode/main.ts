/**
 * Bench page, built by Vite and driven by ../decode.ts through Playwright:
 * real Chromium image decoding (png/jpg/webp), real Web Workers, the same
 * worker decoder the CameraScanner uses.
 */
import { WAREHOUSE_FORMATS, type EngineName } from '../../../renderer/scanner/camera/decoder';
import { createWorkerDecoder, type WorkerDecoder } from '../../../renderer/scanner/camera/worker-client';
import type { BenchImage, DecodeBenchApi, ImageOutcome, Placement } from './api';

declare global {
  interface Window {
    decodeBench?: DecodeBenchApi;
  }
}

/** The options the CameraScanner decodes with. */
const OPTIONS = { formats: WAREHOUSE_FORMATS, tryHarder: true };
const FRAME = { width: 1280, height: 720 };

const decoders = new Map<EngineName, WorkerDecoder>();
const canvas = document.createElement('canvas');
const context = canvas.getContext('2d', { willReadFrequently: true });

async function pixels(image: BenchImage, placement: Placement): Promise<ImageData> {
  if (!context) throw new Error('no 2D canvas');
  const response = await fetch(image.url);
  if (!response.ok) throw new Error(`${image.url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  try {
    const { width, height } = placement === 'image' ? bitmap : FRAME;
    canvas.width = width;
    canvas.height = height;
    // White under transparent pixels, as on a printed label.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    if (placement === 'image') {
      context.drawImage(bitmap, 0, 0);
    } else {
      // Letterboxed: scaled to fit, centred, like a code filling the camera view.
      const scale = Math.min(width / bitmap.width, height / bitmap.height);
      const w = Math.round(bitmap.width * scale);
      const h = Math.round(bitmap.height * scale);
      context.drawImage(bitmap, Math.round((width - w) / 2), Math.round((height - h) / 2), w, h);
    }
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

function decoderFor(engine: EngineName): WorkerDecoder {
  const decoder = decoders.get(engine);
  if (!decoder) throw new Error(`engine ${engine} not started`);
  return decoder;
}

window.decodeBench = {
  async start(engine) {
    decoders.get(engine)?.dispose();
    const decoder = createWorkerDecoder(engine);
    decoders.set(engine, decoder);
    const { initMs } = await decoder.ready;
    // Warm up (JIT, first allocations) on a blank camera-sized frame.
    for (let i = 0; i < 3; i++) await decoder.decode(new ImageData(FRAME.width, FRAME.height), OPTIONS);
    return { initMs };
  },
  async decodeAll(engine, images, placement) {
    const decoder = decoderFor(engine);
    const outcomes: ImageOutcome[] = [];
    for (const image of images) {
      try {
        const frame = await pixels(image, placement);
        const started = performance.now();
        const { results, engineMs } = await decoder.decodeTimed(frame, OPTIONS);
        const ms = performance.now() - started;
        outcomes.push({ texts: results.map((r) => r.text), identifiers: results.map((r) => r.symbologyIdentifier ?? null), ms, engineMs });
      } catch (error) {
        outcomes.push({ texts: [], identifiers: [], ms: 0, engineMs: 0, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return outcomes;
  },
  stop(engine) {
    decoders.get(engine)?.dispose();
    decoders.delete(engine);
  },
};

const status = document.getElementById('status');
if (status) status.textContent = 'ready';
