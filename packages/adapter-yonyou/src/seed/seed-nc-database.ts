import { pinyinInitials } from '@custcode/core/adapter';
import { type Customer } from '@custcode/core';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { blankToUndefined, createSeedTable, definedFields, type SeedColumn, type SeedTarget } from '@custcode/sql/testing';
import { NC_LIKELY_COLUMNS, type NcOptionalColumns } from '../mappings/nc-bd-customer-mapping.js';

export interface SeedNcOptions {
  /** `Customer.source` of the expected records. Default `nc`. */
  source?: string;
  /**
   * The optional columns the source under test maps: only those fields appear in the expected records.
   * Every optional column is created, under the name given here or else its NC_LIKELY_COLUMNS name.
   */
  columns?: NcOptionalColumns;
}

/** NC primary keys are 20-character strings; `ORG1` → `0001A11000000000ORG1`. */
export function ncOrgId(org: string): string {
  const prefix = '0001A110000000000000';
  return `${prefix.slice(0, Math.max(0, 20 - org.length))}${org}`.slice(-20);
}

const GROUP = '0001A110000000000GRP';

/** `bd_customer` as NC's validator requires it (§5), then the optional columns. */
const requiredColumns: SeedColumn[] = [
  { name: 'pk_customer', type: 'text', length: 20, notNull: true },
  { name: 'pk_group', type: 'text', length: 20, notNull: true },
  { name: 'pk_org', type: 'text', length: 20, notNull: true },
  { name: 'code', type: 'text', length: 40, notNull: true },
  { name: 'name', type: 'text', length: 300, notNull: true },
  { name: 'pk_custclass', type: 'text', length: 20, notNull: true },
  { name: 'issupplier', type: 'text', length: 1, notNull: true },
  { name: 'isfreecust', type: 'text', length: 1 },
  { name: 'enablestate', type: 'int', notNull: true },
  { name: 'dr', type: 'int' },
  { name: 'ts', type: 'text', length: 19 },
];

function optionalColumns(names: Required<NcOptionalColumns>): SeedColumn[] {
  return [
    { name: names.shortName, type: 'text', length: 300 },
    { name: names.taxId, type: 'text', length: 50 },
    { name: names.phone, type: 'text', length: 50 },
    { name: names.mnemonic, type: 'text', length: 50 },
    { name: names.createdAt, type: 'datetime' },
    { name: names.updatedAt, type: 'datetime' },
  ];
}

/** enablestate: 2 = 已启用; 3 = 已停用 (value not confirmed; any non-2 value reads as blocked). */
const enableState = (customer: SeedCustomer) => (customer.status === 'blocked' ? 3 : 2);

/**
 * Writes `customers` into NC's `bd_customer` and returns the records an NC source configured with
 * `options.columns` must report. Deleted customers stay in the table with `dr = 1`.
 */
export async function seedNcDatabase(target: SeedTarget, customers: SeedCustomer[], options: SeedNcOptions = {}): Promise<Customer[]> {
  const source = options.source ?? 'nc';
  const mapped = options.columns ?? {};
  const names: Required<NcOptionalColumns> = { ...NC_LIKELY_COLUMNS, ...mapped };
  await createSeedTable(target, 'bd_customer', [...requiredColumns, ...optionalColumns(names)], { primaryKey: ['pk_customer'], indexes: [['code'], ['pk_org']] });
  const expected: Customer[] = [];
  const rows = customers.map((customer, index) => {
    const org = ncOrgId(customer.org ?? 'ORG1');
    const values = {
      shortName: blankToUndefined(customer.shortName),
      taxId: blankToUndefined(customer.taxId),
      phone: blankToUndefined(customer.phone),
      createdAt: customer.createdAt,
      updatedAt: customer.updatedAt,
    };
    const row: Record<string, unknown> = {
      pk_customer: `1001A1100000000${String(index + 1).padStart(5, '0')}`,
      pk_group: GROUP,
      pk_org: org,
      code: customer.code,
      name: customer.name,
      pk_custclass: `1001A11000000CLS${(customer.category?.code ?? '0').padStart(4, '0').slice(-4)}`,
      issupplier: 'N',
      isfreecust: 'N',
      enablestate: enableState(customer),
      dr: customer.status === 'deleted' ? 1 : 0,
      ts: (customer.updatedAt ?? customer.createdAt ?? '2024-01-01T00:00:00').replace('T', ' '),
      [names.shortName]: values.shortName ?? null,
      [names.taxId]: values.taxId ?? null,
      [names.phone]: values.phone ?? null,
      [names.mnemonic]: pinyinInitials(customer.name) || null,
      [names.createdAt]: values.createdAt ?? null,
      [names.updatedAt]: values.updatedAt ?? null,
    };
    const fieldsMapped = (Object.keys(values) as Array<keyof typeof values>).filter((field) => mapped[field] !== undefined);
    expected.push({
      source,
      erp: 'yonyou-nc',
      code: customer.code,
      name: customer.name,
      ...definedFields(Object.fromEntries(fieldsMapped.map((field) => [field, values[field]]))),
      status: customer.status,
      org,
      raw: {},
    });
    return row;
  });
  await target.insert('bd_customer', rows);
  return expected;
}
