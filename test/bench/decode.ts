/**
 * `npm run bench decode`: both camera decoding engines on the barcode corpus
 * (../shared/data/barcodes beside the repo), in real Chromium through
 * Playwright, with real Web Workers and the browser's own png/jpg/webp
 * decoding. The page (decode/) is built by Vite into a temp dir and served,
 * with the corpus, by a small static server on 127.0.0.1; any request to
 * another host is refused and counted (the wasm must come from our build).
 *
 * Lines: one per engine and folder (read rate = expected text matched
 * exactly; `falsepositives-*`: images where anything was reported), one
 * summary per engine with ms per 1280x720 frame (the first images of every
 * folder letterboxed into a camera-sized frame), a check of the
 * CameraScanner component itself against Chromium's fake camera, and a
 * closing comparison. The options are the CameraScanner's (warehouse
 * formats, tryHarder).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import bwipjs from 'bwip-js/node';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { DEFAULT_ENGINE, ENGINE_NAMES, GS, isEngineName, type EngineName } from '../../renderer/scanner/camera/decoder';
import type { BenchImage, ImageOutcome, Placement } from './decode/api';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/data/barcodes');
const PAGE_DIR = fileURLToPath(new URL('./decode', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** DECODE_BENCH_MISREADS=1 lists, per folder, what was decoded instead of the expected text. */
const SHOW_MISREADS = process.env.DECODE_BENCH_MISREADS === '1';
/** DECODE_BENCH_ENGINES=zxing-wasm runs one engine only. */
const ENGINES_WANTED: readonly EngineName[] = (process.env.DECODE_BENCH_ENGINES?.split(',') ?? ENGINE_NAMES).filter(isEngineName);
/** Frames per folder for the 1280x720 timing (the first ones, in name order). */
const FRAMES_PER_FOLDER = 8;
/** How long the camera check keeps the code in view. */
const CAMERA_WATCH_MS = 4000;
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp']);
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.css': 'text/css; charset=utf-8',
};

interface CorpusImage {
  folder: string;
  file: string;
  /** Expected text (GS1 separators as GS); null for false-positive images. */
  expected: string | null;
  /** Expected symbology identifier from NAME.result.txt, when given. */
  identifier: string | null;
}

interface CorpusFolder {
  name: string;
  falsePositives: boolean;
  images: CorpusImage[];
  /** Images with no NAME.txt (their expectation is a .bin byte dump): not scored. */
  skipped: number;
}

export interface DecodeFolderLine {
  bench: 'decode';
  engine: EngineName;
  folder: string;
  images: number;
  read?: number;
  readRate?: number;
  /** Something decoded, but not the expected text. */
  misread?: number;
  falsePositives?: number;
  /** Reads whose symbology identifier matched NAME.result.txt, of those that give one. */
  identifiersMatched?: string;
  skipped?: number;
  msPerImage: number;
  engineMsPerImage: number;
}

const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;
const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export async function loadCorpus(dir: string = CORPUS_DIR): Promise<CorpusFolder[]> {
  const folders: CorpusFolder[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const falsePositives = entry.name.startsWith('falsepositives');
    const files = new Set(await readdir(join(dir, entry.name)));
    const folder: CorpusFolder = { name: entry.name, falsePositives, images: [], skipped: 0 };
    for (const file of [...files].sort()) {
      if (!IMAGE_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      const stem = file.slice(0, -extname(file).length);
      const readText = async (name: string): Promise<string | null> => (files.has(name) ? readFile(join(dir, entry.name, name), 'utf8') : null);
      const expected = falsePositives ? null : await readText(`${stem}.txt`);
      if (!falsePositives && expected === null) {
        folder.skipped++;
        continue;
      }
      const identifier = /^symbologyIdentifier=(\S+)/m.exec((await readText(`${stem}.result.txt`)) ?? '')?.[1] ?? null;
      folder.images.push({ folder: entry.name, file, expected, identifier });
    }
    folders.push(folder);
  }
  return folders;
}

/** Serves the built page at / and the corpus at /corpus/; nothing else. */
async function serve(pageDir: string, corpusDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const [root, rest] = path.startsWith('/corpus/') ? [corpusDir, path.slice('/corpus/'.length)] : [pageDir, path === '/' ? 'index.html' : path.slice(1)];
      const file = resolve(root, rest);
      if (!file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bench server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

async function buildPages(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: { index: join(PAGE_DIR, 'index.html'), camera: join(PAGE_DIR, 'camera.html') } },
    },
  });
}

/** What the fake camera shows: a GS1 DataMatrix, and the text the scanner must report for it. */
export const CAMERA_CODE = { hri: '(01)09506000134352(10)LOT-7(17)270630', scan: `]d2010950600013435210LOT-7${GS}17270630` };

/**
 * A Y4M clip (what Chromium's fake camera plays) of 1280x720 frames showing
 * CAMERA_CODE in 12-pixel modules, dark on light grey, centred.
 */
