/**
 * `npm run build:electron`: bundles the main process and the preload into
 * dist/electron (CommonJS, what Electron loads without a loader).
 *
 * - main.cjs keeps every npm dependency external: they ship in the app's
 *   node_modules, and serialport's native binding cannot be bundled anyway.
 * - preload.cjs is one self-contained file: a sandboxed preload may require
 *   only 'electron' (and a few Node shims), never a local module.
 *
 * Uses Vite's build API (a dev dependency already) with the project's Vite
 * config ignored, so the renderer's config never leaks into these bundles.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function bundle(entry: 'main' | 'preload', options: { bundleDependencies: boolean; emptyOutDir: boolean }): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: options.bundleDependencies ? true : undefined },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: options.emptyOutDir,
      // Electron 45 runs Node 22 and Chromium 140.
      target: 'node22',
      sourcemap: true,
      minify: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: { [entry]: path.join(root, 'electron', `${entry}.ts`) },
        external: options.bundleDependencies ? ['electron'] : (id) => id === 'electron' || nodeBuiltins.includes(id) || !/^[./]|^[A-Za-z]:[\\/]/.test(id),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  };
}

await build(bundle('main', { bundleDependencies: false, emptyOutDir: true }));
await build(bundle('preload', { bundleDependencies: true, emptyOutDir: false }));
console.log(`Built ${path.relative(root, outDir)}/main.cjs and preload.cjs`);
