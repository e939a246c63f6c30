/**
 * Camera scanning: rear camera preview, a few frames a second decoded in a
 * Web Worker, each code reported once (see dedupe.ts) as
 * `symbologyIdentifier + text`, ready for `classifyScan()`.
 */
import { useEffect, useRef, useState } from 'react';
import { describeCameraError } from './camera-errors';
import { DEFAULT_ENGINE, WAREHOUSE_FORMATS, scanText, type BarcodeFormatName, type DecodeOptions, type EngineName } from './decoder';
import { createScanDeduper } from './dedupe';
import { createWorkerDecoder } from './worker-client';

/** Time between frame grabs (a new frame is taken only after the last one is decoded). */
export const FRAME_INTERVAL_MS = 200;

export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

export interface CameraScannerProps {
  /** Called once per code seen: AIM symbology identifier (when known) + content, GS1 separators as GS. */
  onScan(raw: string): void;
  /** Decoding engine; defaults to `DEFAULT_ENGINE`. */
  engine?: EngineName;
  /**
   * Camera on while true; turned off (and released) when false or unmounted.
   * Defaults to true: mounting the component is enough (as the camera slot does).
   */
  active?: boolean;
  /** Formats to look for; defaults to `WAREHOUSE_FORMATS`. */
  formats?: readonly BarcodeFormatName[];
  className?: string;
}

type Status = 'off' | 'starting' | 'scanning' | 'error';

class CameraUnsupportedError extends Error {
  override name = 'CameraUnsupported';
}

export function CameraScanner({ onScan, engine = DEFAULT_ENGINE, active = true, formats = WAREHOUSE_FORMATS, className }: CameraScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const onScanRef = useRef(onScan);
  const [status, setStatus] = useState<Status>('off');
  const [error, setError] = useState<string | null>(null);
  const formatsKey = formats.join(',');

  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const video = videoRef.current;
    if (!active || !video) return undefined;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const options: DecodeOptions = { formats: formatsKey.split(',') as BarcodeFormatName[], tryHarder: true };
    const decoder = createWorkerDecoder(engine);
    const deduper = createScanDeduper();
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const release = (): void => {
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      video.srcObject = null;
    };
    // The first failure is the one worth showing; the camera is released with it.
    let failed = false;
    const fail = (message: string): void => {
      if (stopped || failed) return;
      failed = true;
      release();
      decoder.dispose();
      setError(message);
      setStatus('error');
    };

    const grabFrame = (): ImageData | undefined => {
      const { videoWidth: width, videoHeight: height } = video;
      if (!context || width === 0 || height === 0 || video.readyState < video.HAVE_CURRENT_DATA || document.hidden) return undefined;
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(video, 0, 0, width, height);
      return context.getImageData(0, 0, width, height);
    };

    const tick = async (): Promise<void> => {
      const started = performance.now();
      const frame = grabFrame();
      if (frame) {
        const results = await decoder.decode(frame, options);
        for (const result of results) {
          const raw = scanText(result);
          if (!stopped && deduper.accept(raw, performance.now())) onScanRef.current(raw);
        }
      }
      if (!stopped && !failed) timer = setTimeout(run, Math.max(0, FRAME_INTERVAL_MS - (performance.now() - started)));
    };
    const run = (): void => {
      tick().catch((e: unknown) => fail(`The barcode reader stopped working (${e instanceof Error ? e.message : String(e)}). Turn the camera off and on again.`));
    };

    const start = async (): Promise<void> => {
      setError(null);
      setStatus('starting');
      if (typeof navigator.mediaDevices?.getUserMedia !== 'function') throw new CameraUnsupportedError('getUserMedia is not available');
      const opened = await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
      if (stopped || failed) {
        for (const track of opened.getTracks()) track.stop();
        return;
      }
      stream = opened;
      video.srcObject = opened;
      await video.play();
      if (stopped || failed) return;
      setStatus('scanning');
      run();
    };

    start().catch((e: unknown) => fail(describeCameraError(e)));
    decoder.ready.catch((e: unknown) => fail(`The barcode reader could not be loaded (${e instanceof Error ? e.message : String(e)}).`));

    return () => {
      stopped = true;
      release();
      decoder.dispose();
      setStatus('off');
    };
  }, [active, engine, formatsKey]);

  return (
    <div className={className} data-camera-status={status}>
      <video ref={videoRef} muted playsInline aria-label="Camera preview" hidden={!active} style={{ width: '100%' }} />
      {error !== null && active ? <p role="alert">{error}</p> : null}
    </div>
  );
}
