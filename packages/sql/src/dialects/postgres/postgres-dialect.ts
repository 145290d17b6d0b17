import type { SqlDialect } from '../sql-dialect.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { PostgresQueryCompiler } from './postgres-query-compiler.js';
import { postgresSequence } from './postgres-sequence.js';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  label: 'PostgreSQL',
  urlSchemes: ['postgres', 'postgresql'],
  urlForm: 'server',
  compiler: new PostgresQueryCompiler(),
  // The wire protocol counts parameters in 16 bits.
  limits: { maxParameters: 65_535, maxInList: 65_535 },
  identifiersCaseSensitive: true,
  numericTypes: /^(smallint|integer|bigint|numeric|real|double precision|money)$/i,
  createExecutor: createPostgresExecutor,
  seedColumnType: (column) =>
    ({ text: `VARCHAR(${column.length ?? 255})`, int: 'BIGINT', decimal: 'NUMERIC(20,4)', datetime: 'TIMESTAMP(3)', date: 'DATE', bit: 'SMALLINT' })[column.type],
  sequence: postgresSequence,
};
