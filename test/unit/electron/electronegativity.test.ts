import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Static security scan of the main-process and preload code with Doyensec's
 * electronegativity, failing on any HIGH finding.
 *
 * One check is left out: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK asks GitHub
 * for Electron releases newer than ours. It is about the pinned Electron
 * version, not our code, and would make the suite depend on the network and
 * on the day it runs; upgrading Electron is a dependency-review task.
 */

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' };
  confidence: { name: string };
  manualReview: boolean;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity') as (
  options: {
    input: string;
    isRelative?: boolean;
    customScan?: string[];
    excludeFromScan?: string[];
    electronVersionOverride?: string;
  },
  forCli: boolean,
) => Promise<ScanResult>;
const { version: electronVersion } = require('electron/package.json') as { version: string };

const scan = (input: string): Promise<ScanResult> =>
  electronegativity(
    { input, isRelative: true, excludeFromScan: ['availablesecurityfixesglobalcheck'], electronVersionOverride: electronVersion },
    false,
  );

const describeFinding = (f: Finding): string => `${f.severity.name} ${f.id} ${f.file}:${f.location.line}`;

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

describe('electronegativity', () => {
  it('finds no HIGH issue in electron/', { timeout: 60_000 }, async () => {
    const result = await scan(path.resolve('electron'));
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    const high = result.issues.filter((i) => i.severity.name === 'HIGH').map(describeFinding);
    expect(high).toEqual([]);
    // What remains is for review, not failure; shown in the test output.
    for (const issue of result.issues) console.info(`electronegativity: ${describeFinding(issue)}${issue.manualReview ? ' (review)' : ''}`);
  });

  it('does fail an insecure window, so the check above is not vacuous', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eneg-'));
    temp.push(dir);
    await writeFile(
      path.join(dir, 'main.ts'),
      "import { BrowserWindow } from 'electron';\nconst win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\nwin.loadURL('https://example.com');\n",
    );
    const result = await scan(dir);
    const high = result.issues.filter((i) => i.severity.name === 'HIGH').map((i) => i.id);
    expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  });
});
