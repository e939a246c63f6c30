/**
 * The real CameraScanner against Chromium's fake camera (a Y4M file showing
 * one barcode, written by ../decode.ts): getUserMedia, frame grabbing, the
 * worker, de-duplication and onScan, end to end. `?engine=zxing-js` picks
 * the engine. Mounted without `active`, as renderer/scanner/camera-slot.tsx
 * does (the camera is on while mounted).
 */
import { createRoot } from 'react-dom/client';
import { CameraScanner } from '../../../renderer/scanner/camera/camera-scanner';
import { DEFAULT_ENGINE, isEngineName } from '../../../renderer/scanner/camera/decoder';
import type { CameraCheckState } from './api';

declare global {
  interface Window {
    cameraCheck?: CameraCheckState;
  }
}

const requested = new URLSearchParams(location.search).get('engine');
const engine = isEngineName(requested) ? requested : DEFAULT_ENGINE;
const state: CameraCheckState = { engine, startedAt: performance.now(), scans: [] };
window.cameraCheck = state;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<CameraScanner engine={engine} onScan={(raw) => state.scans.push({ raw, at: performance.now() - state.startedAt })} />);
}
