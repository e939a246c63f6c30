/** Minimal SQL surface the server needs; implemented over PGlite and node-postgres alike. */
export type SqlParam = string | number | boolean | null | readonly string[] | readonly number[] | Date;

export interface Sql {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db extends Sql {
  readonly kind: DatabaseKind;
  /** A plain transaction. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * A transaction that writes replicated documents. It takes one
   * transaction-level advisory lock first, so replication sequence numbers
   * are handed out in commit order and a pull can never skip a row that
   * commits late (DESIGN section 6).
   */
  writeTransaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Calls `onChange` after any instance commits a replicated write. */
  onCommit(onChange: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/** Advisory lock key for the replication write path ("dockscan" in ASCII, folded). */
export const REPLICATION_LOCK_KEY = 0x646f636b;
export const CHANGE_CHANNEL = 'dockscan_changes';

/** ISO-8601 UTC from PostgreSQL's timestamptz text (sessions run in UTC). */
export function parseTimestamptz(text: string): string {
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
}
