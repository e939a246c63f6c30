import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { COLLECTIONS } from '../../../sync-server/replication/collections';
import { PULL_COLLECTIONS } from '../../../shared/schemas/docs';
import { CHROMIUM_FEATURES_OFF } from '../../../electron/chromium-features';
import { startWebServer, type WebServer } from '../../e2e/support/serve';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** The replica the targets are stated for: >= 100,000 items and >= 20,000 bins in the device's warehouse. */
export const BENCH_SEED = { items: 100_000, binsScale: 7 };

export interface BootstrapFigures {
  documents: number;
  seconds: number;
  items: number;
  bins: number;
}

export interface BrowserBench {
  server: WebServer;
  mode: BrowserMode;
  browser: Browser;
  page: Page;
  warehouseId: string;
  bootstrap: BootstrapFigures;
}

/** Documents a device of this warehouse pulls, counted the way the pull endpoint scopes them. */
async function replicaSize(server: WebServer, warehouseId: string) {
  let documents = 0;
  for (const name of PULL_COLLECTIONS) {
    const spec = COLLECTIONS[name];
    if (spec.scope === 'device') continue;
    const where = spec.scope === 'warehouse' ? 'WHERE warehouse_id = $1' : '';
    const [row] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${spec.table} ${where}`, spec.scope === 'warehouse' ? [warehouseId] : []);
    documents += row?.n ?? 0;
  }
  const [items] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
  const [bins] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM locations WHERE warehouse_id = $1 AND kind = 'bin'`, [warehouseId]);
  return { documents, items: items?.n ?? 0, bins: bins?.n ?? 0 };
}

/** How the browser runs: plain Chromium (web mode: tablets, handheld browsers), or with the switches the desktop shell sets. */
export type BrowserMode = 'web' | 'desktop';

const MODE_ARGS: Record<BrowserMode, string[]> = {
  web: [],
  desktop: [`--disable-features=${CHROMIUM_FEATURES_OFF.join(',')}`],
};

interface Served {
  server: WebServer;
  warehouseId: string;
  size: { documents: number; items: number; bins: number };
}

/** Seeds the big tenant and serves the built web app (seeding takes ~30 s): shared by every bench and mode. */
async function serve(): Promise<Served> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = await startWebServer({ seed: BENCH_SEED });
  const [wh] = await server.db.query<{ id: string }>(`SELECT id FROM warehouses WHERE code = 'WH1'`);
  if (!wh) throw new Error('no WH1');
  return { server, warehouseId: wh.id, size: await replicaSize(server, wh.id) };
}

/** Enrols a fresh browser device, timing its first download. */
async function start(served: Served, mode: BrowserMode): Promise<BrowserBench> {
  const { server, size } = served;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...MODE_ARGS[mode]] });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  // Registered before the app's own listener, so it sees the terminator the wedge listener swallows.
  // The final keystroke happened at its timestamp, or when the page got it if that is earlier:
  // the bench stamps keys like a scanner's OS does, and a key cannot be handled before it is pressed.
  await page.addInitScript({
    content: `window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enterAt = Math.min(e.timeStamp, performance.now()); }, { capture: true });`,
  });
  await page.goto(server.url + '/');
  await page.getByLabel('Username').fill('associate');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  const select = page.getByLabel('Warehouse');
  await select.locator('option', { hasText: 'WH1' }).waitFor({ state: 'attached' });
  await select.selectOption({ label: await select.locator('option', { hasText: 'WH1' }).innerText() });
  const started = performance.now();
  await page.getByRole('button', { name: 'Set up device' }).click();
  await page.getByTestId('po-list').waitFor({ timeout: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  return { server, browser, page, mode, warehouseId: served.warehouseId, bootstrap: { documents: size.documents, seconds, items: size.items, bins: size.bins } };
}

let served: Promise<Served> | null = null;
const devices = new Map<BrowserMode, Promise<BrowserBench>>();
let users = 0;
let closeTimer: ReturnType<typeof setTimeout> | null = null;

export async function acquireBrowserBench(mode: BrowserMode = 'web'): Promise<BrowserBench> {
  users++;
  if (closeTimer) clearTimeout(closeTimer);
  served ??= serve();
  const s = served;
  let device = devices.get(mode);
  if (!device) {
    device = s.then((x) => start(x, mode));
    devices.set(mode, device);
  }
  return device;
}

/** The last user closes everything, unless another bench picks it up right away. */
export function releaseBrowserBench(): void {
  users--;
  if (users > 0 || !served) return;
  const closing = served;
  const browsers = [...devices.values()];
  closeTimer = setTimeout(() => {
    served = null;
    devices.clear();
    void (async () => {
      for (const b of browsers) await (await b).browser.close();
      await (await closing).server.close();
    })();
  }, 1000);
}
