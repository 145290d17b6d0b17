/**
 * Where a seeder writes an ERP's real table layout: a demo SQLite file, a test database. Seeding is the
 * only writing custcode does, and never through a source: a SeedTarget is a plain connection the caller owns.
 */
export interface SeedTarget {
  backend: 'sqlite' | 'mariadb' | 'postgres' | 'mssql';
  run(sql: string, params?: unknown[]): Promise<void>;
  insert(table: string, rows: Array<Record<string, unknown>>): Promise<void>;
  quote(identifier: string): string;
}

export type SeedColumnType = 'text' | 'int' | 'decimal' | 'datetime' | 'date' | 'bit';

export interface SeedColumn {
  name: string;
  type: SeedColumnType;
  /** Characters for text columns (nvarchar(20) in U8 → 20). */
  length?: number;
  notNull?: boolean;
}

const typeSql: Record<SeedTarget['backend'], (column: SeedColumn) => string> = {
  sqlite: (column) => ({ text: 'TEXT', int: 'INTEGER', decimal: 'NUMERIC', datetime: 'TEXT', date: 'TEXT', bit: 'INTEGER' })[column.type],
  mariadb: (column) =>
    ({ text: `VARCHAR(${column.length ?? 255})`, int: 'BIGINT', decimal: 'DECIMAL(20,4)', datetime: 'DATETIME(3)', date: 'DATE', bit: 'TINYINT' })[column.type],
  postgres: (column) =>
    ({ text: `VARCHAR(${column.length ?? 255})`, int: 'BIGINT', decimal: 'NUMERIC(20,4)', datetime: 'TIMESTAMP(3)', date: 'DATE', bit: 'SMALLINT' })[column.type],
  mssql: (column) =>
    ({ text: `NVARCHAR(${column.length ?? 255})`, int: 'INT', decimal: 'DECIMAL(20,4)', datetime: 'DATETIME', date: 'DATE', bit: 'BIT' })[column.type],
};

/** Creates a table with the ERP's exact table and column spelling (quoted, so case is kept on every backend). */
export async function createSeedTable(
  target: SeedTarget,
  table: string,
  columns: SeedColumn[],
  options: { primaryKey?: string[]; indexes?: string[][] } = {},
): Promise<void> {
  const quotedTable = table.split('.').map((part) => target.quote(part)).join('.');
  const definitions = columns.map(
    (column) => `${target.quote(column.name)} ${typeSql[target.backend](column)}${column.notNull ? ' NOT NULL' : ''}`,
  );
  if (options.primaryKey) definitions.push(`PRIMARY KEY (${options.primaryKey.map((name) => target.quote(name)).join(', ')})`);
  await target.run(`CREATE TABLE ${quotedTable} (${definitions.join(', ')})`);
  for (const [index, indexColumns] of (options.indexes ?? []).entries()) {
    const indexName = target.quote(`ix_${table.replace(/\W/g, '_')}_${index}`);
    await target.run(`CREATE INDEX ${indexName} ON ${quotedTable} (${indexColumns.map((name) => target.quote(name)).join(', ')})`);
  }
}
