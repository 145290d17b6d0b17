import { matchesFilter, toIsoDateTime, type QueryField } from '@custcode/core/adapter';
import { SchemaMismatchError, type Customer, type CustomerFilter, type RawColumns } from '@custcode/core';
import { z } from 'zod';
import { K3CLOUD_UNAUDITED_STATUSES } from '../mappings/k3cloud-customer-mapping.js';

/** The BD_Customer field keys read, in the order ExecuteBillQuery returns them. */
export const BD_CUSTOMER_FIELD_KEYS = [
  'FCUSTID',
  'FNumber',
  'FName',
  'FShortName',
  'FTAXREGISTERCODE',
  'FTEL',
  'FADDRESS',
  'FGroup.FName',
  'FPROVINCIAL.FDataValue',
  'FGroup.FNumber',
  'FPROVINCIAL.FNumber',
  'FDocumentStatus',
  'FForbidStatus',
  'FCreateDate',
  'FModifyDate',
  'FCreateOrgId',
  'FUseOrgId',
] as const;
export type BdCustomerFieldKey = (typeof BD_CUSTOMER_FIELD_KEYS)[number];

export const BD_CUSTOMER_ORDER = 'FNumber ASC,FUseOrgId ASC';

/** The raw keys customerFromRow sets, by the field they carry (none holds a maskable field). */
export const BD_CUSTOMER_RAW_COLUMNS: RawColumns = { code: ['FNumber'], category: ['FGroup.FNumber'], region: ['FPROVINCIAL.FNumber'], org: ['FUseOrgId'] };

const text = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.number(), z.string().regex(/^\d+$/)]);

/** The schema of each field key's value (FNumber may be '' on a row without a number: returned as stored, as on the SQL path, for the audit to report). */
const VALUE_SCHEMAS: Record<BdCustomerFieldKey, z.ZodTypeAny> = {
  FCUSTID: id,
  FNumber: z.union([z.string(), z.number()]),
  FName: text,
  FShortName: text,
  FTAXREGISTERCODE: text,
  FTEL: text,
  FADDRESS: text,
  'FGroup.FName': text,
  'FPROVINCIAL.FDataValue': text,
  'FGroup.FNumber': text,
  'FPROVINCIAL.FNumber': text,
  FDocumentStatus: z.string().nullish(),
  FForbidStatus: z.string().nullish(),
  FCreateDate: z.string().nullish(),
  FModifyDate: z.string().nullish(),
  FCreateOrgId: id,
  FUseOrgId: id,
};

/** The field keys each Customer field is built from (code and org always: they order and page the read). */
const KEYS_OF_FIELD: Partial<Record<QueryField, readonly BdCustomerFieldKey[]>> = {
  name: ['FName'],
  shortName: ['FShortName'],
  taxId: ['FTAXREGISTERCODE'],
  phone: ['FTEL'],
  address: ['FADDRESS'],
  // The number too: a category or region filter also matches the group's / region's number.
  category: ['FGroup.FName', 'FGroup.FNumber'],
  region: ['FPROVINCIAL.FDataValue', 'FPROVINCIAL.FNumber'],
  status: ['FDocumentStatus', 'FForbidStatus'],
  createdAt: ['FCreateDate'],
  updatedAt: ['FModifyDate'],
};

/**
 * The FieldKeys of a read for `needed` (the fields the records must carry, the filter's included;
 * `undefined` or `raw`: every key), in BD_CUSTOMER_FIELD_KEYS order.
 */
export function bdCustomerFieldKeys(needed: ReadonlySet<QueryField> | undefined): readonly BdCustomerFieldKey[] {
  if (needed === undefined || needed.has('raw')) return BD_CUSTOMER_FIELD_KEYS;
  const keys = new Set<BdCustomerFieldKey>(['FNumber', 'FUseOrgId']);
  for (const field of needed) for (const key of KEYS_OF_FIELD[field] ?? []) keys.add(key);
  return BD_CUSTOMER_FIELD_KEYS.filter((key) => keys.has(key));
}

