import type { SqlDialect } from '../sql-dialect.js';
import { createMssqlExecutor } from './mssql-executor.js';
import { MssqlQueryCompiler } from './mssql-query-compiler.js';

export const mssqlDialect: SqlDialect = {
  name: 'mssql',
  label: 'SQL Server',
  urlSchemes: ['mssql', 'sqlserver'],
  urlForm: 'server',
  compiler: new MssqlQueryCompiler(),
  // 2,100 parameters per request, minus the two sp_executesql itself uses.
  limits: { maxParameters: 2_098, maxInList: 2_098 },
  identifiersCaseSensitive: false,
  numericTypes: /^(tinyint|smallint|int|bigint|decimal|numeric|float|real|money|smallmoney|bit)$/i,
  createExecutor: createMssqlExecutor,
  seedColumnType: (column) =>
    ({ text: `NVARCHAR(${column.length ?? 255})`, int: 'INT', decimal: 'DECIMAL(20,4)', datetime: 'DATETIME', date: 'DATE', bit: 'BIT' })[column.type],
};
