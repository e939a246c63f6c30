import type { PlateState } from '../../shared/domain/state';
import type { DeviceEvent } from '../../shared/schemas/events';
import type { Sql } from '../db/types';

/** Which plates a batch can read: named by code, open on a receipt that closes, or holding stock where an item moves from. */
export interface PlateKeys {
  codes: Set<string>;
  receiptIds: Set<string>;
  /** `${warehouseId}|${locationId}` of item put-away sources. */
  sources: Set<string>;
}

export function plateKeys(events: readonly DeviceEvent[]): PlateKeys {
  const keys: PlateKeys = { codes: new Set(), receiptIds: new Set(), sources: new Set() };
  for (const ev of events) {
    if (ev.type === 'receipt.line_scanned' && ev.payload.lpn !== undefined) keys.codes.add(ev.payload.lpn);
    else if (ev.type === 'lpn.closed' || ev.type === 'putaway.lpn_moved') keys.codes.add(ev.payload.lpn);
    else if (ev.type === 'receipt.closed') keys.receiptIds.add(ev.payload.receiptId);
    else if (ev.type === 'putaway.moved') keys.sources.add(`${ev.warehouseId}|${ev.payload.fromLocationId}`);
  }
  return keys;
}

/**
 * Loads those plates with their contents (summed from the ledger), in one
 * query. Plates are looked up by code across warehouses: a label that
 * belongs to another warehouse must be recognised as such.
 */
export async function loadLicencePlates(tx: Sql, keys: PlateKeys): Promise<PlateState[]> {
  if (keys.codes.size === 0 && keys.receiptIds.size === 0 && keys.sources.size === 0) return [];
  const sources = [...keys.sources].map((s) => s.split('|'));
  return tx.query<PlateState>(
    `SELECT code, warehouse_id AS "warehouseId", location_id AS "locationId", status, receipt_id AS "receiptId",
            opened_at AS "openedAt", licence_plate_contents(warehouse_id, code) AS contents
     FROM licence_plates lp
     WHERE code = ANY($1::text[])
        OR (status = 'open' AND receipt_id = ANY($2::uuid[]))
        OR (status IN ('open', 'closed') AND (warehouse_id, location_id) IN (SELECT * FROM unnest($3::uuid[], $4::uuid[])))`,
    [[...keys.codes], [...keys.receiptIds], sources.map((s) => s[0] ?? ''), sources.map((s) => s[1] ?? '')],
  );
}
