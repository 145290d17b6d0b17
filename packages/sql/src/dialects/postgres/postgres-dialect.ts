import type { SqlDialect } from '../sql-dialect.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { PostgresQueryCompiler } from './postgres-query-compiler.js';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  compiler: new PostgresQueryCompiler(),
  // The wire protocol counts parameters in 16 bits.
  limits: { maxParameters: 65_535, maxInList: 65_535 },
  identifiersCaseSensitive: true,
  numericTypes: /^(smallint|integer|bigint|numeric|real|double precision|money)$/i,
  createExecutor: createPostgresExecutor,
};
