import { CUSTOMER_FIELDS, CUSTOMER_TEXT_FIELDS, type CustomerField, type RawColumns, type SourceDescription } from '@custcode/core';
import { compileCustomerQuery, sortableFields } from '../compile/compile-customer-query.js';
import { fieldMatchAlso, fieldValue } from '../compile/compile-value.js';
import type { SqlDialect } from '../dialects/sql-dialect.js';
import type { ColumnRef, FieldSpec, TableMapping } from '../mapping/table-mapping.js';
import { valueColumns } from './mapping-columns.js';
import { rawKey } from './row-to-customer.js';

export type ReaderDescription = Omit<SourceDescription, 'name' | 'erp' | 'readOnly' | 'codeForm'>;

/**
 * Codes per lookup: 1,000 (measured sweet spot, and Oracle's IN-list limit), lower when the engine's
 * parameter limit minus the statement's other parameters (mapping constants, the org) says so.
 */
export function lookupBatchSize(dialect: SqlDialect, mapping: TableMapping): number {
  const probe = compileCustomerQuery(mapping, dialect.name, { shape: 'lookup', codes: ['?'], ...(mapping.org ? { org: '?' } : {}) });
  return Math.min(1000, dialect.limits.maxInList, dialect.limits.maxParameters - (probe.params.length - 1));
}

/** What a mapped table can do, for `describe()`. */
export function describeMapping(mapping: TableMapping, dialect: SqlDialect, pageSize: number): ReaderDescription {
  const mapped = new Set<CustomerField>(['source', 'erp', 'code', 'name', 'status']);
  for (const field of CUSTOMER_TEXT_FIELDS) if (mapping.fields[field] !== undefined) mapped.add(field);
  if (mapping.fields.createdAt) mapped.add('createdAt');
  if (mapping.fields.updatedAt) mapped.add('updatedAt');
  if (mapping.org) mapped.add('org');
  const unsupported: string[] = [];
  for (const field of ['phone', 'category', 'region'] as const) if (mapping.fields[field] === undefined) unsupported.push(field);
  if (!mapping.org) unsupported.push('org');
  if (!mapping.fields.createdAt) unsupported.push('createdFrom', 'createdTo');
  if (!mapping.fields.createdAt && !mapping.fields.updatedAt) unsupported.push('updatedSince');
  return {
    fields: CUSTOMER_FIELDS.filter((field) => mapped.has(field)),
    orgScope: mapping.org ? { kind: mapping.org.scope, withoutOrg: mapping.org.withoutOrgDescription } : { kind: 'none' },
    changeTracking: mapping.fields.updatedAt ? 'modified-column' : mapping.fields.createdAt ? 'created-column' : 'none',
    pinyinSearch: mapping.mnemonic ? 'pushdown' : 'scan',
    // Without a mnemonic column, text is still a LIKE on code, name and short name (see compileFilter).
    ...(mapping.mnemonic ? {} : { textContains: true }),
    unsupportedFilters: unsupported,
    sortFields: sortableFields(mapping),
    limits: { lookupBatch: lookupBatchSize(dialect, mapping), page: pageSize },
    resumable: true,
    rawColumns: rawColumnsOf(mapping),
    details: { dialect: dialect.name, table: mapping.table, ...(mapping.org?.defaultOrg === undefined ? {} : { defaultOrg: mapping.org.defaultOrg }) },
  };
}

/** Every column a field is read from or matched by. */
function columnsOf(spec: FieldSpec): ColumnRef[] {
  return [...valueColumns(fieldValue(spec)), ...fieldMatchAlso(spec)];
}

/**
 * Which raw columns carry which field: those the field is read from, the mnemonic (the name's pinyin
 * initials), the code and org columns, and what the mapping declares in `rawCarries`.
 */
export function rawColumnsOf(mapping: TableMapping): RawColumns {
  const raw = new Set(mapping.raw);
  const carried: RawColumns = {};
  const add = (field: CustomerField, references: ColumnRef[]) => {
    const keys = references.filter((reference) => raw.has(reference)).map(rawKey);
    if (keys.length > 0) carried[field] = [...new Set([...(carried[field] ?? []), ...keys])];
  };
  add('code', [mapping.code]);
  for (const [field, spec] of Object.entries(mapping.fields) as Array<[CustomerField, FieldSpec]>) add(field, columnsOf(spec));
  if (mapping.mnemonic) add('name', [mapping.mnemonic]);
  const org = mapping.org;
  if (org) add('org', org.kind === 'column' ? [org.column] : org.value === undefined ? [] : [org.value]);
  for (const [field, references] of Object.entries(mapping.rawCarries ?? {}) as Array<[CustomerField, ColumnRef[]]>) add(field, references);
  return carried;
}
