import { ConfigError, type CustomerFilter, type Cursor } from '@custcode/core';
import type { QueryField } from '@custcode/core/adapter';
import type { DialectName } from '../dialects/dialect-name.js';
import { queryCompilerFor } from '../dialects/query-compilers.js';
import type { TableMapping } from '../mapping/table-mapping.js';
import { compileCondition } from './compile-condition.js';
import { compileFilter, orgCondition } from './compile-filter.js';
import { compileFrom, compileSelectList, orgOrderColumn } from './compile-select.js';
import { type CompiledQuery, SqlBuilder } from './sql-builder.js';

export interface CompileOptions {
  /**
   * Mapped columns the database declares numeric (generic-sql learns them from the catalog): LIKE
   * casts them to text, and user values that are not numbers are never compared with them.
   */
  numericColumns?: Iterable<string>;
  /**
   * Mapped columns that may hold NULL. Only the org column matters: its NULLs are then ordered first
   * on every engine (`NULLS FIRST` on PostgreSQL and Oracle) and the keyset continues after them.
   * Without it an org column is taken as NOT NULL, as ERP org keys are.
   */
  nullableColumns?: Iterable<string>;
}

/** The query shapes a SQL source runs. */
export type CustomerQueryShape =
  /** Up to `limit` rows (all without one: a scan) matching `filter`, ordered by (code, org), strictly after `after`. */
  | { shape: 'page'; filter?: CustomerFilter; after?: Cursor; limit?: number; fields?: readonly QueryField[] }
  /** Rows whose stored code is one of `codes`, in `org` (or the OrgSpec's `withoutOrg` rows). */
  | { shape: 'lookup'; codes: string[]; org?: string }
  | { shape: 'count'; filter?: CustomerFilter };

/**
 * Compiles one query shape of a mapping for a dialect. Exported for golden tests: adapters check
 * the exact T-SQL / Oracle text of their mappings with it.
 */
export function compileCustomerQuery(
  mapping: TableMapping,
  dialect: DialectName,
  query: CustomerQueryShape,
  options: CompileOptions = {},
): CompiledQuery {
  const sql = new SqlBuilder(queryCompilerFor(dialect), new Set(options.numericColumns ?? []), new Set(options.nullableColumns ?? []), new Set(mapping.numericColumns ?? []));
  if (query.shape === 'count') {
    const from = compileFrom(mapping, sql);
    const where = compileFilter(mapping, query.filter ?? {}, sql);
    return { sql: `SELECT COUNT(*) AS ${sql.compiler.quoteIdentifier('cc_count')} FROM ${from}${whereClause(where)}`, params: sql.params };
  }
  if (query.shape === 'lookup') {
    if (query.codes.length === 0) throw new ConfigError({ message: 'A lookup needs at least one code.' });
    const select = compileSelectList(mapping, sql);
    const from = compileFrom(mapping, sql);
    const where: string[] = [];
    if (mapping.where) where.push(compileCondition(mapping.where, sql));
    const codes = query.codes.filter((code) => sql.comparable(mapping.code, code));
    where.push(codes.length === 0 ? '1 = 0' : `${sql.column(mapping.code)} IN (${codes.map((code) => sql.bind(code)).join(', ')})`);
    const org = orgCondition(mapping.org, query.org, sql, true);
    if (org !== undefined) where.push(org);
    return { sql: `SELECT ${select} FROM ${from}${whereClause(where)} ORDER BY ${orderBy(mapping, sql)}`, params: sql.params };
  }
  const limit = query.limit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new ConfigError({ message: `Page size must be a positive integer, got ${String(limit)}.` });
  }
  const rows = limit === undefined ? { afterSelect: '', afterOrderBy: '' } : sql.compiler.firstRows(limit);
  const select = compileSelectList(mapping, sql, query.fields);
  const from = compileFrom(mapping, sql);
  const where = compileFilter(mapping, query.filter ?? {}, sql);
  if (query.after) where.push(keysetCondition(mapping, query.after, sql));
  return {
    sql: `SELECT ${rows.afterSelect}${select} FROM ${from}${whereClause(where)} ORDER BY ${orderBy(mapping, sql)}${rows.afterOrderBy}`,
    params: sql.params,
  };
}

function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}

/** (code, org); a nullable org column puts NULL first on every engine, as core orders an absent org. */
function orderBy(mapping: TableMapping, sql: SqlBuilder): string {
  const code = sql.column(mapping.code);
  const org = orgOrderColumn(mapping.org);
  if (!org) return code;
  const nullsFirst = sql.isNullable(org) && !sql.compiler.nullsSortFirst ? ' NULLS FIRST' : '';
  return `${code}, ${sql.column(org)}${nullsFirst}`;
}

/**
 * Strictly after the cursor in (code, org) order. A cursor without an org is a plain code ("after
 * this code"), or the last row had a NULL org: that only happens with a nullable org column, whose
 * NULLs are ordered first (see orderBy), so the same code's rows with an org still follow it.
 */
function keysetCondition(mapping: TableMapping, after: Cursor, sql: SqlBuilder): string {
  const code = sql.column(mapping.code);
  const org = orgOrderColumn(mapping.org);
  // A cursor that is not a number cannot be placed among numeric codes (only a hand-made `after` is).
  if (!sql.comparable(mapping.code, after.code)) return '1 = 0';
  if (org && after.org === undefined && sql.isNullable(org)) {
    return `(${code} > ${sql.bind(after.code)} OR (${code} = ${sql.bind(after.code)} AND ${sql.column(org)} IS NOT NULL))`;
  }
  if (!org || after.org === undefined || !sql.comparable(org, after.org)) return `${code} > ${sql.bind(after.code)}`;
  return `(${code} > ${sql.bind(after.code)} OR (${code} = ${sql.bind(after.code)} AND ${sql.column(org)} > ${sql.bind(after.org)}))`;
}
