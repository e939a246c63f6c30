import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Server settings from the environment, validated at start-up: a typo fails loudly, not later. */
export const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** PGlite data directory (the embedded default). */
  DATA_DIR: z.string().default('./data'),
  /** postgres://... switches to a PostgreSQL server. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SEED_DEMO: flag,
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built web app served at `/`. */
  WEB_ROOT: z.string().default('dist/renderer'),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid server settings:\n${lines}`);
  }
  return parsed.data;
}
