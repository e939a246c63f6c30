import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const SW_ENTRY = 'sw';
/** The string literal in service-worker.ts, whichever quotes the minifier chose. */
const PRECACHE_PLACEHOLDER = /(["'`])__PRECACHE_MANIFEST__\1/;

/**
 * Writes the list of every built file into the service worker, so it can
 * cache the whole app shell at install: a reload with the network down (or
 * the server stopped) must still open the app (DESIGN section 4, guarantee 1
 * is useless if the app itself cannot load offline). The list's hash is the
 * cache version, so a new build replaces the old cache.
 */
function precacheManifest(): Plugin {
  return {
    name: 'dockscan-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f !== 'sw.js' && !f.endsWith('.map'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const manifest = JSON.stringify({ version, files: ['/', ...files.map((f) => `/${f}`)] });
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') throw new Error('service worker chunk missing');
      if (!PRECACHE_PLACEHOLDER.test(sw.code)) throw new Error('service worker has no precache placeholder');
      sw.code = sw.code.replace(PRECACHE_PLACEHOLDER, () => JSON.stringify(manifest));
    },
  };
}

const SERVER = process.env.DOCKSCAN_DEV_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), precacheManifest()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { main: 'renderer/index.html', [SW_ENTRY]: 'renderer/sw/service-worker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === SW_ENTRY ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: { '/api': SERVER, '/sync': SERVER, '/health': SERVER },
  },
});
