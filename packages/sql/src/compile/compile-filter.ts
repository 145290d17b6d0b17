import type { CustomerFilter, TextField } from '@custcode/core';
import type { RankTierHint } from '@custcode/core/adapter';
import { filterEndExclusive, filterStart, isPinyinQuery, statusList, WORD_BREAKS } from '@custcode/core/adapter';
import { TEXT_FIELDS } from '@custcode/core';
import { scopedOrg, type FieldSpec, type OrgSpec, type TableMapping } from '../mapping/table-mapping.js';
import { compileCondition } from './compile-condition.js';
import { statusExpression } from './compile-select.js';
import { compileValue, fieldMatchAlso, fieldValue, isColumnValue } from './compile-value.js';
import type { SqlBuilder } from './sql-builder.js';

const NEVER = '1 = 0';

/**
 * WHERE conditions giving exactly core's `matchesFilter` answers for the filters this mapping can
 * evaluate. Every user value is bound; LIKE wildcards in it are escaped.
 */
export function compileFilter(mapping: TableMapping, filter: CustomerFilter, sql: SqlBuilder): string[] {
  const conditions: string[] = [];
  const add = (condition: string | undefined) => {
    if (condition !== undefined) conditions.push(condition);
  };
  if (mapping.where) add(compileCondition(mapping.where, sql));
  if (filter.text !== undefined && filter.text !== '') add(textCondition(mapping, filter.text, filter.textFields ?? TEXT_FIELDS, sql));
  if (filter.codePrefix !== undefined) add(likeCondition(sql.textColumn(mapping.code), filter.codePrefix, 'prefix', true, sql));
  if (filter.name !== undefined) add(likeCondition(textValue(mapping.fields.name, sql), filter.name, 'contains', true, sql));
  if (filter.phone !== undefined) add(optionalContains(mapping.fields.phone, filter.phone, sql));
  if (filter.category !== undefined) add(exactCondition(mapping.fields.category, filter.category, sql));
  if (filter.region !== undefined) add(exactCondition(mapping.fields.region, filter.region, sql));
  const statuses = statusList(filter.status);
  if (statuses) add(`${statusExpression(mapping, sql)} IN (${statuses.map((status) => sql.bind(status)).join(', ')})`);
  add(orgCondition(mapping.org, filter.org, sql));
  add(dateConditions(mapping, filter, sql));
  return conditions;
}

/**
 * `text`: contains on code, name and short name — those of `fields` — and, with the name, a prefix of the
 * mnemonic column when it is a pinyin query (initials match from the name's start, as in core).
 */
function textCondition(mapping: TableMapping, text: string, fields: readonly TextField[], sql: SqlBuilder): string {
  const alternatives: string[] = [];
  if (fields.includes('code')) alternatives.push(likeCondition(sql.textColumn(mapping.code), text, 'contains', true, sql));
  if (fields.includes('name')) alternatives.push(likeCondition(textValue(mapping.fields.name, sql), text, 'contains', true, sql));
  if (fields.includes('shortName') && mapping.fields.shortName) alternatives.push(optionalContains(mapping.fields.shortName, text, sql));
  if (fields.includes('name') && mapping.mnemonic && isPinyinQuery(text)) alternatives.push(likeCondition(sql.textColumn(mapping.mnemonic), text, 'prefix', false, sql));
  return alternatives.length === 0 ? NEVER : `(${alternatives.join(' OR ')})`;
}

/**
 * The candidates of a relevance tier (a superset; the core ranks each row): tier 2, a name or short name
 * starting with the text; tier 3, the text right after a word break (WORD_BREAKS) inside one of them.
 */
export function rankTierCondition(mapping: TableMapping, { text, tier, fields }: RankTierHint, sql: SqlBuilder): string {
  const values: Array<{ spec: FieldSpec; required: boolean }> = [];
  if (fields.includes('name')) values.push({ spec: mapping.fields.name, required: true });
  if (fields.includes('shortName') && mapping.fields.shortName) values.push({ spec: mapping.fields.shortName, required: false });
  const alternatives: string[] = [];
  for (const { spec, required } of values) {
    if (tier === 2) alternatives.push(likeCondition(textValue(spec, sql), text, 'prefix', required, sql));
    else for (const separator of WORD_BREAKS) alternatives.push(likeCondition(textValue(spec, sql), separator + text, 'contains', required, sql));
  }
  return alternatives.length === 0 ? NEVER : `(${alternatives.join(' OR ')})`;
}

function optionalContains(spec: FieldSpec | undefined, needle: string, sql: SqlBuilder): string {
  if (spec === undefined) return NEVER;
  return likeCondition(textValue(spec, sql), needle, 'contains', false, sql);
}

