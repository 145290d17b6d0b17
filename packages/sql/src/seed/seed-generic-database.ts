/**
 * Seeds customers into a classic `Customer` table (one row per customer and org) and returns the records
 * a generic-sql source over it must give. Written independently of the compiler: it is the conformance
 * suite's truth for generic-sql, and the demo's `crm` database.
 */
import { CUSTOMER_FIELDS, type Customer } from '@custcode/core';
import { pinyinInitials } from '@custcode/core/adapter';
import { projectSeedCustomer, seedOrgs, type SeedCustomer } from '@custcode/core/fixtures';
import { createSeedTable, type SeedTarget } from './seed-target.js';

/** The classic layout's column names, as a generic-sql configuration names them. */
export const GENERIC_SEED_COLUMNS = {
  code: 'CustomerID',
  name: 'CustomerName',
  shortName: 'ShortName',
  taxId: 'TaxNo',
  phone: 'Phone',
  contact: 'Contact',
  address: 'Address',
  category: 'Category',
  region: 'Region',
  createdAt: 'CreatedAt',
  updatedAt: 'UpdatedAt',
  org: 'OrgID',
} as const;

export const GENERIC_SEED_STATUS = { column: 'Status', blocked: ['B'], deleted: ['D'] };

const ORG_IDS: Record<string, string> = { ORG1: '100001', ORG2: '100002', ORG3: '100003' };
const STATUS_FLAGS = { active: 'A', blocked: 'B', deleted: 'D' } as const;

/** ISO `T` in the seed → the backend's datetime literal. */
const sqlDate = (value: string | undefined) => (value === undefined ? null : value.replace('T', ' '));

/**
 * `orgScoped`: one row per customer and org (OrgID filled); otherwise one row per customer and no
 * org in the records. `mnemonic`: a Mnemonic column holding the pinyin initials of the name.
 */
export async function seedGenericDatabase(
  target: SeedTarget,
  customers: SeedCustomer[],
  options: { source?: string; orgScoped?: boolean; mnemonic?: boolean } = {},
): Promise<Customer[]> {
  const source = options.source ?? 'crm';
  const orgScoped = options.orgScoped ?? true;
  await createSeedTable(target, 'Customer', [
    { name: 'CustomerID', type: 'text', length: 30, notNull: true },
    { name: 'CustomerName', type: 'text', length: 200 },
    { name: 'ShortName', type: 'text', length: 60 },
    { name: 'TaxNo', type: 'text', length: 30 },
    { name: 'Phone', type: 'text', length: 40 },
    { name: 'Contact', type: 'text', length: 60 },
    { name: 'Address', type: 'text', length: 200 },
    { name: 'Category', type: 'text', length: 40 },
    { name: 'Region', type: 'text', length: 40 },
    { name: 'CreatedAt', type: 'datetime' },
    { name: 'UpdatedAt', type: 'datetime' },
    { name: 'OrgID', type: 'text', length: 10 },
    { name: 'Status', type: 'text', length: 1 },
    ...(options.mnemonic ? [{ name: 'Mnemonic', type: 'text' as const, length: 100 }] : []),
  ], { indexes: [['CustomerID', 'OrgID']] });

  const rows: Array<Record<string, unknown>> = [];
  const expected: Customer[] = [];
  for (const seed of customers) {
    const orgs = orgScoped ? seedOrgs(seed) : [];
    for (const org of orgs.length === 0 ? [undefined] : orgs) {
      const orgId = org === undefined ? undefined : ORG_IDS[org];
      rows.push({
        CustomerID: seed.code,
        CustomerName: seed.name,
        ShortName: seed.shortName ?? null,
        TaxNo: seed.taxId ?? null,
        Phone: seed.phone ?? null,
        Contact: seed.contact ?? null,
        Address: seed.address ?? null,
        Category: seed.category?.name ?? null,
        Region: seed.region?.name ?? null,
        CreatedAt: sqlDate(seed.createdAt),
        UpdatedAt: sqlDate(seed.updatedAt),
        OrgID: orgId ?? null,
        Status: STATUS_FLAGS[seed.status],
        ...(options.mnemonic ? { Mnemonic: pinyinInitials(seed.name) } : {}),
      });
      const fields = orgScoped ? CUSTOMER_FIELDS : CUSTOMER_FIELDS.filter((field) => field !== 'org');
      expected.push(projectSeedCustomer(seed, { source, erp: 'generic-sql', fields, ...(orgId === undefined ? {} : { org: orgId }) }));
    }
  }
  await target.insert('Customer', rows);
  return expected;
}
