import { CartonLabel, type Address } from '../../shared/ipc/labels';
import type { Sql } from '../db/types';

interface RawAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

interface Row {
  sscc: string;
  weightGrams: number;
  orderNumber: string;
  shipTo: RawAddress;
  carrier: string | null;
  trackingNumber: string | null;
  warehouseName: string;
  warehouseAddress: RawAddress | null;
  cartonNo: number;
  cartonCount: number;
}

const clip = (s: string | undefined, max: number) => (s === undefined || s.trim() === '' ? undefined : s.trim().slice(0, max));

function address(a: RawAddress): Address {
  return {
    name: clip(a.name, 60) ?? '-',
    line1: clip(a.line1, 60) ?? '-',
    line2: clip(a.line2, 60),
    city: clip(a.city, 40) ?? '-',
    region: clip(a.region, 40),
    postalCode: clip(a.postalCode, 12) ?? '-',
    country: a.country,
  };
}

/**
 * The carton's label data (the same `CartonLabel` the desktop prints), read
 * from the carton, its order, shipment and warehouse (whose address is the
 * ship-from; a warehouse without one prints its name).
 */
export async function cartonLabelData(db: Sql, cartonId: string): Promise<CartonLabel | null> {
  const [r] = await db.query<Row>(
    `SELECT c.sscc, c.weight_grams AS "weightGrams", o.order_number AS "orderNumber",
            o.ship_to AS "shipTo", coalesce(s.carrier, o.carrier) AS carrier, s.tracking_number AS "trackingNumber",
            w.name AS "warehouseName", w.address AS "warehouseAddress",
            (SELECT count(*) FROM cartons c2 WHERE c2.order_id = c.order_id AND (c2.closed_at, c2.id) <= (c.closed_at, c.id))::int8 AS "cartonNo",
            (SELECT count(*) FROM cartons c3 WHERE c3.order_id = c.order_id)::int8 AS "cartonCount"
     FROM cartons c JOIN orders o ON o.id = c.order_id JOIN warehouses w ON w.id = c.warehouse_id
     LEFT JOIN shipments s ON s.order_id = c.order_id AND c.id = ANY(s.carton_ids)
     WHERE c.id = $1`,
    [cartonId],
  );
  if (!r) return null;
  const tracking = r.trackingNumber?.replace(/[^A-Za-z0-9]/g, '');
  return CartonLabel.parse({
    sscc: r.sscc,
    shipFrom: r.warehouseAddress ? address(r.warehouseAddress) : { name: r.warehouseName.slice(0, 60), line1: r.warehouseName.slice(0, 60), city: '-', postalCode: '-', country: r.shipTo.country },
    shipTo: address(r.shipTo),
    orderNumber: r.orderNumber.slice(0, 32),
    cartonNumber: r.cartonNo,
    cartonCount: r.cartonCount,
    carrier: clip(r.carrier ?? undefined, 40),
    trackingNumber: tracking ? tracking.slice(0, 40) : undefined,
    weightGrams: r.weightGrams,
  });
}
