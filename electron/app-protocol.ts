import path from 'node:path';
import { isAppUrl, urlForLog } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import type { Logger } from './logger';
import { errorMessage } from './logger';

/**
 * The `dockscan://app` protocol: the packaged renderer's files, plus the sync
 * server's API paths forwarded to the server address from Settings.
 *
 * Forwarding keeps the renderer identical in web and desktop mode (it always
 * calls same-origin `/api` and `/sync`), needs no CORS on the server, and lets
 * the CSP say `connect-src 'self'`. Changing the server address in Settings
 * takes effect on the next request.
 */

const PROXIED_PREFIXES = ['/api/', '/sync/'];
const PROXIED_PATHS: ReadonlySet<string> = new Set(['/health']);

/** Headers that describe the page, not the call; the server must not see dockscan:// as an origin. */
const DROPPED_REQUEST_HEADERS = ['host', 'origin', 'referer', 'cookie'];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRoute =
  | { kind: 'file'; file: string }
  | { kind: 'proxy'; target: string }
  | { kind: 'not-found' };

/** Where a `dockscan://app/...` request goes. Pure, so the path rules are tested without a protocol. */
export function routeAppRequest(rawUrl: string, rendererRoot: string, serverUrl: string): AppRoute {
  if (!isAppUrl(rawUrl)) return { kind: 'not-found' };
  const url = new URL(rawUrl);
  const pathname = url.pathname;
  if (PROXIED_PATHS.has(pathname) || PROXIED_PREFIXES.some((p) => pathname.startsWith(p))) {
    return { kind: 'proxy', target: serverUrl + pathname + url.search };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'not-found' };
  }
  // The URL parser already folds literal "/../"; encoded ones (%2e%2e, %2f, %5c) arrive here.
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0') || s.includes(':'))) {
    return { kind: 'not-found' };
  }
  const last = segments.at(-1);
  // Client-side routes (/receiving, /pick/42) have no extension: serve the app shell.
  if (last === undefined || !last.includes('.')) return { kind: 'file', file: path.join(rendererRoot, 'index.html') };
  const file = path.join(rendererRoot, ...segments);
  return file.startsWith(rendererRoot + path.sep) ? { kind: 'file', file } : { kind: 'not-found' };
}

export interface AppProtocolDeps {
  /** Absolute path of the built renderer (dist/renderer, inside app.asar when packaged). */
  rendererRoot: string;
  readFile(file: string): Promise<Uint8Array>;
  /** Electron's `net.fetch` (Chromium's network stack: system proxy settings and certificates apply). */
  fetch(url: string, init: RequestInit): Promise<Response>;
  serverUrl(): string;
  log: Logger;
}

export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const route = routeAppRequest(request.url, deps.rendererRoot, deps.serverUrl());
    if (route.kind === 'proxy') return forward(request, route.target, deps);
    if (route.kind === 'not-found') return text(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed.');
    return serveFile(route.file, deps);
  };
}

async function serveFile(file: string, deps: AppProtocolDeps): Promise<Response> {
  let body: Uint8Array;
  try {
    body = await deps.readFile(file);
  } catch {
    if (path.basename(file) === 'index.html') {
      deps.log.error(`The renderer is missing at ${deps.rendererRoot}.`);
      return text(503, 'The app is not built: run `npm run build` (renderer) and `npm run build:electron`.');
    }
    return text(404, 'Not found.');
  }
  const isHtml = path.extname(file) === '.html';
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      // The shell must pick up a new build after an update; hashed assets may be cached.
      'Cache-Control': isHtml ? 'no-cache' : 'max-age=31536000, immutable',
    },
  });
}

/** Statuses whose responses may not carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUS: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

async function forward(request: Request, target: string, deps: AppProtocolDeps): Promise<Response> {
  const headers = new Headers(request.headers);
  for (const name of DROPPED_REQUEST_HEADERS) headers.delete(name);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // The page giving up (EventSource.close, a reload) must end the server request too:
  // net.fetch behind protocol.handle does not do that by itself (electron/electron#47097),
  // and leaked /sync/stream connections would use up Chromium's six per host.
  const upstream = new AbortController();
  request.signal.addEventListener('abort', () => upstream.abort(), { once: true });
  let response: Response;
  try {
    response = await deps.fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      signal: upstream.signal,
    });
  } catch (error) {
    deps.log.warn(`Sync server unreachable (${urlForLog(target)}): ${errorMessage(error)}`);
    // Same shape as the server's own errors; a non-2xx makes the replication retry.
    return Response.json(
      { error: 'server_unreachable', message: `Cannot reach the sync server at ${deps.serverUrl()}. Check the network, or the server address in Settings.` },
      { status: 502 },
    );
  }
  if (response.body === null || NULL_BODY_STATUS.has(response.status)) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      upstream.abort(reason);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}
