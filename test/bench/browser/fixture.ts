import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { COLLECTIONS } from '../../../sync-server/replication/collections';
import { PULL_COLLECTIONS } from '../../../shared/schemas/docs';
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

/**
 * Seeds the big tenant, builds and serves the web app, and enrols a fresh
 * browser device, timing its first download. Shared by the bootstrap and
 * scan_to_confirm benches (seeding takes ~30 s): the first to ask starts it.
 */
async function start(): Promise<BrowserBench> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = await startWebServer({ seed: BENCH_SEED });
  const [wh] = await server.db.query<{ id: string }>(`SELECT id FROM warehouses WHERE code = 'WH1'`);
  if (!wh) throw new Error('no WH1');
  const size = await replicaSize(server, wh.id);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
  return { server, browser, page, warehouseId: wh.id, bootstrap: { documents: size.documents, seconds, items: size.items, bins: size.bins } };
}

let shared: Promise<BrowserBench> | null = null;
let users = 0;
let closeTimer: ReturnType<typeof setTimeout> | null = null;

export async function acquireBrowserBench(): Promise<BrowserBench> {
  users++;
  if (closeTimer) clearTimeout(closeTimer);
  shared ??= start();
  return shared;
}

/** The last user closes it, unless another bench picks it up right away. */
export function releaseBrowserBench(): void {
  users--;
  if (users > 0 || !shared) return;
  const closing = shared;
  closeTimer = setTimeout(() => {
    shared = null;
    void closing.then(async (b) => {
      await b.browser.close();
      await b.server.close();
    });
  }, 1000);
}
