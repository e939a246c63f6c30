import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, routeAppRequest } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { RecordingLogger } from './fake-electron';

const ROOT = path.resolve('/opt/DockScan/resources/app.asar/dist/renderer');
const SERVER = 'http://10.0.0.2:8080';

describe('routing dockscan://app requests', () => {
  it.each([
    ['dockscan://app/', 'index.html'],
    ['dockscan://app/receiving', 'index.html'],
    ['dockscan://app/pick/42?wave=3', 'index.html'],
    ['dockscan://app/assets/index-4f2a.js', 'assets/index-4f2a.js'],
    ['dockscan://app/assets/zxing_reader.wasm', 'assets/zxing_reader.wasm'],
    ['dockscan://app/sounds/error%20beep.mp3', 'sounds/error beep.mp3'],
  ])('%s serves %s from the renderer build', (url, file) => {
    expect(routeAppRequest(url, ROOT, SERVER)).toEqual({ kind: 'file', file: path.join(ROOT, file) });
  });

  it.each([
    ['dockscan://app/assets/..%2f..%2fmain.cjs'],
    ['dockscan://app/assets/..%5c..%5cmain.cjs'],
    ['dockscan://app/C:%5cWindows%5cwin.ini'],
    ['dockscan://app/x%00.js'],
    ['dockscan://app/%E0%A4%A'],
    ['dockscan://other/index.html'],
    ['dockscan://app:81/index.html'],
  ])('%s is refused', (url) => {
    expect(routeAppRequest(url, ROOT, SERVER)).toEqual({ kind: 'not-found' });
  });

  it('folds ../ segments (literal or %2e%2e, as the URL standard does) and never leaves the renderer folder', () => {
    expect(routeAppRequest('dockscan://app/../../etc/passwd.txt', ROOT, SERVER)).toEqual({ kind: 'file', file: path.join(ROOT, 'etc/passwd.txt') });
    expect(routeAppRequest('dockscan://app/%2e%2e/%2e%2e/secrets.json', ROOT, SERVER)).toEqual({ kind: 'file', file: path.join(ROOT, 'secrets.json') });
  });

  it.each([
    ['dockscan://app/api/auth/login', `${SERVER}/api/auth/login`],
    ['dockscan://app/sync/items/pull?checkpoint=abc&limit=100', `${SERVER}/sync/items/pull?checkpoint=abc&limit=100`],
    ['dockscan://app/sync/stream', `${SERVER}/sync/stream`],
    ['dockscan://app/health', `${SERVER}/health`],
  ])('%s goes to the sync server as %s', (url, target) => {
    expect(routeAppRequest(url, ROOT, SERVER)).toEqual({ kind: 'proxy', target });
  });

  it('keeps a path prefix in the server address', () => {
    expect(routeAppRequest('dockscan://app/api/warehouses', ROOT, 'https://erp.example.com/wh1')).toEqual({
      kind: 'proxy',
      target: 'https://erp.example.com/wh1/api/warehouses',
    });
  });

  it('does not forward look-alike paths', () => {
    expect(routeAppRequest('dockscan://app/apix', ROOT, SERVER)).toEqual({ kind: 'file', file: path.join(ROOT, 'index.html') });
    expect(routeAppRequest('dockscan://app/healthz', ROOT, SERVER)).toEqual({ kind: 'file', file: path.join(ROOT, 'index.html') });
  });
});

