import { matchesFilter, toIsoDateTime } from '@custcode/core/adapter';
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

export const BD_CUSTOMER_ORDER = 'FNumber ASC,FUseOrgId ASC';

/** The raw keys customerFromRow sets, by the field they carry (none holds a maskable field). */
export const BD_CUSTOMER_RAW_COLUMNS: RawColumns = { code: ['FNumber'], category: ['FGroup.FNumber'], region: ['FPROVINCIAL.FNumber'], org: ['FUseOrgId'] };

const text = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.number(), z.string().regex(/^\d+$/)]);

/** Partial schema of one result row: only what is mapped, in FieldKeys order. */
const rowSchema = z.tuple([
  id,
  // FNumber may be '' on a row without a number: it is returned as stored (as on the SQL path) for the audit to report.
  z.union([z.string(), z.number()]),
  text,
  text,
  text,
  text,
  text,
  text,
  text,
  text,
  text,
  z.string().nullish(),
  z.string().nullish(),
  z.string().nullish(),
  z.string().nullish(),
  id,
  id,
]);

const present = (value: string | number | null | undefined) => {
  if (value === null || value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Maps one array row to a Customer, the same way the SQL mapping does. */
export function customerFromRow(row: unknown, source: string): Customer {
  const parsed = rowSchema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = issue.path[0];
    const field = typeof index === 'number' ? BD_CUSTOMER_FIELD_KEYS[index] : 'row';
    throw new SchemaMismatchError({
      message: `K/3 Cloud ExecuteBillQuery returned an unexpected value for BD_Customer field ${field}: ${issue.message}.`,
      hint: 'Check that the WebAPI is a K/3 Cloud (云星空) BD_Customer form and that the user may read these fields.',
      missing: [String(field)],
      available: [...BD_CUSTOMER_FIELD_KEYS],
    });
  }
  const [customerId, number, name, shortName, taxId, phone, address, group, region, groupNumber, regionNumber, documentStatus, forbidStatus, created, modified, createOrg, useOrg] =
    parsed.data;
  const blocked = forbidStatus === 'B' || (K3CLOUD_UNAUDITED_STATUSES as readonly string[]).includes(documentStatus ?? '');
  const optional = { shortName, taxId, phone, address, category: group, region };
  const customer: Customer = {
    source,
    erp: 'kingdee-k3cloud',
    // Padding removed, a leading space kept: the code as stored, as the SQL path reads it.
    code: String(number).trimEnd(),
    name: present(name) ?? '',
    status: blocked ? 'blocked' : 'active',
    org: String(useOrg),
    raw: {
      FCUSTID: customerId,
      FNumber: number,
      FCreateOrgId: createOrg,
      FUseOrgId: useOrg,
      FDocumentStatus: documentStatus ?? null,
      FForbidStatus: forbidStatus ?? null,
      'FGroup.FNumber': groupNumber ?? null,
      'FPROVINCIAL.FNumber': regionNumber ?? null,
    },
  };
  for (const [field, value] of Object.entries(optional)) {
    const kept = present(value);
    if (kept !== undefined) (customer as Record<string, unknown>)[field] = kept;
  }
  const createdAt = toIsoDateTime(created);
  const updatedAt = toIsoDateTime(modified);
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
