import { ConfigError } from '@custcode/core';
import { parseConnectionUrl } from '../dialects/connection-url.js';
import { DIALECT_NAMES, isDialectName } from '../dialects/dialect-name.js';
import { dialectFor } from '../dialects/dialects.js';
import type { ExecutorOptions, SqlConnection, SqlExecutor } from './sql-executor.js';

/**
 * An executor for a connection URL or for a client the caller already has
 * (`{ dialect: 'mysql', client: pool }`). Nothing connects until the first query.
 */
export function createExecutor(connection: SqlConnection, options: ExecutorOptions = {}): SqlExecutor {
  if (typeof connection === 'string') {
    const url = parseConnectionUrl(connection);
    return dialectFor(url.dialect).createExecutor({ url }, options);
  }
  if (!connection || !isDialectName(connection.dialect) || connection.client === undefined || connection.client === null) {
    throw new ConfigError({
      message: 'A SQL connection must be a URL or { dialect, client }.',
      hint: `Pass a URL such as mysql://user@host/db, or { dialect, client: pool } with dialect one of ${DIALECT_NAMES.join(', ')}.`,
    });
  }
  return dialectFor(connection.dialect).createExecutor({ client: connection.client }, options);
}
