import { CUSTOMER_TEXT_FIELDS } from '@custcode/core';
import type { QueryField } from '@custcode/core/adapter';
import type { OrgSpec, TableMapping } from '../mapping/table-mapping.js';
import { compileCondition } from './compile-condition.js';
import { compileValue, fieldValue } from './compile-value.js';
import type { SqlBuilder } from './sql-builder.js';

/** Result column names; quoted, so every engine returns them in this exact spelling. */
export const ALIAS = {
  code: 'cc_code',
  name: 'cc_name',
  status: 'cc_status',
  org: 'cc_org',
  createdAt: 'cc_createdAt',
  updatedAt: 'cc_updatedAt',
  field: (field: string) => `cc_${field}`,
  raw: (index: number) => `cc_raw_${index}`,
} as const;

/** The CASE that derives `Customer.status` from the mapping: deleted, then blocked, else active. */
export function statusExpression(mapping: TableMapping, sql: SqlBuilder): string {
  const branches: string[] = [];
  if (mapping.status.deleted) branches.push(`WHEN ${compileCondition(mapping.status.deleted, sql)} THEN 'deleted'`);
  if (mapping.status.blocked) branches.push(`WHEN ${compileCondition(mapping.status.blocked, sql)} THEN 'blocked'`);
  return branches.length === 0 ? `'active'` : `CASE ${branches.join(' ')} ELSE 'active' END`;
}

/** The column that orders rows of one code (org kind `column` only: other kinds give one row per code). */
export function orgOrderColumn(org: OrgSpec | undefined): string | undefined {
  return org?.kind === 'column' ? org.column : undefined;
}

/**
 * The SELECT list. With `fields` (a projected search) only their columns, the code and the org; `raw`
 * reads every column, since raw values are taken from the fields' aliases where they are the same column.
 */
export function compileSelectList(mapping: TableMapping, sql: SqlBuilder, fields?: readonly QueryField[]): string {
  const quote = (alias: string) => sql.compiler.quoteIdentifier(alias);
  const all = fields === undefined || fields.includes('raw');
  const wanted = (field: QueryField) => all || fields.includes(field);
  const items = [`${sql.column(mapping.code)} AS ${quote(ALIAS.code)}`];
  if (wanted('name')) items.push(`${compileValue(fieldValue(mapping.fields.name), sql)} AS ${quote(ALIAS.name)}`);
  for (const field of CUSTOMER_TEXT_FIELDS) {
    const spec = mapping.fields[field];
    if (spec !== undefined && wanted(field)) items.push(`${compileValue(fieldValue(spec), sql)} AS ${quote(ALIAS.field(field))}`);
  }
  if (wanted('status')) items.push(`${statusExpression(mapping, sql)} AS ${quote(ALIAS.status)}`);
  if (mapping.fields.createdAt && wanted('createdAt')) items.push(`${sql.compiler.selectDate(sql.column(mapping.fields.createdAt))} AS ${quote(ALIAS.createdAt)}`);
  if (mapping.fields.updatedAt && wanted('updatedAt')) items.push(`${sql.compiler.selectDate(sql.column(mapping.fields.updatedAt))} AS ${quote(ALIAS.updatedAt)}`);
  const orgColumn = mapping.org?.kind === 'column' ? mapping.org.column : mapping.org?.value;
  if (orgColumn) items.push(`${sql.column(orgColumn)} AS ${quote(ALIAS.org)}`);
  if (all) {
    rawAliases(mapping).forEach((alias, index) => {
      if (alias === ALIAS.raw(index)) items.push(`${sql.column(mapping.raw[index]!)} AS ${quote(alias)}`);
    });
  }
  return items.join(', ');
}

/**
 * The result column each `raw` reference is read from. A reference that is also the code, a field or a
 * date as a plain column is read from that column's alias instead of being selected twice.
 */
export function rawAliases(mapping: TableMapping): string[] {
  const plain = new Map<string, string>();
  const add = (reference: unknown, alias: string) => {
    if (typeof reference === 'string' && !plain.has(reference)) plain.set(reference, alias);
  };
  add(mapping.code, ALIAS.code);
  add(fieldValue(mapping.fields.name), ALIAS.name);
  for (const field of CUSTOMER_TEXT_FIELDS) {
    const spec = mapping.fields[field];
    if (spec !== undefined) add(fieldValue(spec), ALIAS.field(field));
  }
  add(mapping.fields.createdAt, ALIAS.createdAt);
  add(mapping.fields.updatedAt, ALIAS.updatedAt);
  return mapping.raw.map((reference, index) => plain.get(reference) ?? ALIAS.raw(index));
}

export function compileFrom(mapping: TableMapping, sql: SqlBuilder): string {
  let from = `${sql.table(mapping.table)} ${sql.compiler.quoteIdentifier(mapping.alias)}`;
  for (const join of mapping.joins ?? []) {
    const on = join.on.map(([left, right]) => `${sql.column(left)} = ${sql.column(right)}`);
    if (join.where) on.push(compileCondition(join.where, sql));
    from += ` ${join.kind === 'inner' ? 'INNER' : 'LEFT'} JOIN ${sql.table(join.table)} ${sql.compiler.quoteIdentifier(join.alias)} ON ${on.join(' AND ')}`;
  }
  return from;
}
