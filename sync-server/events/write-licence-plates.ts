import { uuidv7 } from 'uuidv7';
import type { LedgerState } from '../../shared/domain/state';
import { bulk } from '../db/bulk';
import type { Sql } from '../db/types';
import type { AppliedEvent } from './write-effects';

/**
 * Writes every licence plate a batch touched in its final state (status,
 * location, receipt), once, with a new `seq` so devices pull it again: its
 * contents (read from the ledger) may have changed even when its status did
 * not. A new plate gets its id here; the code is its identity in events.
 */
export function upsertLicencePlates(tx: Sql, applied: readonly AppliedEvent[], state: LedgerState): Promise<void> {
  const codes = new Set(applied.flatMap((a) => [...a.effects.plates.map((p) => p.code), ...a.effects.movements.flatMap((m) => (m.lpn ? [m.lpn] : []))]));
  const plates = [...codes].map((code) => state.plates.get(code)).filter((p) => p !== undefined);
  return bulk(
    tx,
    `INSERT INTO licence_plates AS lp (warehouse_id, id, code, location_id, status, receipt_id, opened_at, seq)
     SELECT "warehouseId", id, code, "locationId", status, "receiptId", "openedAt", nextval('repl_seq')
     FROM jsonb_to_recordset($1::jsonb) AS x("warehouseId" uuid, id uuid, code text, "locationId" uuid, status text,
       "receiptId" uuid, "openedAt" timestamptz)
     ON CONFLICT (code) DO UPDATE SET location_id = excluded.location_id, status = excluded.status,
       receipt_id = excluded.receipt_id, seq = excluded.seq, updated_at = now()
     WHERE lp.warehouse_id = excluded.warehouse_id`,
    plates.map(({ contents: _contents, ...header }) => ({ ...header, id: uuidv7() })),
  );
}
