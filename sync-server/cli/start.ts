import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from '../config';
import { runServer } from '../main';

type DesktopShell = { ok: true; binary: string; main: string } | { ok: false; why: string };

const MAIN_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/electron/main.cjs');

/**
 * `npm start`: the product on the embedded database. Seeds the demo tenant on
 * first run, serves the web app, and opens the desktop app when Electron's
 * binary is installed (it cannot be downloaded on every machine).
 *
 * The binary is found the way the electron package does (path.txt naming the
 * executable under dist/), but without `require('electron')`: that starts a
 * download when the binary is missing, which fails offline.
 */
function desktopShell(): DesktopShell {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, why: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { ok: false, why: "Electron's binary was never downloaded (node_modules/electron/path.txt is missing: its install step could not reach the download server)" };
  }
  const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, why: `Electron's binary is missing at ${binary}` };
  if (!existsSync(MAIN_BUNDLE)) return { ok: false, why: 'the desktop shell is not built yet (run `npm run build:electron`)' };
  return { ok: true, binary, main: MAIN_BUNDLE };
}

const env = readEnv();
const server = await runServer(env, { seedIfEmpty: true }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
const shell = desktopShell();
if (shell.ok) {
  const { spawn } = await import('node:child_process');
  console.log('Starting the desktop app (Electron).');
  // ELECTRON_RUN_AS_NODE from a parent tool would start a bare Node instead of the app.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...inherited } = process.env;
  const child = spawn(shell.binary, [shell.main], { stdio: 'inherit', env: { ...inherited, DOCKSCAN_SERVER_URL: server.url } });
  child.on('exit', () => void server.close().then(() => process.exit(0)));
} else {
  console.log(`The app runs in web mode because ${shell.why}: open ${server.url}/ in Chromium.`);
}
