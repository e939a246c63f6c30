import { z } from 'zod';
import { PullCollection } from '../../shared/schemas/docs';
import { EVENT_SCHEMA_VERSION, MIN_SUPPORTED_EVENT_SCHEMA_VERSION, PushBody } from '../../shared/schemas/events';
import type { RouteDeps, TypedApp } from '../app';
import { pushEvents } from '../events/push';
import { requireDevice } from '../http/auth-guard';
import { badRequest, forbidden, upgradeRequired } from '../http/errors';
import { pullJson } from '../replication/pull';
import { openStream } from '../replication/stream';

const SYNC_ROLES = ['associate', 'supervisor', 'admin'] as const;

const PullQuery = z
  .object({
    /** The `seq` of the last document the device has; absent or empty for a fresh device. */
    checkpoint: z
      .union([z.literal(''), z.coerce.number().int().nonnegative()])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : { seq: v })),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    /** `1`: also answer how many documents remain after this page. */
    remaining: z.enum(['0', '1']).optional(),
    token: z.string().optional(),
  })
  .strict();

export function registerSyncRoutes(app: TypedApp, { db }: RouteDeps): void {
  app.post('/sync/events/push', { schema: { body: PushBody } }, async (req) => {
    const auth = requireDevice(req, SYNC_ROLES);
    const rows = req.body;
    for (const { newDocumentState: ev } of rows) {
      if (ev.schemaVersion < MIN_SUPPORTED_EVENT_SCHEMA_VERSION) {
        throw upgradeRequired(`Event schema ${ev.schemaVersion} is no longer accepted; update the app. Your queue is kept.`);
      }
      if (ev.schemaVersion > EVENT_SCHEMA_VERSION) {
        throw badRequest('unsupported_schema', `Event schema ${ev.schemaVersion} is newer than this server understands.`);
      }
      if (ev.deviceId !== auth.deviceId || ev.warehouseId !== auth.warehouseId) {
        throw forbidden(`Event ${ev.id} belongs to another device or warehouse; nothing was applied.`);
      }
    }
    // Events name who scanned (possibly another user logged in offline on this device): they must be real users.
    const userIds = [...new Set(rows.map((r) => r.newDocumentState.userId))];
    const known = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND (warehouse_ids IS NULL OR $2::uuid = ANY(warehouse_ids))`,
      [userIds, auth.warehouseId],
    );
    if (known.length !== userIds.length) throw forbidden('An event names a user unknown to this warehouse; nothing was applied.');
    return pushEvents(db, rows, { deviceId: auth.deviceId, warehouseId: auth.warehouseId, userId: auth.sub, log: req.log });
  });

  app.get(
    '/sync/:collection/pull',
    { schema: { params: z.object({ collection: PullCollection }), querystring: PullQuery } },
    async (req, reply) => {
      const auth = requireDevice(req, SYNC_ROLES);
      const text = await pullJson(db, req.params.collection, req.query.checkpoint, req.query.limit, auth, req.query.remaining === '1');
      return reply.type('application/json; charset=utf-8').send(text);
    },
  );

  app.get('/sync/stream', async (req, reply) => {
    const auth = requireDevice(req, SYNC_ROLES);
    openStream(req, reply, db, auth);
  });
}