async function writeFakeCamera(path: string): Promise<void> {
  const [symbol] = bwipjs.raw({ bcid: 'gs1datamatrix', text: CAMERA_CODE.hri });
  if (!symbol || !('pixs' in symbol)) throw new Error('bwip-js gave no matrix');
  const width = 1280;
  const height = 720;
  const module = 12;
  const luma = new Uint8Array(width * height).fill(200);
  const left = Math.floor((width - symbol.pixx * module) / 2);
  const top = Math.floor((height - symbol.pixy * module) / 2);
  for (let y = 0; y < symbol.pixy * module; y++) {
    for (let x = 0; x < symbol.pixx * module; x++) {
      if (symbol.pixs[Math.floor(y / module) * symbol.pixx + Math.floor(x / module)] === 1) luma[(top + y) * width + left + x] = 30;
    }
  }
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

/** Refuses, and records, any request that does not go to the bench server. */
async function guard(context: BrowserContext, origin: string, external: Set<string>): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.add(url);
    return route.abort();
  });
}

/**
 * The CameraScanner component itself, in Chromium with a fake camera: one
 * report for a code held in view for a few seconds, and the plain-words
 * message when camera permission is refused.
 */
async function* cameraChecks(origin: string, outDir: string, engines: readonly EngineName[], external: Set<string>): AsyncGenerator<object> {
  const clip = join(outDir, 'fake-camera.y4m');
  await writeFakeCamera(clip);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${clip}`],
  });
  try {
    for (const engine of engines) {
      const context = await browser.newContext();
      await context.grantPermissions(['camera'], { origin });
      await guard(context, origin, external);
      const page = await context.newPage();
      await page.goto(`${origin}/camera.html?engine=${engine}`);
      await page.waitForTimeout(CAMERA_WATCH_MS);
      const state = await page.evaluate(() => window.cameraCheck);
      const alert = await page.locator('[role=alert]').textContent({ timeout: 100 }).catch(() => null);
      await context.close();
      const scans = state?.scans ?? [];
      const ok = scans.length === 1 && scans[0]?.raw === CAMERA_CODE.scan;
      if (!ok) process.exitCode = 1;
      yield {
        bench: 'decode',
        check: 'camera-scanner',
        engine,
        watchedMs: CAMERA_WATCH_MS,
        scans: scans.length,
        firstScan: scans[0]?.raw ?? null,
        firstScanMs: scans[0] ? round(scans[0].at, 0) : null,
        ok,
        ...(alert ? { alert } : {}),
      };
    }
    // No permission granted: the prompt is refused, the component must say so in plain words.
    const context = await browser.newContext();
    await guard(context, origin, external);
    const page = await context.newPage();
    await page.goto(`${origin}/camera.html`);
    const message = await page.locator('[role=alert]').textContent({ timeout: 10_000 }).catch(() => null);
    await context.close();
    const ok = message?.startsWith('Camera access is blocked') ?? false;
    if (!ok) process.exitCode = 1;
    yield { bench: 'decode', check: 'camera-permission-denied', message, ok };
  } finally {
    await browser.close();
  }
}

function decodeAll(page: Page, engine: EngineName, images: BenchImage[], placement: Placement): Promise<ImageOutcome[]> {
  return page.evaluate(
    ([e, list, p]) => {
      const api = window.decodeBench;
      if (!api) throw new Error('bench page not loaded');
      return api.decodeAll(e, list, p);
    },
    [engine, images, placement] as const,
  );
}

function scoreFolder(engine: EngineName, folder: CorpusFolder, outcomes: ImageOutcome[]): DecodeFolderLine {
  const ms = outcomes.map((o) => o.ms);
  const engineMs = outcomes.map((o) => o.engineMs);
  const line: DecodeFolderLine = { bench: 'decode', engine, folder: folder.name, images: folder.images.length, msPerImage: 0, engineMsPerImage: 0 };
  if (folder.falsePositives) {
    line.falsePositives = outcomes.filter((o) => o.texts.length > 0).length;
  } else {
    let read = 0;
    let misread = 0;
    let idChecked = 0;
    let idMatched = 0;
    const misreads: { file: string; expected: string | null; got: string[] }[] = [];
    folder.images.forEach((image, i) => {
      const outcome = outcomes[i];
      if (!outcome) return;
      const hit = outcome.texts.indexOf(image.expected ?? '');
      if (hit >= 0) {
        read++;
        if (image.identifier !== null) {
          idChecked++;
          if (outcome.identifiers[hit] === image.identifier) idMatched++;
        }
      } else if (outcome.texts.length > 0) {
        misread++;
        if (SHOW_MISREADS) misreads.push({ file: image.file, expected: image.expected, got: outcome.texts });
      }
    });
    line.read = read;
    line.readRate = round(folder.images.length === 0 ? 0 : read / folder.images.length, 3);
    line.misread = misread;
    if (idChecked > 0) line.identifiersMatched = `${idMatched}/${idChecked}`;
    if (misreads.length > 0) Object.assign(line, { misreads });
  }
  if (folder.skipped > 0) line.skipped = folder.skipped;
  line.msPerImage = round(mean(ms), 2);
  line.engineMsPerImage = round(mean(engineMs), 2);
  const errors = outcomes.filter((o) => o.error !== undefined);
  if (errors.length > 0) Object.assign(line, { errors: errors.length, firstError: errors[0]?.error });
  return line;
}

export async function* benchDecode(engines: readonly EngineName[] = ENGINES_WANTED): AsyncGenerator<object> {
  if (!existsSync(CORPUS_DIR)) {
    process.exitCode = 1;
    yield { bench: 'decode', error: `barcode corpus not found at ${CORPUS_DIR} (expected ../shared/data/barcodes beside the repo)` };
    return;
  }
  if (!existsSync(CHROMIUM)) {
    process.exitCode = 1;
    yield { bench: 'decode', error: `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)` };
    return;
  }
  const corpus = await loadCorpus();
  const outDir = await mkdtemp(join(tmpdir(), 'decode-bench-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    await buildPages(outDir);
    const served = await serve(outDir, CORPUS_DIR);
    server = served.server;
    const { origin } = served;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    const external = new Set<string>();
    let localWasm = 0;
    // Nothing may be fetched from elsewhere: refuse and count it.
    await guard(context, origin, external);
    context.on('request', (request) => {
      if (request.url().startsWith(origin) && request.url().endsWith('.wasm')) localWasm++;
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => window.decodeBench !== undefined);

    const toBench = (images: CorpusImage[]): BenchImage[] =>
      images.map((i) => ({ url: `${origin}/corpus/${encodeURIComponent(i.folder)}/${encodeURIComponent(i.file)}` }));
    const summaries: { engine: EngineName; readRate: number; msPer1280x720Frame: number }[] = [];

    for (const engine of engines) {
      const { initMs } = await page.evaluate(async (e) => {
        const api = window.decodeBench;
        if (!api) throw new Error('bench page not loaded');
        return api.start(e);
      }, engine);
      let images = 0;
      let read = 0;
      let falsePositives = 0;
      let falsePositiveImages = 0;
      const perImageMs: number[] = [];
      for (const folder of corpus) {
        const outcomes = await decodeAll(page, engine, toBench(folder.images), 'image');
        const line = scoreFolder(engine, folder, outcomes);
        if (folder.falsePositives) {
          falsePositives += line.falsePositives ?? 0;
          falsePositiveImages += folder.images.length;
        } else {
          images += folder.images.length;
          read += line.read ?? 0;
        }
        perImageMs.push(...outcomes.map((o) => o.ms));
        yield line;
      }
      // Camera-sized frames: a sample of every folder letterboxed into 1280x720.
      const all = corpus.flatMap((f) => f.images.slice(0, FRAMES_PER_FOLDER));
      const frames = await decodeAll(page, engine, toBench(all), 'frame1280x720');
      const frameMs = frames.map((o) => o.ms);
      const framesRead = all.filter((image, i) => image.expected !== null && (frames[i]?.texts.includes(image.expected) ?? false)).length;
      const frameImages = all.filter((image) => image.expected !== null).length;
      const summary = {
        bench: 'decode',
        engine,
        images,
        read,
        readRate: round(images === 0 ? 0 : read / images, 3),
        falsePositives,
        falsePositiveImages,
        msPerImage: round(mean(perImageMs), 2),
        frames: all.length,
        msPer1280x720Frame: round(mean(frameMs), 2),
        p95MsPer1280x720Frame: round(percentile(frameMs, 95), 1),
        frameReadRate: round(frameImages === 0 ? 0 : framesRead / frameImages, 3),
        initMs: round(initMs, 1),
      };
      summaries.push({ engine, readRate: summary.readRate, msPer1280x720Frame: summary.msPer1280x720Frame });
      await page.evaluate((e) => window.decodeBench?.stop(e), engine);
      yield summary;
    }

    await browser.close();
    browser = undefined;
    yield* cameraChecks(origin, outDir, engines, external);

    const best = [...summaries].sort((a, b) => b.readRate - a.readRate || a.msPer1280x720Frame - b.msPer1280x720Frame)[0];
    yield {
      bench: 'decode',
      best: best?.engine ?? null,
      defaultEngine: DEFAULT_ENGINE,
      defaultIsBest: best === undefined || best.engine === DEFAULT_ENGINE,
      localWasmRequests: localWasm,
      externalRequests: [...external],
      pageErrors,
    };
    if (external.size > 0 || pageErrors.length > 0) process.exitCode = 1;
  } finally {
    await browser?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    await rm(outDir, { recursive: true, force: true });
  }
}
