import { DATABASE_KINDS } from '../support/databases';
import { benchPullRate } from './pull-rate';
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
