import { ConfigError, type CustomerFilter, type Cursor } from '@custcode/core';
import type { QueryField } from '@custcode/core/adapter';
import { tieDirection, valueKeys } from '@custcode/core/adapter';
import type { RankTierHint, ReaderSortKey, SortField } from '@custcode/core/adapter';
import type { DialectName } from '../dialects/dialect-name.js';
import { queryCompilerFor } from '../dialects/query-compilers.js';
import type { TableMapping } from '../mapping/table-mapping.js';
import { compileCondition } from './compile-condition.js';
import { compileFilter, orgCondition, rankTierCondition } from './compile-filter.js';
import { compileFrom, compileSelectList, orgOrderColumn, statusExpression } from './compile-select.js';
import { compileValue, fieldValue, isColumnValue } from './compile-value.js';
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
  | { shape: 'page'; filter?: CustomerFilter; after?: Cursor; limit?: number; fields?: readonly QueryField[]; sort?: readonly ReaderSortKey[]; rankTier?: RankTierHint }
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
    const unused = unusedJoins(mapping, sql, where.join(' '));
    if (unused) return compileCustomerQuery({ ...mapping, joins: unused }, dialect, query, options);
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
  if (query.rankTier) where.push(rankTierCondition(mapping, query.rankTier, sql));
  const sort = query.sort !== undefined && query.sort.length > 0 ? query.sort : undefined;
  if (query.after) where.push(sort ? sortedKeysetCondition(mapping, sort, query.after, sql) : keysetCondition(mapping, query.after, sql));
  const order = sort ? sortedOrderBy(mapping, sort, sql) : orderBy(mapping, sql);
  // Compiled again without the joins it does not read: parameters are bound in text order, so the
  // statement is rebuilt rather than a join cut out of it.
  const unused = unusedJoins(mapping, sql, `${select} ${where.join(' ')} ${order}`);
  if (unused) return compileCustomerQuery({ ...mapping, joins: unused }, dialect, query, options);
  return {
    sql: `SELECT ${rows.afterSelect}${select} FROM ${from}${whereClause(where)} ORDER BY ${order}${rows.afterOrderBy}`,
    params: sql.params,
  };
}

/**
 * The joins to keep when some `toOne` left joins are read by nothing (`statement`: the compiled select list,
 * conditions and order; other joins' ON clauses count too), or undefined when every join is needed.
 */
function unusedJoins(mapping: TableMapping, sql: SqlBuilder, statement: string): TableMapping['joins'] | undefined {
  const joins = mapping.joins ?? [];
  const read = (alias: string, except: number) =>
    statement.includes(`${sql.compiler.quoteIdentifier(alias)}.`) || joins.some((join, index) => index !== except && JSON.stringify([join.on, join.where ?? null]).includes(`"${alias}.`));
  const kept = joins.filter((join, index) => !(join.toOne === true && join.kind === 'left' && !read(join.alias, index)));
  return kept.length === joins.length ? undefined : kept;
}

/** Fields a mapping can sort by: code, status, the org column, and the text fields it maps. */
export function sortableFields(mapping: TableMapping): SortField[] {
  const fields: SortField[] = ['code', 'name', 'status'];
  for (const field of ['shortName', 'category', 'region', 'phone'] as const) if (mapping.fields[field] !== undefined) fields.push(field);
  if (orgOrderColumn(mapping.org)) fields.push('org');
  return fields;
}

/**
 * A sort key's value as compared and ordered: the field's text with trailing spaces trimmed (as records
 * show it), NULL when absent or blank, so that all blank rows tie and the (code, org) tie-break orders them.
 * Numeric columns are compared as text, like the records' values.
 */
