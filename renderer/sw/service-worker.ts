/**
 * App-shell service worker: the built app must open with the network down
 * (a handheld rebooted in a dead spot of the warehouse). Precaches every
 * built file at install (the list is written in at build time by
 * vite.config.ts), serves navigations network-first with the cached shell
 * as the fallback, and hashed assets cache-first. Never touches the API:
 * sync and login always talk to the server or fail visibly.
 *
 * Self-contained on purpose (no imports): it is built as its own entry.
 */

// Minimal service-worker types: the DOM lib has none and the WebWorker lib clashes with it.
interface ExtendableEvt extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvt extends ExtendableEvt {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface SwScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvt) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvt) => void): void;
}

const sw = self as unknown as SwScope;
const MANIFEST = JSON.parse("__PRECACHE_MANIFEST__" as string) as { version: string; files: string[] };
const CACHE = `dockscan-shell-${MANIFEST.version}`;
const NAVIGATION_TIMEOUT_MS = 4000;
const NEVER_CACHED = ['/api/', '/sync/', '/health'];

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(MANIFEST.files))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dockscan-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

async function fromNetworkWithTimeout(request: Request): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), NAVIGATION_TIMEOUT_MS);
  try {
    return await fetch(request, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function navigation(request: Request): Promise<Response> {
  try {
    const res = await fromNetworkWithTimeout(request);
    if (res.ok) return res;
    throw new Error(`HTTP ${res.status}`);
  } catch {
    const shell = await caches.match('/', { cacheName: CACHE });
    if (shell) return shell;
    return new Response('DockScan is offline and not cached yet.', { status: 503, headers: { 'content-type': 'text/plain' } });
  }
}

async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    const cache = await caches.open(CACHE);
    await cache.put(request, res.clone());
  }
  return res;
}

sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (NEVER_CACHED.some((p) => url.pathname.startsWith(p))) return;
  e.respondWith(e.request.mode === 'navigate' ? navigation(e.request) : asset(e.request));
});