/** A mapped value as text for LIKE: a numeric column is cast, computed values are text already. */
function textValue(spec: FieldSpec, sql: SqlBuilder): string {
  const value = fieldValue(spec);
  return isColumnValue(value) ? sql.textColumn(value) : compileValue(value, sql);
}

/**
 * Case-insensitive contains / starts-with. `required` values are never absent (code, name), so an
 * empty needle matches every row; an optional value must then be present (not blank).
 */
function likeCondition(expression: string, needle: string, kind: 'contains' | 'prefix', required: boolean, sql: SqlBuilder): string {
  const compiler = sql.compiler;
  if (needle === '') return required ? '1 = 1' : compiler.isNotBlank(expression);
  // Values cannot hold what the engine cannot even receive, nor be longer than its longest pattern.
  if (needle.length > compiler.maxLikeNeedle || (!compiler.acceptsNulInText && needle.includes('\u0000'))) return NEVER;
  // Record values have trailing spaces trimmed; a needle ending in one must not match CHAR padding.
  const value = /\s$/.test(needle) ? `RTRIM(${expression})` : expression;
  const escaped = compiler.escapeLike(needle);
  const pattern = kind === 'prefix' ? `${escaped}%` : `%${escaped}%`;
  return compiler.likeInsensitive(value, sql.bind(pattern));
}

/** category / region: the field's value, or any `matchAlso` column (a class code beside its name). */
function exactCondition(spec: FieldSpec | undefined, wanted: string, sql: SqlBuilder): string {
  if (spec === undefined) return NEVER;
  // Absent values never equal anything; record values never end in whitespace.
  if (wanted === '' || /\s$/.test(wanted)) return NEVER;
  if (!sql.compiler.acceptsNulInText && wanted.includes('\u0000')) return NEVER;
  const value = fieldValue(spec);
  const targets = [value, ...fieldMatchAlso(spec)].filter((target) => !isColumnValue(target) || sql.comparable(target, wanted));
  if (targets.length === 0) return NEVER;
  const tests = targets.map((target) => `${compileValue(target, sql)} = ${sql.bind(wanted)}`);
  return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}

/**
 * The asked org, else the OrgSpec's `defaultOrg`. With neither, a lookup keeps only the OrgSpec's
 * `withoutOrg` rows (K/3 Cloud: the creating org's row), while search and count return every org's row
 * (`forLookup` false).
 */
export function orgCondition(org: OrgSpec | undefined, asked: string | undefined, sql: SqlBuilder, forLookup = false): string | undefined {
  if (org === undefined) return asked === undefined ? undefined : NEVER;
  const wanted = scopedOrg(org, asked);
  if (wanted === undefined) return forLookup && org.kind === 'column' && org.withoutOrg ? compileCondition(org.withoutOrg, sql) : undefined;
  if (!sql.compiler.acceptsNulInText && wanted.includes('\u0000')) return NEVER;
  if (!sql.comparable(org.column, wanted)) return NEVER;
  if (org.kind === 'column') return `${sql.column(org.column)} = ${sql.bind(wanted)}`;
  const on = org.on.map(([left, right]) => `${sql.column(left)} = ${sql.column(right)}`);
  on.push(`${sql.column(org.column)} = ${sql.bind(wanted)}`);
  if (org.where) on.push(compileCondition(org.where, sql));
  return `EXISTS (SELECT 1 FROM ${sql.table(org.table)} ${sql.compiler.quoteIdentifier(org.alias)} WHERE ${on.join(' AND ')})`;
}

function dateConditions(mapping: TableMapping, filter: CustomerFilter, sql: SqlBuilder): string | undefined {
  const compiler = sql.compiler;
  const created = mapping.fields.createdAt ? compiler.dateColumn(sql.column(mapping.fields.createdAt)) : undefined;
  const parameter = (iso: string) => compiler.dateParameter(sql.bind(compiler.formatDate(iso)));
  const conditions: string[] = [];
  if (filter.createdFrom !== undefined) conditions.push(created ? `${created} >= ${parameter(filterStart(filter.createdFrom))}` : NEVER);
  if (filter.createdTo !== undefined) {
    const end = filterEndExclusive(filter.createdTo);
    conditions.push(created ? `${created} ${end.inclusive ? '<=' : '<'} ${parameter(end.value)}` : NEVER);
  }
  if (filter.updatedSince !== undefined) {
    const updated = mapping.fields.updatedAt ? compiler.dateColumn(sql.column(mapping.fields.updatedAt)) : undefined;
    const changed = updated && created ? `COALESCE(${updated}, ${created})` : (updated ?? created);
    conditions.push(changed ? `${changed} >= ${parameter(filterStart(filter.updatedSince))}` : NEVER);
  }
  return conditions.length === 0 ? undefined : conditions.join(' AND ');
}
