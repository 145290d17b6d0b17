import type { DialectName } from '../dialects/dialect-name.js';
import type { SqlConnection } from './sql-executor.js';

/** A URL, or a client whose dialect may be left to the product's usual database (U8 → mssql, EBS → oracle). */
export type SqlSourceConnection = string | { dialect?: DialectName; client: unknown };

/**
 * Fills in the dialect of a `{ client }` connection given without one. Anything else passes through
 * unchanged, so createExecutor still rejects a malformed connection with its own message.
 */
export function connectionWithDefaultDialect(connection: SqlSourceConnection, defaultDialect: DialectName | undefined): SqlConnection {
  if (typeof connection === 'string' || connection === null || typeof connection !== 'object' || defaultDialect === undefined) {
    return connection as SqlConnection;
  }
  return { dialect: connection.dialect ?? defaultDialect, client: connection.client };
}
