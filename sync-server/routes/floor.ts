import { z } from 'zod';
import { suggestBin, type BinInfo, type BinStock } from '../../shared/domain/putaway';
import { Uuid } from '../../shared/schemas/common';
import type { RouteDeps, TypedApp } from '../app';
import { requireDevice, requireRole } from '../http/auth-guard';
import { cartonLabelData } from '../labels/carton-label';
import { cartonLabelPdf } from '../labels/pdf-label';
import { cartonLabelZpl } from '../../shared/labels/zpl';
import { notFound } from '../http/errors';

export function registerFloorRoutes(app: TypedApp, { db }: RouteDeps): void {
  /** Carton label: ZPL for Zebra printers, a 4x6 PDF, or the label data (json); SSCC as GS1-128 (or GS1 DataMatrix in ZPL). */
  app.get(
    '/api/cartons/:id/label',
    {
      schema: {
        params: z.object({ id: Uuid }),
        querystring: z
          .object({
            format: z.enum(['zpl', 'pdf', 'json']).default('pdf'),
            dpi: z.coerce.number().pipe(z.union([z.literal(203), z.literal(300)])).default(203),
            symbology: z.enum(['gs1-128', 'datamatrix']).default('gs1-128'),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      requireRole(req, ['associate', 'supervisor', 'admin']);
      const label = await cartonLabelData(db, req.params.id);
      if (!label) throw notFound('No such carton.');
      // The label data itself, for the desktop app to print on its own printer.
      if (req.query.format === 'json') return label;
      if (req.query.format === 'zpl') {
        return reply.type('application/vnd.zebra.zpl; charset=utf-8').send(cartonLabelZpl(label, { dpi: req.query.dpi, symbology: req.query.symbology }));
      }
      return reply.type('application/pdf').header('content-disposition', `inline; filename="carton-${label.sscc}.pdf"`).send(Buffer.from(cartonLabelPdf(label)));
    },
  );

  /** The put-away rule, online; devices run the same shared function on their replica offline. */
  app.get(
    '/api/putaway/suggest',
    { schema: { querystring: z.object({ itemId: Uuid, qty: z.coerce.number().int().positive().max(1_000_000) }).strict() } },
    async (req) => {
      const auth = requireDevice(req, ['associate', 'supervisor', 'admin']);
      const bins = await db.query<BinInfo>(
        `SELECT id, zone, path_seq AS "pathSeq", capacity FROM locations WHERE warehouse_id = $1 AND kind = 'bin' AND NOT deleted`,
        [auth.warehouseId],
      );
      const stock = await db.query<BinStock>(
        `SELECT b.location_id AS "locationId", b.item_id AS "itemId", b.qty FROM balances b
         JOIN locations l ON l.warehouse_id = b.warehouse_id AND l.id = b.location_id AND l.kind = 'bin'
         WHERE b.warehouse_id = $1 AND b.qty > 0`,
        [auth.warehouseId],
      );
      const suggestion = suggestBin(req.query.itemId, req.query.qty, bins, stock);
      if (!suggestion) throw notFound('No bin in this warehouse can take that quantity.');
      const [loc] = await db.query<{ code: string; barcode: string }>('SELECT code, barcode FROM locations WHERE id = $1', [suggestion.locationId]);
      return { ...suggestion, code: loc?.code ?? '', barcode: loc?.barcode ?? '' };
    },
  );
}
