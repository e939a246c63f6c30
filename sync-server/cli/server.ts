import { runServer } from '../main';

// `npm run server`: honours PORT, HOST, DATA_DIR, DATABASE_URL, SEED_DEMO=1, JWT_SECRET, LOG_LEVEL.
runServer().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
