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
  readonly dialect: 'mysql' | 'postgres' | 'sqlite';
  /** `?` for MySQL and SQLite, `$n` for PostgreSQL. */
  placeholder(index: number): string;
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

/** Deadlocks and serialization failures are retried; everything else is not. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown; errno?: unknown }).code;
  const errno = (error as { errno?: unknown }).errno;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1213 || code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}
