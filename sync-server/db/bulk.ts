import type { Sql } from './types';

/**
 * Set-based writes: one statement per table per batch, rows passed as a
 * single jsonb parameter and expanded with jsonb_to_recordset. The same SQL
 * runs on PGlite and PostgreSQL and costs one round trip however many rows.
 */
export async function bulk(tx: Sql, sql: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(sql, [JSON.stringify(rows)]);
}