function sortValueExpression(mapping: TableMapping, field: SortField, sql: SqlBuilder): string {
  let expression: string;
  if (field === 'status') return statusExpression(mapping, sql);
  if (field === 'org') {
    const column = orgOrderColumn(mapping.org);
    if (!column) throw new ConfigError({ message: 'This mapping has no org column to sort by.' });
    expression = sql.textColumn(column);
  } else {
    const spec = mapping.fields[field as 'name'];
    if (spec === undefined || field === 'code') throw new ConfigError({ message: `This mapping cannot sort by "${field}".` });
    const value = fieldValue(spec);
    expression = isColumnValue(value) ? sql.textColumn(value) : compileValue(value, sql);
  }
  return `CASE WHEN ${sql.compiler.isNotBlank(expression)} THEN RTRIM(${expression}) END`;
}

/** The sort keys (absent values last in either direction), then (code, org) in the tie-break's direction. */
function sortedOrderBy(mapping: TableMapping, sort: readonly ReaderSortKey[], sql: SqlBuilder): string {
  const items: string[] = [];
  for (const key of valueKeys(sort)) {
    // Compiled once per use: an expression with bound constants (status flags) binds them where it appears.
    items.push(`CASE WHEN ${sortValueExpression(mapping, key.field, sql)} IS NULL THEN 1 ELSE 0 END`);
    items.push(`${sortValueExpression(mapping, key.field, sql)}${key.direction === 'desc' ? ' DESC' : ''}`);
  }
  if (tieDirection(sort) === 'asc') return [...items, orderBy(mapping, sql)].join(', ');
  const code = sql.column(mapping.code);
  const org = orgOrderColumn(mapping.org);
  // Descending, an absent org comes last (it is first ascending): NULLS LAST where DESC would put it first.
  const nullsLast = org && sql.isNullable(org) && !sql.compiler.nullsSortFirst ? ' NULLS LAST' : '';
  return [...items, `${code} DESC`, ...(org ? [`${sql.column(org)} DESC${nullsLast}`] : [])].join(', ');
}

/**
 * Strictly after the cursor in the sorted order: for each sort key, a row is after when its value is
 * absent (absent come last) while the cursor's is present, or beyond the cursor's value, or equal and
 * after on the following keys; the last key is (code, org).
 */
function sortedKeysetCondition(mapping: TableMapping, sort: readonly ReaderSortKey[], after: Cursor, sql: SqlBuilder): string {
  const keys = valueKeys(sort);
  // Built strictly left to right: positional placeholders bind in the order they appear in the text.
  const from = (index: number): string => {
    if (index === keys.length) return tieDirection(sort) === 'asc' ? keysetCondition(mapping, after, sql) : descendingKeysetCondition(mapping, after, sql);
    const key = keys[index]!;
    const value = () => sortValueExpression(mapping, key.field, sql);
    const wanted = after.values?.[index] ?? null;
    if (wanted === null) return `(${value()} IS NULL AND ${from(index + 1)})`;
    const operator = key.direction === 'desc' ? '<' : '>';
    return `(${value()} IS NULL OR ${value()} ${operator} ${sql.bind(wanted)} OR (${value()} = ${sql.bind(wanted)} AND ${from(index + 1)}))`;
  };
  return from(0);
}

/** Strictly after the cursor in (code DESC, org DESC) order, an absent org last within its code. */
function descendingKeysetCondition(mapping: TableMapping, after: Cursor, sql: SqlBuilder): string {
  const code = sql.column(mapping.code);
  const org = orgOrderColumn(mapping.org);
  if (!sql.comparable(mapping.code, after.code)) return '1 = 0';
  // The cursor row had no org: it was the last row of its code.
  if (!org || after.org === undefined) return `${code} < ${sql.bind(after.code)}`;
  if (!sql.comparable(org, after.org)) return `${code} < ${sql.bind(after.code)}`;
  // Left to right: positional placeholders bind in the order they appear.
  const orgBefore = () => `${sql.column(org)} < ${sql.bind(after.org)}${sql.isNullable(org) ? ` OR ${sql.column(org)} IS NULL` : ''}`;
  return `(${code} < ${sql.bind(after.code)} OR (${code} = ${sql.bind(after.code)} AND (${orgBefore()})))`;
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
