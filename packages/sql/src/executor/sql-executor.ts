import type { DialectName } from '../dialects/dialect-name.js';

export type SqlRow = Record<string, unknown>;

/** A result read as arrays: one array of cells per row, in the order of `columns`. */
export interface SqlArrayRows {
  columns: string[];
  rows: unknown[][];
}

/**
 * Runs compiled SELECTs on one database. Every statement passes `assertReadOnly` first; driver
 * errors arrive as typed custcode errors with secrets redacted.
 */
export interface SqlExecutor {
  readonly dialect: DialectName;
  query(sql: string, params?: unknown[]): Promise<SqlRow[]>;
  /** The same statement with rows as arrays: no object per row (natively where the driver reads that way). */
  queryArrays(sql: string, params?: unknown[]): Promise<SqlArrayRows>;
  /**
   * One long SELECT read as it arrives, in pages of up to `pageSize` rows, the server held back while
   * pages wait unread. Stopping early ends the statement. Only where the driver streams.
   */
  streamArrays?(sql: string, params: unknown[], pageSize: number): AsyncGenerator<SqlArrayRows>;
  /** How many streams may run at once, so that lookups always find a pooled connection (with `streamArrays`). */
  readonly maxStreams?: number;
  /** The table's column names as the database spells them; [] when there is no such table. */
  listColumns(table: string): Promise<string[]>;
  /** The same, with each column's declared type as the catalog spells it (`int`, `NUMBER`, `character varying`) and nullability. */
  describeColumns(table: string): Promise<Array<{ name: string; type: string; nullable: boolean }>>;
  /** Tables and views of a schema (default: the connection's own), for "did you mean" messages. */
  listTables(schema?: string): Promise<string[]>;
  /** Closes what the executor opened (a client passed in by the caller is left open). */
  close(): Promise<void>;
}

/** A URL (`mysql://…`, `sqlite:PATH`) or a pool/client/connection the caller already has. */
export type SqlConnection = string | { dialect: DialectName; client: unknown };

export interface ExecutorOptions {
  /** Password kept out of the URL (e.g. from an environment variable). */
  password?: string;
  /** Per-statement limit; an overrun is a retryable ConnectionError with reason `timeout`. */
  queryTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Replaces the lazy `import()` of the driver package (tests, bundlers). */
  importDriver?: () => Promise<unknown>;
}
