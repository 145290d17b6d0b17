import type { SqlDialect } from '../sql-dialect.js';
import { createMysqlExecutor } from './mysql-executor.js';
import { MysqlQueryCompiler } from './mysql-query-compiler.js';
import { mysqlSeed } from './mysql-seed.js';
import { mysqlSequence } from './mysql-sequence.js';

export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  label: 'MariaDB/MySQL',
  urlSchemes: ['mysql', 'mariadb'],
  urlForm: 'server',
  compiler: new MysqlQueryCompiler(),
  // The protocol counts prepared-statement parameters in 16 bits.
  limits: { maxParameters: 65_535, maxInList: 65_535 },
  identifiersCaseSensitive: false,
  numericTypes: /^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real)\b/i,
  createExecutor: createMysqlExecutor,
  seedColumnType: (column) =>
    ({ text: `VARCHAR(${column.length ?? 255})`, int: 'BIGINT', decimal: 'DECIMAL(20,4)', datetime: 'DATETIME(3)', date: 'DATE', bit: 'TINYINT' })[column.type],
  seed: mysqlSeed,
  sequence: mysqlSequence,
};
