import { ConfigError, type CustomerSource } from '@custcode/core';
import type { SqlConnection } from '../executor/sql-executor.js';
import type { Condition, TableMapping } from '../mapping/table-mapping.js';
import { createSqlSource, type SqlSourceOptions } from './create-sql-source.js';
import { nearestName } from './nearest-name.js';

export interface GenericSqlColumns {
  code: string;
  name: string;
  shortName?: string;
  taxId?: string;
  phone?: string;
  contact?: string;
  address?: string;
  category?: string;
  region?: string;
  createdAt?: string;
  updatedAt?: string;
  org?: string;
  /** A column of pinyin initials; `text` is then matched against it in the database. */
  mnemonic?: string;
}

export interface GenericSqlSourceOptions extends Pick<SqlSourceOptions, 'name' | 'connection' | 'password' | 'pageSize' | 'queryTimeoutMs' | 'connectTimeoutMs' | 'importDriver'> {
  connection: SqlConnection;
  /** The customer table, optionally schema-qualified (`dbo.Customer`). */
  table: string;
  columns: GenericSqlColumns;
  /** A status column and the values that mean blocked / deleted (anything else is active). */
  status?: { column: string; blocked?: Array<string | number>; deleted?: Array<string | number> };
  /** Columns exposed in `Customer.raw` (default: every configured column). */
  raw?: string[];
}

const ALIAS = 't';

/**
 * A customer table described by its column names: the in-house ERP, the CRM, the classic
 * `SELECT CustomerID, CustomerName FROM Customer`. The names are user configuration, so they are
 * checked against the database catalog before any query uses them.
 */
export function createGenericSqlSource(options: GenericSqlSourceOptions): CustomerSource {
  return createSqlSource({ ...options, mapping: genericSqlMapping(options), validateSchema: true });
}

/** The TableMapping a generic-sql configuration stands for. */
export function genericSqlMapping(options: Pick<GenericSqlSourceOptions, 'table' | 'columns' | 'status' | 'raw'>): TableMapping {
  const { table, columns, status } = options;
  if (typeof table !== 'string' || table.trim() === '' || /[\u0000-\u001f]/.test(table)) {
    throw new ConfigError({ message: 'generic-sql needs a table name.', hint: 'Set "table", e.g. "Customer" or "dbo.Customer".' });
  }
  if (!columns || typeof columns.code !== 'string' || typeof columns.name !== 'string') {
    throw new ConfigError({ message: 'generic-sql needs at least the code and name columns.', hint: 'Set "columns": { "code": "CustomerID", "name": "CustomerName" }.' });
  }
  checkKeys(columns as unknown as Record<string, unknown>);
  if (status !== undefined) checkStatus(status);
  const named = Object.entries(columns).filter((entry): entry is [string, string] => entry[1] !== undefined);
  for (const [key, column] of [...named, ...(status ? [['status.column', status.column] as [string, string]] : []), ...(options.raw ?? []).map((column) => ['raw', column] as [string, string])]) {
    checkColumnName(key, column);
  }
  const ref = (column: string) => `${ALIAS}.${column}`;
  const statusCondition = (values: Array<string | number> | undefined): Condition | undefined =>
    status && values && values.length > 0 ? { column: ref(status.column), in: values } : undefined;
  const deleted = statusCondition(status?.deleted);
  const blocked = statusCondition(status?.blocked);
  const rawColumns = options.raw ?? [...new Set([...named.map(([, column]) => column), ...(status ? [status.column] : [])])];
  return {
    erp: 'generic-sql',
    table,
    alias: ALIAS,
    code: ref(columns.code),
    fields: {
      name: ref(columns.name),
      ...Object.fromEntries(
        (['shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region'] as const)
          .filter((field) => columns[field] !== undefined)
          .map((field) => [field, ref(columns[field]!)]),
      ),
      ...(columns.createdAt ? { createdAt: ref(columns.createdAt) } : {}),
      ...(columns.updatedAt ? { updatedAt: ref(columns.updatedAt) } : {}),
    },
    ...(columns.mnemonic ? { mnemonic: ref(columns.mnemonic) } : {}),
    status: { ...(deleted ? { deleted } : {}), ...(blocked ? { blocked } : {}) },
    ...(columns.org
      ? { org: { kind: 'column' as const, column: ref(columns.org), scope: 'org' as const, withoutOrgDescription: 'every row of that code (one per org), the first org first' } }
      : {}),
    raw: rawColumns.map(ref),
  };
}

const COLUMN_KEYS = ['code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'createdAt', 'updatedAt', 'org', 'mnemonic'];

/** A misspelt key ("phon") would silently map nothing: refuse it and say what was meant. */
function checkKeys(columns: Record<string, unknown>): void {
  for (const key of Object.keys(columns)) {
    if (COLUMN_KEYS.includes(key)) continue;
    const suggestion = nearestName(key, COLUMN_KEYS);
    throw new ConfigError({
      message: `generic-sql "columns" has an unknown key "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      hint: `Keys are: ${COLUMN_KEYS.join(', ')}.`,
    });
  }
}

function checkStatus(status: NonNullable<GenericSqlSourceOptions['status']>): void {
  for (const key of ['blocked', 'deleted'] as const) {
    const values = status[key];
    if (values !== undefined && (!Array.isArray(values) || values.some((value) => typeof value !== 'string' && typeof value !== 'number'))) {
      throw new ConfigError({
        message: `generic-sql "status.${key}" must be a list of values, got ${JSON.stringify(values)}.`,
        hint: `Write e.g. "status": { "column": "State", "${key}": ["${key === 'blocked' ? 'B' : 'X'}"] }.`,
      });
    }
  }
}

function checkColumnName(key: string, column: unknown): void {
  // A dot would read as table.column; control characters are never part of a real name.
  if (typeof column !== 'string' || column === '' || column.includes('.') || /[\u0000-\u001f]/.test(column)) {
    throw new ConfigError({
      message: `generic-sql column "${key}" must be a plain column name, got ${JSON.stringify(column)}.`,
      hint: 'Give the column exactly as the database spells it, without a table prefix.',
    });
  }
}
