import { defineConfig, devices } from '@playwright/test';

/**
 * e2e in Debian's Chromium against the real sync server serving the built
 * web app (web mode), on a fresh PGlite directory with the demo tenant.
 * The port is chosen once in the runner and inherited by its workers.
 */
process.env.DOCKSCAN_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const port = Number(process.env.DOCKSCAN_E2E_PORT);
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // One worker: the tests share a server, and two browser contexts per test already keep 2 cores busy.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./test/support/playwright-summary.ts']],
  outputDir: 'test-results/e2e',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx tsx test/e2e/support/serve.ts`,
    url: `http://127.0.0.1:${port}/health`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
