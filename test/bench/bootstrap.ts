import { acquireBrowserBench, releaseBrowserBench } from './browser/fixture';

export interface BootstrapResult {
  bench: 'bootstrap';
  documents: number;
  items: number;
  bins: number;
  seconds: number;
  documentsPerSecond: number;
  targetDocumentsPerSecond: number;
}

/** A new device (Chromium, RxDB on IndexedDB) pulling its warehouse's replica until it can scan. */
export async function benchBootstrap(): Promise<BootstrapResult> {
  const b = await acquireBrowserBench();
  try {
    const { documents, seconds, items, bins } = b.bootstrap;
    return {
      bench: 'bootstrap',
      documents,
      items,
      bins,
      seconds: Math.round(seconds * 100) / 100,
      documentsPerSecond: Math.round(documents / seconds),
      targetDocumentsPerSecond: 20_000,
    };
  } finally {
    releaseBrowserBench();
  }
}
