import type { SqlDialect } from '../sql-dialect.js';
import { createPostgresExecutor } from './postgres-executor.js';
import { PostgresQueryCompiler } from './postgres-query-compiler.js';
import { postgresSeed } from './postgres-seed.js';
import { postgresSequence } from './postgres-sequence.js';

// The wire protocol counts parameters in 16 bits.
const limits = { maxParameters: 65_535, maxInList: 65_535 };

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  label: 'PostgreSQL',
  urlSchemes: ['postgres', 'postgresql'],
  urlForm: 'server',
  compiler: new PostgresQueryCompiler(),
  limits,
  identifiersCaseSensitive: true,
  numericTypes: /^(smallint|integer|bigint|numeric|real|double precision|money)$/i,
  createExecutor: createPostgresExecutor,
  seedColumnType: (column) =>
    ({ text: `VARCHAR(${column.length ?? 255})`, int: 'BIGINT', decimal: 'NUMERIC(20,4)', datetime: 'TIMESTAMP(3)', date: 'DATE', bit: 'SMALLINT' })[column.type],
  seed: postgresSeed(limits.maxParameters),
  sequence: postgresSequence,
};
