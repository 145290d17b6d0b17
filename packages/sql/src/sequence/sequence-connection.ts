import type { ConnectionUrl } from '../dialects/connection-url.js';
import type { DialectName } from '../dialects/dialect-name.js';

/** A row of the sequence table as read back from any driver (BIGINT may arrive as a string). */
export interface SequenceRow {
  next_value: number | string;
  holds: string;
}

export interface LockedStatement {
  sql: string;
  params: unknown[];
}

export type SequenceQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The store's own write connection to its own table. Never the read-only ERP executor: custcode only
 * ever writes here, to the counter table it created.
 */
export interface SequenceConnection {
  /** Whose `sequence` engine writes the statements this connection runs. */
  readonly dialect: DialectName;
  /** One statement in autocommit mode. */
  query: SequenceQuery;
  /**
   * In one transaction: runs `select` (which locks the row), hands the row to `apply` (synchronous: on
   * SQLite the whole transaction runs without yielding), runs `update` with the parameters `apply`
   * returns, if any, and commits.
   */
  lockedUpdate<T>(select: LockedStatement, update: string, apply: (row: SequenceRow | undefined) => { params?: unknown[]; result: T }): Promise<T>;
  /** Runs one atomic increment statement; returns the new `next_value`, or undefined when no row was changed. */
  increment(sql: string, params: unknown[]): Promise<number | undefined>;
  close(): Promise<void>;
}

/**
 * What an engine contributes to the SQL sequence store: its write connection (with its own pool settings)
 * and the few statement parts that differ between engines. The store writes the rest once for all.
 */
export interface SequenceEngine {
  connect(url: ConnectionUrl, password: string | undefined): Promise<SequenceConnection>;
  /** The n-th (1-based) bound parameter. */
  placeholder(index: number): string;
  /** A column type for the holds JSON that takes any length. */
  readonly longText: string;
  /** An INSERT of four values into `target` (`table (columns)`) that leaves an existing row alone. */
  insertIfAbsent(target: string): string;
  /** Appended to the SELECT of a locked update: ` FOR UPDATE`, or '' where the transaction itself locks. */
  readonly rowLock: string;
  /** The SET expression of the atomic increment, `next_value + step` in a form `increment` can read back. */
  incremented(step: string): string;
  /** Appended to the increment UPDATE to return the new value ('' where the driver reports it otherwise). */
  readonly returningNextValue: string;
  /** Deadlocks and serialization failures, retried; everything else is not. */
  isRetryableConflict(error: unknown): boolean;
  /** Two stores created the table at the same moment and this one lost: the table exists. */
  isConcurrentCreate(error: unknown): boolean;
}
