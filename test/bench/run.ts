import { DATABASE_KINDS } from '../support/databases';
import { benchDecode } from './decode';
import { benchAllocate } from './allocate';
import { benchBootstrap } from './bootstrap';
import { benchPullRate } from './pull-rate';
import { benchScanToConfirm } from './scan-to-confirm';
import { benchServerApply } from './server-apply';

/**
 * `npm run bench [name...]`: prints one JSON line per measurement. Figures,
 * not pass/fail: targets are compared in the closing notes, never in tests.
 */
const BENCHES: Record<string, () => AsyncGenerator<object>> = {
  async *server_apply() {
    for (const kind of DATABASE_KINDS) yield await benchServerApply(kind);
  },
  async *pull_rate() {
    for (const kind of DATABASE_KINDS) yield await benchPullRate(kind);
  },
  async *allocate() {
    // The target is on PostgreSQL; PGlite is reported alongside for the embedded default.
    for (const kind of DATABASE_KINDS) yield await benchAllocate(kind);
  },
  decode: benchDecode,
  // Chromium against the real server on a 100k-item replica; both share one seeded server and device.
  async *bootstrap() {
    yield await benchBootstrap();
  },
  // Web mode (a browser's defaults) and desktop mode (the switches the Electron shell sets).
  async *scan_to_confirm() {
    yield await benchScanToConfirm('web');
    yield await benchScanToConfirm('desktop');
  },
};

const wanted = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  for await (const result of bench()) console.log(JSON.stringify(result));
}
