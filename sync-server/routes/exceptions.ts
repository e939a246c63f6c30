import { z } from 'zod';
import { ResolveExceptionBody } from '../../shared/schemas/api';
import { Uuid } from '../../shared/schemas/common';
import type { RouteDeps, TypedApp } from '../app';
import { appendAudit } from '../audit/chain';
import { requireRole } from '../http/auth-guard';
import { conflict, notFound } from '../http/errors';

const REVIEWERS = ['supervisor', 'admin'] as const;

export function registerExceptionRoutes(app: TypedApp, { db, now }: RouteDeps): void {
  app.get(
    '/api/exceptions',
    {
      schema: {
        querystring: z
          .object({ warehouseId: Uuid.optional(), status: z.enum(['open', 'resolved']).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) })
          .strict(),
      },
    },
    async (req) => {
      requireRole(req, REVIEWERS);
      const { warehouseId, status, limit } = req.query;
      return db.query(
        `SELECT id, warehouse_id AS "warehouseId", event_id AS "eventId", kind, reason, status, raised_at AS "raisedAt",
                resolved_at AS "resolvedAt", resolved_by AS "resolvedBy", resolution
         FROM exceptions WHERE ($1::uuid IS NULL OR warehouse_id = $1) AND ($2::text IS NULL OR status = $2)
         ORDER BY raised_at DESC, id DESC LIMIT $3`,
        [warehouseId ?? null, status ?? null, limit],
      );
    },
  );

  /** A supervisor closes an exception with a written resolution; audited, replicated to devices. */
  app.post(
    '/api/exceptions/:id/resolve',
    { schema: { params: z.object({ id: Uuid }), body: ResolveExceptionBody } },
    async (req) => {
      const auth = requireRole(req, REVIEWERS);
      return db.writeTransaction(async (tx) => {
        const [row] = await tx.query<{ warehouseId: string; status: string }>(
          `SELECT warehouse_id AS "warehouseId", status FROM exceptions WHERE id = $1 FOR UPDATE`,
          [req.params.id],
        );
        if (!row) throw notFound('No such exception.');
        if (row.status !== 'open') throw conflict('This exception is already resolved.');
        const at = now().toISOString();
        await tx.query(
          `UPDATE exceptions SET status = 'resolved', resolved_at = $2, resolved_by = $3, resolution = $4,
             seq = nextval('repl_seq'), updated_at = now() WHERE warehouse_id = $5 AND id = $1`,
          [req.params.id, at, auth.sub, req.body.resolution, row.warehouseId],
        );
        await appendAudit(tx, [
          {
            at,
            userId: auth.sub,
            deviceId: auth.deviceId,
            warehouseId: row.warehouseId,
            action: 'exception.resolved',
            subject: `exception:${req.params.id}`,
            data: { resolution: req.body.resolution },
          },
        ]);
        return { id: req.params.id, status: 'resolved' as const };
      });
    },
  );
}
