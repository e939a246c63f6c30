import { uuidv7 } from 'uuidv7';
import { planWaves, type WaveOrder } from '../../shared/domain/orders/waves';
import { bulk } from '../db/bulk';
import type { Sql } from '../db/types';
import { recordTransitions } from './history';
import { refreshOrderStatus } from './order-status';

export interface CreatedWave {
  id: string;
  number: string;
  carrier: string;
  cutoff: string;
  zone: string;
  orders: number;
  tasks: number;
}

/**
 * Plans waves from the warehouse's allocated, not-yet-waved reservations and
 * releases their path-ordered pick tasks to the floor (replicated to the
 * warehouse's devices as `pick_tasks`). Runs inside a write transaction.
 */
export async function releaseWaves(tx: Sql, warehouseId: string, at: string, userId: string, maxOrdersPerWave = 40): Promise<CreatedWave[]> {
  const rows = await tx.query<{ orderId: string; orderNumber: string; shipToName: string; carrier: string; cutoff: string; id: string; lineNo: number; itemId: string; locationId: string; zone: string; pathSeq: number; lot: string | null; qty: number }>(
    `SELECT r.order_id AS "orderId", o.order_number AS "orderNumber", coalesce(o.ship_to->>'name', '') AS "shipToName",
            coalesce(o.carrier, 'UNASSIGNED') AS carrier, o.cutoff, r.id, r.line_no AS "lineNo",
            r.item_id AS "itemId", r.location_id AS "locationId", loc.zone, loc.path_seq AS "pathSeq", r.lot, r.qty
     FROM reservations r JOIN orders o ON o.id = r.order_id
     JOIN locations loc ON loc.warehouse_id = r.warehouse_id AND loc.id = r.location_id
     WHERE r.warehouse_id = $1 AND r.status = 'open' AND o.status IN ('allocated', 'picking')
     ORDER BY o.placed_at, r.order_id, r.line_no`,
    [warehouseId],
  );
  const byOrder = new Map<string, WaveOrder & { reservations: WaveOrder['reservations'][number][] }>();
  // The order number and ship-to name travel on the replicated rows, so a device never needs the order itself.
  const named = new Map(rows.map((r) => [r.orderId, { orderNumber: r.orderNumber, shipToName: r.shipToName }]));
  const numberOf = (orderId: string) => named.get(orderId) ?? { orderNumber: '', shipToName: '' };
  for (const r of rows) {
    const o = byOrder.get(r.orderId) ?? { orderId: r.orderId, cutoff: r.cutoff, carrier: r.carrier, reservations: [] };
    o.reservations.push({ ref: r.id, lineNo: r.lineNo, itemId: r.itemId, locationId: r.locationId, zone: r.zone, pathSeq: r.pathSeq, lot: r.lot, qty: r.qty });
    byOrder.set(r.orderId, o);
  }
  const plans = planWaves([...byOrder.values()], maxOrdersPerWave);
  if (plans.length === 0) return [];

  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM waves WHERE warehouse_id = $1`, [warehouseId]);
  const waves = plans.map((p, i) => ({ ...p, id: uuidv7(), number: `W${String(n + i + 1).padStart(5, '0')}` }));
  await bulk(
    tx,
    `INSERT INTO waves (warehouse_id, id, number, carrier, cutoff, zone, status, order_ids, order_numbers, seq)
     SELECT $2::uuid, id, number, carrier, cutoff, zone, 'released', ARRAY(SELECT jsonb_array_elements_text(x."orderIds"))::uuid[],
            ARRAY(SELECT jsonb_array_elements_text(x."orderNumbers")), nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, number text, carrier text, cutoff timestamptz, zone text, "orderIds" jsonb, "orderNumbers" jsonb)`,
    waves.map((w) => ({
      id: w.id,
      number: w.number,
      carrier: w.carrier,
      cutoff: w.cutoff,
      zone: w.zone,
      orderIds: w.orderIds,
      orderNumbers: w.orderIds.map((id) => numberOf(id).orderNumber),
    })),
    [warehouseId],
  );
  const tasks = waves.flatMap((w) => w.tasks.map((t) => ({ ...t, ...numberOf(t.orderId), id: uuidv7(), waveId: w.id, reservationId: t.ref })));
  await bulk(
    tx,
    `INSERT INTO pick_tasks (warehouse_id, id, wave_id, order_id, order_number, ship_to_name, line_no, reservation_id, item_id, location_id, lot, qty,
       path_seq, sequence, status, seq)
     SELECT $2::uuid, id, "waveId", "orderId", "orderNumber", "shipToName", "lineNo", "reservationId", "itemId", "locationId", lot, qty,
       "pathSeq", sequence, 'open', nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "waveId" uuid, "orderId" uuid, "orderNumber" text, "shipToName" text, "lineNo" int,
       "reservationId" uuid, "itemId" uuid, "locationId" uuid, lot text, qty int, "pathSeq" int, sequence int)`,
    tasks,
    [warehouseId],
  );
  await tx.query(`UPDATE reservations SET status = 'waved' WHERE warehouse_id = $1 AND id = ANY($2::uuid[])`, [warehouseId, tasks.map((t) => t.reservationId)]);
  const orderIds = [...new Set(waves.flatMap((w) => w.orderIds))];
  const statuses = await tx.query<{ id: string }>(`SELECT id FROM orders WHERE id = ANY($1::uuid[]) AND status = 'allocated'`, [orderIds]);
  await recordTransitions(tx, statuses.map((s) => ({ orderId: s.id, from: 'allocated' as const, to: 'picking' as const, reason: 'waved' })), at, userId);
  await refreshOrderStatus(tx, orderIds);
  return waves.map((w) => ({ id: w.id, number: w.number, carrier: w.carrier, cutoff: w.cutoff, zone: w.zone, orders: w.orderIds.length, tasks: w.tasks.length }));
}