const present = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
};

type Value = string | number | null | undefined;

/** Reads one array row by its FieldKeys (the keys of the call, in order), checking each value's type. */
function valuesOf(row: unknown, keys: readonly BdCustomerFieldKey[]): Map<BdCustomerFieldKey, Value> {
  const mismatch = (key: string, problem: string) =>
    new SchemaMismatchError({
      message: `K/3 Cloud ExecuteBillQuery returned an unexpected value for BD_Customer field ${key}: ${problem}.`,
      hint: 'Check that the WebAPI is a K/3 Cloud (云星空) BD_Customer form and that the user may read these fields.',
      missing: [key],
      available: [...keys],
    });
  if (!Array.isArray(row) || row.length !== keys.length) throw mismatch('row', `expected an array of ${keys.length} values`);
  const values = new Map<BdCustomerFieldKey, Value>();
  keys.forEach((key, index) => {
    const parsed = VALUE_SCHEMAS[key].safeParse(row[index]);
    if (!parsed.success) throw mismatch(key, parsed.error.issues[0]!.message);
    values.set(key, parsed.data as Value);
  });
  return values;
}

/**
 * Maps one array row to a Customer, the same way the SQL mapping does. `keys`: the FieldKeys the row was
 * read with; a projected read leaves out the others (and the fields built from them).
 */
export function customerFromRow(row: unknown, source: string, keys: readonly BdCustomerFieldKey[] = BD_CUSTOMER_FIELD_KEYS): Customer {
  const values = valuesOf(row, keys);
  const value = (key: BdCustomerFieldKey) => values.get(key);
  const documentStatus = value('FDocumentStatus') as string | null | undefined;
  const blocked = value('FForbidStatus') === 'B' || (K3CLOUD_UNAUDITED_STATUSES as readonly string[]).includes(documentStatus ?? '');
  const number = value('FNumber')!;
  const optional = { shortName: value('FShortName'), taxId: value('FTAXREGISTERCODE'), phone: value('FTEL'), address: value('FADDRESS'), category: value('FGroup.FName'), region: value('FPROVINCIAL.FDataValue') };
  const customer: Customer = {
    source,
    erp: 'kingdee-k3cloud',
    // Padding removed, a leading space kept: the code as stored, as the SQL path reads it.
    code: String(number).trimEnd(),
    name: present(value('FName')) ?? '',
    status: blocked ? 'blocked' : 'active',
    org: String(value('FUseOrgId')),
    raw: {},
  };
  // raw: the keys the mapping does not otherwise show, those that were read.
  for (const key of ['FCUSTID', 'FNumber', 'FCreateOrgId', 'FUseOrgId', 'FDocumentStatus', 'FForbidStatus', 'FGroup.FNumber', 'FPROVINCIAL.FNumber'] as const) {
    if (values.has(key)) customer.raw[key] = value(key) ?? null;
  }
  for (const [field, fieldValue] of Object.entries(optional)) {
    const kept = present(fieldValue);
    if (kept !== undefined) (customer as Record<string, unknown>)[field] = kept;
  }
  const createdAt = toIsoDateTime(value('FCreateDate') as string | null | undefined);
  const updatedAt = toIsoDateTime(value('FModifyDate') as string | null | undefined);
  if (createdAt) customer.createdAt = createdAt;
  if (updatedAt) customer.updatedAt = updatedAt;
  return customer;
}

/** matchesFilter, except that category and region also accept the group's / region's number (like matchAlso in SQL). */
export function matchesBdCustomer(customer: Customer, filter: CustomerFilter): boolean {
  const { category, region, ...rest } = filter;
  const matches = (value: string | undefined, name: string | undefined, numberKey: string) =>
    value === undefined || name === value || present(customer.raw[numberKey] as string | null | undefined) === value;
  return matches(category, customer.category, 'FGroup.FNumber') && matches(region, customer.region, 'FPROVINCIAL.FNumber') && matchesFilter(customer, rest);
}