describe('the app protocol handler', () => {
  const files = new Map<string, string>([
    [path.join(ROOT, 'index.html'), '<!doctype html><title>DockScan</title>'],
    [path.join(ROOT, 'assets/app.js'), 'console.log(1)'],
  ]);
  const calls: { url: string; init: RequestInit }[] = [];
  let serverUrl = SERVER;
  let fetchImpl = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    return Response.json({ ok: true }, { status: 201 });
  };
  const handler = createAppProtocolHandler({
    rendererRoot: ROOT,
    readFile: async (file) => {
      const text = files.get(file);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return Buffer.from(text);
    },
    fetch: (url, init) => fetchImpl(url, init),
    serverUrl: () => serverUrl,
    log: new RecordingLogger(),
  });

  it('serves the app shell with the CSP, nosniff and no-cache', async () => {
    const response = await handler(new Request('dockscan://app/receiving'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>DockScan</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves assets with their type, 404s missing ones and refuses writes', async () => {
    const js = await handler(new Request('dockscan://app/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('dockscan://app/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('dockscan://app/assets/app.js', { method: 'PUT', body: 'x' }))).status).toBe(405);
    expect((await handler(new Request('dockscan://app/%2e%2e/secret.txt'))).status).toBe(404);
  });

  it('forwards API calls with method, body and authorization, minus the page origin', async () => {
    calls.length = 0;
    const response = await handler(
      new Request('dockscan://app/sync/events/push', {
        method: 'POST',
        headers: { authorization: 'Bearer t0k3n', 'content-type': 'application/json', origin: 'dockscan://app', 'x-client-version': '0.1.0' },
        body: JSON.stringify([{ id: 'e1' }]),
      }),
    );
    expect(response.status).toBe(201);
    const call = calls[0];
    expect(call?.url).toBe(`${SERVER}/sync/events/push`);
    expect(call?.init.method).toBe('POST');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe('Bearer t0k3n');
    expect(headers.get('x-client-version')).toBe('0.1.0');
    expect(headers.get('origin')).toBeNull();
    expect(Buffer.from(call?.init.body as ArrayBuffer).toString()).toBe('[{"id":"e1"}]');
  });

  it('follows a changed server address on the next request', async () => {
    calls.length = 0;
    serverUrl = 'https://sync.example.com';
    await handler(new Request('dockscan://app/health'));
    expect(calls[0]?.url).toBe('https://sync.example.com/health');
    serverUrl = SERVER;
  });

  it('answers an unreachable server with a 502 in the server error shape, so sync retries', async () => {
    const original = fetchImpl;
    fetchImpl = async () => {
      throw new TypeError('fetch failed');
    };
    const response = await handler(new Request('dockscan://app/sync/items/pull'));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'server_unreachable',
      message: `Cannot reach the sync server at ${SERVER}. Check the network, or the server address in Settings.`,
    });
    fetchImpl = original;
  });

  it('streams server-sent events through, and ends the server request when the page closes the stream', async () => {
    const original = fetchImpl;
    let upstreamSignal: AbortSignal | undefined;
    let upstreamCancelled = false;
    fetchImpl = async (_url, init) => {
      upstreamSignal = init.signal ?? undefined;
      const events = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('event: poke\ndata: {}\n\n'));
        },
        cancel() {
          upstreamCancelled = true;
        },
      });
      return new Response(events, { headers: { 'content-type': 'text/event-stream' } });
    };
    const response = await handler(new Request('dockscan://app/sync/stream?token=t'));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('event: poke\ndata: {}\n\n');
    expect(upstreamSignal?.aborted).toBe(false);
    await reader?.cancel();
    expect(upstreamSignal?.aborted).toBe(true);
    expect(upstreamCancelled).toBe(true);
    fetchImpl = original;
  });

  it('aborts the server request when the page aborts its own', async () => {
    const original = fetchImpl;
    let upstreamSignal: AbortSignal | undefined;
    fetchImpl = async (_url, init) => {
      upstreamSignal = init.signal ?? undefined;
      return new Response(new ReadableStream<Uint8Array>(), { status: 200 });
    };
    const page = new AbortController();
    await handler(new Request('dockscan://app/sync/stream', { signal: page.signal }));
    page.abort();
    expect(upstreamSignal?.aborted).toBe(true);
    fetchImpl = original;
  });

  it('passes bodiless answers through untouched', async () => {
    const original = fetchImpl;
    fetchImpl = async () => new Response(null, { status: 204 });
    expect((await handler(new Request('dockscan://app/api/x', { method: 'DELETE' }))).status).toBe(204);
    fetchImpl = original;
  });

  it('explains a missing renderer build', async () => {
    const empty = createAppProtocolHandler({
      rendererRoot: ROOT,
      readFile: async () => {
        throw new Error('ENOENT');
      },
      fetch: fetchImpl,
      serverUrl: () => SERVER,
      log: new RecordingLogger(),
    });
    const response = await empty(new Request('dockscan://app/'));
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
