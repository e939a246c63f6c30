import { z } from 'zod';
import { CreateUserBody } from '../../shared/schemas/api';
import { Uuid } from '../../shared/schemas/common';
import type { RouteDeps, TypedApp } from '../app';
import { verifyAuditChain } from '../audit/chain';
import { requireRole } from '../http/auth-guard';
import { conflict, notFound } from '../http/errors';
import { createUser } from '../users';

export function registerAdminRoutes(app: TypedApp, { db }: RouteDeps): void {
  app.post('/api/users', { schema: { body: CreateUserBody } }, async (req, reply) => {
    requireRole(req, ['admin']);
    try {
      const user = await createUser(db, req.body);
      return reply.code(201).send(user);
    } catch (err) {
      if (err instanceof Error && err.message.includes('already exists')) throw conflict(err.message);
      throw err;
    }
  });

  app.get('/api/audit/verify', async (req) => {
    requireRole(req, ['admin', 'supervisor', 'finance']);
    return verifyAuditChain(db);
  });

  app.get('/api/alarms', async (req) => {
    requireRole(req, ['admin']);
    return db.query(
      `SELECT id, kind, event_id AS "eventId", device_id AS "deviceId", user_id AS "userId", detail, raised_at AS "raisedAt"
       FROM alarms ORDER BY raised_at DESC LIMIT 500`,
    );
  });

  /** Stock on hand by location for one item in one warehouse (supervisor desk, finance). */
  app.get(
    '/api/balances',
    { schema: { querystring: z.object({ warehouseId: Uuid, itemId: Uuid.optional(), locationId: Uuid.optional() }).strict() } },
    async (req) => {
      requireRole(req, ['supervisor', 'admin', 'finance']);
      const { warehouseId, itemId, locationId } = req.query;
      return db.query(
        `SELECT id, location_id AS "locationId", item_id AS "itemId", lot, to_char(expiry, 'YYYY-MM-DD') AS expiry, status, qty
         FROM balances WHERE warehouse_id = $1 AND ($2::uuid IS NULL OR item_id = $2) AND ($3::uuid IS NULL OR location_id = $3)
           AND qty <> 0 ORDER BY location_id, item_id, status LIMIT 5000`,
        [warehouseId, itemId ?? null, locationId ?? null],
      );
    },
  );

  app.get('/api/receipts/:id', { schema: { params: z.object({ id: Uuid }) } }, async (req) => {
    requireRole(req, ['associate', 'supervisor', 'admin', 'finance']);
    const [row] = await db.query(
      `SELECT id, warehouse_id AS "warehouseId", po_id AS "poId", asn_id AS "asnId", status, lines, discrepancies,
              opened_at AS "openedAt", closed_at AS "closedAt" FROM receipts WHERE id = $1`,
      [req.params.id],
    );
    if (!row) throw notFound('No such receipt.');
    return row;
  });

  app.get('/api/purchase-orders/:id', { schema: { params: z.object({ id: Uuid }) } }, async (req) => {
    requireRole(req, ['associate', 'supervisor', 'admin', 'finance']);
    const [row] = await db.query(
      `SELECT id, warehouse_id AS "warehouseId", number, status, lines FROM purchase_orders WHERE id = $1`,
      [req.params.id],
    );
    if (!row) throw notFound('No such purchase order.');
    return row;
  });
}
