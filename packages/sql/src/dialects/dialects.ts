import { DIALECT_NAMES, type DialectName } from './dialect-name.js';
import { mssqlDialect } from './mssql/mssql-dialect.js';
import { mysqlDialect } from './mysql/mysql-dialect.js';
import { oracleDialect } from './oracle/oracle-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import type { SqlDialect } from './sql-dialect.js';
import { sqliteDialect } from './sqlite/sqlite-dialect.js';

const DIALECTS: Record<DialectName, SqlDialect> = {
  mssql: mssqlDialect,
  oracle: oracleDialect,
  mysql: mysqlDialect,
  postgres: postgresDialect,
  sqlite: sqliteDialect,
};

export function dialectFor(name: DialectName): SqlDialect {
  return DIALECTS[name];
}

/** Every dialect, in `DIALECT_NAMES` order. */
export function allDialects(): SqlDialect[] {
  return DIALECT_NAMES.map(dialectFor);
}
