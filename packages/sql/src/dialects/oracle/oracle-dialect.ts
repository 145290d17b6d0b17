import type { SqlDialect } from '../sql-dialect.js';
import { createOracleExecutor } from './oracle-executor.js';
import { OracleQueryCompiler } from './oracle-query-compiler.js';

export const oracleDialect: SqlDialect = {
  name: 'oracle',
  label: 'Oracle',
  urlSchemes: ['oracle'],
  urlForm: 'server',
  compiler: new OracleQueryCompiler(),
  // ORA-01795: at most 1,000 expressions in a list.
  limits: { maxParameters: 65_535, maxInList: 1_000 },
  identifiersCaseSensitive: true,
  numericTypes: /^(NUMBER|FLOAT|BINARY_FLOAT|BINARY_DOUBLE|INTEGER)$/i,
  createExecutor: createOracleExecutor,
};
