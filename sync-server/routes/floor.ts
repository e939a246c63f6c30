import { z } from 'zod';
import { suggestBin, suggestPlateBin, type BinInfo, type BinStock, type Suggestion } from '../../shared/domain/putaway';
import type { LicencePlateDoc } from '../../shared/schemas/docs';
import { LpnCode } from '../../shared/schemas/warehouse-events';
import type { Sql } from '../db/types';
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
      const { bins, stock } = await binsAndStock(db, auth.warehouseId);
      const suggestion = suggestBin(req.query.itemId, req.query.qty, bins, stock);
      if (!suggestion) throw notFound('No bin in this warehouse can take that quantity.');
      return withLocation(db, suggestion);
    },
  );

  /** A licence plate, what is on it (from the ledger), and the bin the put-away rule suggests for the whole plate. */
  app.get(
    '/api/licence-plates/:code',
    { schema: { params: z.object({ code: z.string().trim().toUpperCase().pipe(LpnCode) }) } },
    async (req) => {
      const auth = requireRole(req, ['associate', 'supervisor', 'admin']);
      const [plate] = await db.query<Omit<LicencePlateDoc, '_deleted' | 'seq' | 'updatedAt'>>(
        `SELECT id, warehouse_id AS "warehouseId", code, location_id AS "locationId", status, receipt_id AS "receiptId",
                opened_at AS "openedAt", licence_plate_contents(warehouse_id, code) AS contents
         FROM licence_plates WHERE code = $1`,
        [req.params.code],
      );
      // A device sees the plates of its warehouse only; a user those of the warehouses they work in.
      if (!plate || (auth.warehouseId ? auth.warehouseId !== plate.warehouseId : !(await mayReadWarehouse(db, auth.sub, plate.warehouseId)))) {
        throw notFound('No such licence plate in this warehouse.');
      }
      const waiting = plate.status === 'open' || plate.status === 'closed';
      const { bins, stock } = await binsAndStock(db, plate.warehouseId);
      const suggestion = waiting ? suggestPlateBin(plate.contents, bins, stock) : null;
      return { ...plate, suggestion: suggestion ? await withLocation(db, suggestion) : null };
    },
  );
}

/** The warehouse's bins and what they hold: what the put-away rule reads. */
async function binsAndStock(db: Sql, warehouseId: string): Promise<{ bins: BinInfo[]; stock: BinStock[] }> {
  const bins = await db.query<BinInfo>(
    `SELECT id, zone, path_seq AS "pathSeq", capacity FROM locations WHERE warehouse_id = $1 AND kind = 'bin' AND NOT deleted`,
    [warehouseId],
  );
  const stock = await db.query<BinStock>(
    `SELECT b.location_id AS "locationId", b.item_id AS "itemId", b.qty FROM balances b
     JOIN locations l ON l.warehouse_id = b.warehouse_id AND l.id = b.location_id AND l.kind = 'bin'
     WHERE b.warehouse_id = $1 AND b.qty > 0`,
    [warehouseId],
  );
  return { bins, stock };
}

async function withLocation(db: Sql, suggestion: Suggestion): Promise<Suggestion & { code: string; barcode: string }> {
  const [loc] = await db.query<{ code: string; barcode: string }>('SELECT code, barcode FROM locations WHERE id = $1', [suggestion.locationId]);
  return { ...suggestion, code: loc?.code ?? '', barcode: loc?.barcode ?? '' };
}

async function mayReadWarehouse(db: Sql, userId: string, warehouseId: string): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }>(`SELECT (warehouse_ids IS NULL OR $2::uuid = ANY(warehouse_ids)) AS ok FROM users WHERE id = $1`, [userId, warehouseId]);
  return rows[0]?.ok === true;
}
