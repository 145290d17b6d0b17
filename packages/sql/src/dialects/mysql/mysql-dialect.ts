import type { SqlDialect } from '../sql-dialect.js';
import { createMysqlExecutor } from './mysql-executor.js';
import { MysqlQueryCompiler } from './mysql-query-compiler.js';

export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  compiler: new MysqlQueryCompiler(),
  // The protocol counts prepared-statement parameters in 16 bits.
  limits: { maxParameters: 65_535, maxInList: 65_535 },
  identifiersCaseSensitive: false,
  numericTypes: /^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real)\b/i,
  createExecutor: createMysqlExecutor,
};
