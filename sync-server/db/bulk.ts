import type { Sql, SqlParam } from './types';

/**
 * Set-based writes: one statement per table per batch, rows passed as a
 * single jsonb parameter and expanded with jsonb_to_recordset. The same SQL
 * runs on PGlite and PostgreSQL and costs one round trip however many rows.
 */
export async function bulk(tx: Sql, sql: string, rows: readonly object[], extra: readonly SqlParam[] = []): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(sql, [JSON.stringify(rows), ...extra]);
}


/** One target column: its name, the SQL type `jsonb_to_recordset` reads it as, and where its value comes from. */
export interface Column<R> {
  readonly name: string;
  readonly type: string;
  readonly value: (row: R) => unknown;
}

export const col = <R>(name: string, type: string, value: (row: R) => unknown): Column<R> => ({ name, type, value });

export interface BulkTable<R> {
  readonly table: string;
  readonly columns: readonly Column<R>[];
  /** Replicated tables get `seq = nextval('repl_seq')` per row. */
  readonly replicated: boolean;
}

/** Rows per statement: one JSON parameter of a few hundred KB to a couple of MB. */
export const CHUNK_ROWS = 4000;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The INSERT for `spec`; rows arrive as one jsonb array parameter ($1). */
export function bulkInsertSql<R>(spec: BulkTable<R>): string {
  for (const name of [spec.table, ...spec.columns.map((c) => c.name)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulk insert: bad identifier ${name}`);
  }
  const names = spec.columns.map((c) => c.name);
  const target = spec.replicated ? [...names, 'seq'] : names;
  const select = spec.replicated ? [...names.map((n) => `x.${n}`), `nextval('repl_seq')`] : names.map((n) => `x.${n}`);
  const record = spec.columns.map((c) => `${c.name} ${c.type}`).join(', ');
  return (
    `INSERT INTO ${spec.table} (${target.join(', ')}) ` +
    `SELECT ${select.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${record})`
  );
}

/**
 * Inserts `rows` with one statement per chunk: the chunk goes over as a
 * single JSON parameter and PostgreSQL unpacks it with jsonb_to_recordset,
 * which is far faster than a statement (or a parameter list) per row and
 * behaves the same on PGlite and PostgreSQL. A function scan yields the
 * array in order, so `seq` follows the order of `rows`.
 */
export async function bulkInsert<R>(tx: Sql, spec: BulkTable<R>, rows: readonly R[], chunkRows = CHUNK_ROWS): Promise<number> {
  const sql = bulkInsertSql(spec);
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows).map((row) => {
      const record: Record<string, unknown> = {};
      for (const c of spec.columns) record[c.name] = c.value(row);
      return record;
    });
    await tx.query(sql, [JSON.stringify(chunk)]);
  }
  return rows.length;
}
