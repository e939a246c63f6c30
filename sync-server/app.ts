import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createTokenService } from './auth/tokens';
import type { Db } from './db/types';
import { authenticate } from './http/auth-guard';
import { HttpError, upgradeRequired } from './http/errors';
import { CLIENT_VERSION_HEADER, compareVersions, MIN_CLIENT_VERSION } from '../shared/version';
import { registerAdminRoutes } from './routes/admin';
import { registerAuthRoutes } from './routes/auth';
import { registerExceptionRoutes } from './routes/exceptions';
import { registerFloorRoutes } from './routes/floor';
import { registerOrderRoutes } from './routes/orders';
import { registerStaticRoutes } from './routes/static';
import { registerSyncRoutes } from './routes/sync';

export interface AppOptions {
  db: Db;
  jwtSecret?: string | undefined;
  /** Fastify's own pino logger: false in tests, a level in production. */
  logger?: boolean | { level: string };
  /** Built web app to serve at `/` (web mode), when present. */
  webRoot?: string | undefined;
  now?: () => Date;
  /** Oldest app build allowed to sync (426 below it). */
  minClientVersion?: string;
}

export type App = TypedApp;

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Offline devices push their whole backlog; 1000 events fit comfortably.
    bodyLimit: 16 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({
        error: 'validation',
        message: `The request does not match the schema: ${err.validation
          .slice(0, 5)
          .map((i) => `${i.instancePath || '(body)'} ${i.message}`)
          .join('; ')}`,
        issues: err.validation,
      });
    }
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: err.code, message: err.message });
    const status = typeof err === 'object' && err !== null && 'statusCode' in err ? Number(err.statusCode) : 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'bad_request', message: err instanceof Error ? err.message : String(err) });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'The server failed; nothing was changed.' });
  });

  const tokens = await createTokenService(opts.db, opts.jwtSecret);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', authenticate(tokens));
  const minClientVersion = opts.minClientVersion ?? MIN_CLIENT_VERSION;
  app.addHook('onRequest', async (req) => {
    const version = req.headers[CLIENT_VERSION_HEADER];
    if (req.url.startsWith('/sync/') && typeof version === 'string' && compareVersions(version, minClientVersion) < 0) {
      throw upgradeRequired(`This app (${version}) is too old for the server (needs ${minClientVersion}); update it. Scans waiting to sync are kept.`);
    }
  });

  app.get('/health', async () => ({ status: 'ok' as const, database: opts.db.kind }));
  const deps = { db: opts.db, tokens, now: opts.now ?? (() => new Date()) };
  registerAuthRoutes(app, deps);
  registerSyncRoutes(app, deps);
  registerExceptionRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerFloorRoutes(app, deps);
  if (opts.webRoot) await registerStaticRoutes(app, opts.webRoot);
  return app;
}

export type RouteDeps = {
  db: Db;
  tokens: Awaited<ReturnType<typeof createTokenService>>;
  now: () => Date;
};
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
