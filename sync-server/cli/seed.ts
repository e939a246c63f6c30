import { readEnv } from '../config';
import { openDatabase } from '../db/open';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../seed';

// `npm run seed`: seeds the demo tenant into an empty database (refuses a non-empty one).
const env = readEnv();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const summary = await seedDemo(db);
  console.log(JSON.stringify(summary, null, 2));
  console.log(`Demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
