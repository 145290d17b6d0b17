import type { SqlDialect } from '../sql-dialect.js';
import { createSqliteExecutor } from './sqlite-executor.js';
import { SqliteQueryCompiler } from './sqlite-query-compiler.js';
import { sqliteSeed } from './sqlite-seed.js';
import { sqliteSequence } from './sqlite-sequence.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  label: 'SQLite',
  urlSchemes: ['sqlite'],
  urlForm: 'file',
  inMemoryFile: ':memory:',
  compiler: new SqliteQueryCompiler(),
  // SQLITE_MAX_VARIABLE_NUMBER is 32,766 since 3.32; the cross-dialect batch of 1,000 stays far below.
  limits: { maxParameters: 32_766, maxInList: 32_766 },
  identifiersCaseSensitive: false,
  // Declared types are affinities: an INTEGER column turns '020' into 20 when comparing, so it is numeric here too.
  numericTypes: /^(INT|INTEGER|TINYINT|SMALLINT|MEDIUMINT|BIGINT|REAL|DOUBLE|FLOAT|NUMERIC|DECIMAL)\b/i,
  createExecutor: createSqliteExecutor,
  seedColumnType: (column) => ({ text: 'TEXT', int: 'INTEGER', decimal: 'NUMERIC', datetime: 'TEXT', date: 'TEXT', bit: 'INTEGER' })[column.type],
  seed: sqliteSeed,
  sequence: sqliteSequence,
};
