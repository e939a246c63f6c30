import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TypedApp } from '../app';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Serves the built renderer (web mode); unknown paths fall back to index.html for client-side routes. */
export async function registerStaticRoutes(app: TypedApp, webRoot: string): Promise<void> {
  const root = path.resolve(webRoot);
  app.get('/*', async (req, reply) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.resolve(root, '.' + urlPath);
    if (!file.startsWith(root)) return reply.code(404).send({ error: 'not_found', message: 'Not found.' });
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (!isFile) file = path.join(root, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (!body) return reply.code(404).send({ error: 'not_found', message: 'The web app is not built: run `npm run build`.' });
    return reply.type(TYPES[path.extname(file)] ?? 'application/octet-stream').send(body);
  });
}
