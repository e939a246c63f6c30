import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readEnv } from '../config';
import { runServer } from '../main';

/**
 * `npm start`: the product on the embedded database. Seeds the demo tenant on
 * first run, serves the web app, and opens the desktop app when Electron's
 * binary is installed (it cannot be downloaded on every machine).
 */
function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const env = readEnv();
const server = await runServer(env, { seedIfEmpty: true }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
const electron = electronBinary();
if (electron) {
  const { spawn } = await import('node:child_process');
  console.log('Starting the desktop app (Electron).');
  const child = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, DOCKSCAN_SERVER_URL: server.url } });
  child.on('exit', () => void server.close().then(() => process.exit(0)));
} else {
  console.log(`Electron's binary is not installed here, so the app runs in web mode: open ${server.url}/ in Chromium.`);
}
