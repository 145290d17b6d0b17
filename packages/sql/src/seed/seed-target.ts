import { ConfigError } from '@custcode/core';
import type { DialectName } from '../dialects/dialect-name.js';
import { dialectFor } from '../dialects/dialects.js';

/**
 * Where a seeder writes an ERP's real table layout: a demo SQLite file, a test database. Seeding is the
 * only writing custcode does, and never through a source: a SeedTarget is a plain connection the caller owns.
 */
export interface SeedTarget {
  /** The SQL the target speaks; its dialect gives the column types. */
  dialect: DialectName;
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

/** Creates a table with the ERP's exact table and column spelling (quoted, so case is kept on every backend). */
export async function createSeedTable(
  target: SeedTarget,
  table: string,
  columns: SeedColumn[],
  options: { primaryKey?: string[]; indexes?: string[][] } = {},
): Promise<void> {
  const columnType = dialectFor(target.dialect).seedColumnType;
  if (columnType === undefined) {
    throw new ConfigError({ message: `custcode does not create seed tables on ${target.dialect}.`, hint: 'Seed a database of a dialect that declares seed column types (seedColumnType).' });
  }
  const quotedTable = table.split('.').map((part) => target.quote(part)).join('.');
  const definitions = columns.map(
    (column) => `${target.quote(column.name)} ${columnType(column)}${column.notNull ? ' NOT NULL' : ''}`,
  );
  if (options.primaryKey) definitions.push(`PRIMARY KEY (${options.primaryKey.map((name) => target.quote(name)).join(', ')})`);
  await target.run(`CREATE TABLE ${quotedTable} (${definitions.join(', ')})`);
  await createSeedIndexes(target, table, options.indexes ?? []);
}

/** The plain indexes of a seed table (`createSeedTable` makes them; a bulk load makes them after its rows). */
export async function createSeedIndexes(target: SeedTarget, table: string, indexes: string[][]): Promise<void> {
  const quotedTable = table.split('.').map((part) => target.quote(part)).join('.');
  for (const [index, indexColumns] of indexes.entries()) {
    const indexName = target.quote(`ix_${table.replace(/\W/g, '_')}_${index}`);
    await target.run(`CREATE INDEX ${indexName} ON ${quotedTable} (${indexColumns.map((name) => target.quote(name)).join(', ')})`);
  }
}
