import type { SessionLike } from '../electron-api';

/**
 * The renderer's Content-Security-Policy in the desktop app. Everything comes
 * from the app origin: scripts, workers, styles, the zxing-wasm binary, and
 * the sync server too (main proxies /api and /sync, see app-protocol.ts), so
 * connect-src needs no outside host.
 *
 * - 'wasm-unsafe-eval' lets WebAssembly compile (zxing-wasm) without allowing eval().
 * - style-src 'unsafe-inline': component libraries set inline styles; styles cannot run code.
 * - data:/blob: images are barcodes drawn by bwip-js and camera snapshots.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

/**
 * Belt and braces: the app protocol already sends the header on every
 * response; this also stamps anything that arrives over http(s).
 */
export function applyContentSecurityPolicy(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
