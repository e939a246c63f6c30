import { z } from 'zod';
import { Uuid } from '../../shared/schemas/common';
import { ImportBody, OrderRules, ReleaseHoldBody, TransferReservationBody } from '../../shared/schemas/orders';
import type { RouteDeps, TypedApp } from '../app';
import { appendAudit } from '../audit/chain';
import { requireRole } from '../http/auth-guard';
import { badRequest, notFound } from '../http/errors';
import { ordersFromCsv } from '../orders/csv';
import { importOrders } from '../orders/import';
import { releaseHold } from '../orders/release';
import { loadOrderRules, saveOrderRules } from '../orders/rules';
import { orderView } from '../orders/view';
import { transferReservation } from '../orders/transfer';
import { releaseWaves } from '../orders/waves';

const IMPORTERS = ['admin', 'customer_service'] as const;

export function registerOrderRoutes(app: TypedApp, { db, now }: RouteDeps): void {
  // CSV arrives as text; JSON goes through the zod schema below.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 32 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post('/api/orders/import', async (req) => {
    const auth = requireRole(req, IMPORTERS);
    let orders: unknown[];
    if (typeof req.body === 'string') {
      const csv = ordersFromCsv(req.body);
      if (!csv.ok) throw badRequest('invalid_csv', csv.error);
      orders = csv.orders;
    } else {
      const parsed = ImportBody.safeParse(req.body);
      if (!parsed.success) throw badRequest('validation', `Expected { "orders": [ ... ] }: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      orders = parsed.data.orders;
    }
    return { results: await importOrders(db, orders, auth.sub, now) };
  });

  app.get('/api/orders/:id', { schema: { params: z.object({ id: Uuid }) } }, async (req) => {
    requireRole(req, ['admin', 'customer_service', 'supervisor', 'finance', 'associate']);
    const view = await orderView(db, req.params.id);
    if (!view) throw notFound('No such order.');
    return view;
  });

  app.post('/api/orders/:id/release', { schema: { params: z.object({ id: Uuid }), body: ReleaseHoldBody } }, async (req) => {
    const auth = requireRole(req, ['supervisor', 'customer_service', 'admin']);
    return releaseHold(db, req.params.id, req.body.reason, auth.sub, now().toISOString());
  });

  app.post(
    '/api/reservations/:id/transfer',
    { schema: { params: z.object({ id: Uuid }), body: TransferReservationBody } },
    async (req) => {
      const auth = requireRole(req, ['supervisor', 'admin']);
      return { reservations: await transferReservation(db, req.params.id, req.body, auth.sub, now().toISOString()) };
    },
  );

  app.post('/api/waves', { schema: { body: z.object({ warehouseId: Uuid, maxOrdersPerWave: z.number().int().min(1).max(500).optional() }).strict() } }, async (req) => {
    const auth = requireRole(req, ['supervisor', 'admin']);
    const at = now().toISOString();
    return db.writeTransaction(async (tx) => {
      const waves = await releaseWaves(tx, req.body.warehouseId, at, auth.sub, req.body.maxOrdersPerWave);
      await appendAudit(tx, [{ at, userId: auth.sub, deviceId: null, warehouseId: req.body.warehouseId, action: 'waves.released', subject: `warehouse:${req.body.warehouseId}`, data: { waves: waves.map((w) => w.id) } }]);
      return { waves };
    });
  });

  app.get('/api/settings/order-rules', async (req) => {
    requireRole(req, ['admin', 'supervisor', 'customer_service']);
    return loadOrderRules(db);
  });

  app.put('/api/settings/order-rules', { schema: { body: OrderRules } }, async (req) => {
    const auth = requireRole(req, ['admin']);
    await db.writeTransaction(async (tx) => {
      await saveOrderRules(tx, req.body);
      await appendAudit(tx, [{ at: now().toISOString(), userId: auth.sub, deviceId: null, warehouseId: null, action: 'settings.order_rules', subject: 'settings:order_rules', data: req.body }]);
    });
    return req.body;
  });
}
