import { ConfigError, type Customer } from '@custcode/core';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { blankToUndefined, type SeedTarget } from '@custcode/sql/testing';
import type { TcaMappingOptions } from '../mappings/tca-mapping.js';
import { CONTACT_COLUMNS, locationOf, phoneOf } from './tca-contact-rows.js';
import { createTcaTables } from './tca-layout.js';

export interface SeedEbsOptions extends Pick<TcaMappingOptions, 'nameColumn' | 'taxIdColumns' | 'shortNameColumn'> {
  /** `Customer.source` of the expected records. Default `ebs`. */
  source?: string;
}

/** Abstract org keys to operating-unit ids: `ORG1` → `204` (Vision Operations), `ORG2` → `205`, … */
export function ebsOrgId(org: string): string {
  const match = /^ORG(\d+)$/.exec(org);
  if (!match) {
    throw new ConfigError({
      message: `seedEbsDatabase: the seed org ${JSON.stringify(org)} is not an abstract org key.`,
      hint: 'Give seed customers org keys ORG1, ORG2, …; they become ORG_ID 204, 205, ….',
    });
  }
  return String(203 + Number(match[1]));
}

const DEFAULT_CREATED = '2000-01-01T00:00:00';
const CLOSED_ORG = 999;

/**
 * Writes `customers` into the TCA tables and returns the records an EBS source configured like
 * `options` must report. EBS inactivates instead of deleting: a 'deleted' customer gets STATUS 'I' on
 * account and party, so it reads as 'blocked'. Blocked customers alternate between an inactive account
 * and an inactive party. Every org (`org`, then `alsoIn`) gets an active account site; only the site in
 * the customer's own `org` is the primary bill-to (`BILL_TO_FLAG = 'P'`). Some also carry an inactive site in
 * ORG_ID 999 and an inactive old phone, which a source must ignore. Addresses and phones are stored in
 * parts as EBS holds them (tca-contact-rows.ts): Chinese addresses by province and city, Latin ones by
 * street and city, some phones without RAW_PHONE_NUMBER.
 */
export async function seedEbsDatabase(target: SeedTarget, customers: SeedCustomer[], options: SeedEbsOptions = {}): Promise<Customer[]> {
  const source = options.source ?? 'ebs';
  const taxIdColumns = options.taxIdColumns ?? ['JGZZ_FISCAL_CODE', 'TAX_REFERENCE'];
  await createTcaTables(target);
  const tables: Record<string, Array<Record<string, unknown>>> = {
    HZ_PARTIES: [],
    HZ_CUST_ACCOUNTS: [],
    HZ_PARTY_SITES: [],
    HZ_LOCATIONS: [],
    HZ_CUST_ACCT_SITES_ALL: [],
    HZ_CONTACT_POINTS: [],
  };
  const add = (table: string, row: Record<string, unknown>) => tables[table]!.push(row);
  const blankContact = Object.fromEntries(CONTACT_COLUMNS.map((column) => [column, null]));
  const expected: Customer[] = [];

  customers.forEach((customer, index) => {
    const created = customer.createdAt ?? DEFAULT_CREATED;
    const updated = customer.updatedAt ?? created;
    const who = { CREATED_BY: 0, CREATION_DATE: created, LAST_UPDATED_BY: 0, LAST_UPDATE_DATE: updated };
    const partyId = 1000 + index;
    const accountId = 2000 + index;
    const inactiveAccount = customer.status === 'deleted' || (customer.status === 'blocked' && index % 2 === 0);
    const inactiveParty = customer.status === 'deleted' || (customer.status === 'blocked' && index % 2 === 1);
    const accountName = blankToUndefined(customer.shortName);
    const taxId = blankToUndefined(customer.taxId);
    const phone = blankToUndefined(customer.phone);
    const address = blankToUndefined(customer.address);
    add('HZ_PARTIES', {
      PARTY_ID: partyId,
      PARTY_NUMBER: String(10000 + index),
      PARTY_NAME: customer.name,
      PARTY_TYPE: 'ORGANIZATION',
      STATUS: inactiveParty ? 'I' : 'A',
      JGZZ_FISCAL_CODE: taxId ?? null,
      TAX_REFERENCE: null,
      KNOWN_AS: accountName ?? null,
      ORIG_SYSTEM_REFERENCE: `CUSTCODE-P${partyId}`,
      ...who,
    });
    add('HZ_CUST_ACCOUNTS', {
      CUST_ACCOUNT_ID: accountId,
      PARTY_ID: partyId,
      ACCOUNT_NUMBER: customer.code,
      ACCOUNT_NAME: accountName ?? null,
      STATUS: inactiveAccount ? 'I' : 'A',
      CUSTOMER_TYPE: 'R',
      CUSTOMER_CLASS_CODE: customer.category?.code ?? null,
      ORIG_SYSTEM_REFERENCE: `CUSTCODE-A${accountId}`,
      ...who,
    });
    const orgs = [...new Set([customer.org, ...(customer.alsoIn ?? [])].filter((org): org is string => org !== undefined))];
    const primaryOrg = customer.org === undefined ? undefined : ebsOrgId(customer.org);
    if (orgs.length > 0) {
      const partySiteId = 3000 + index;
      const locationId = 4000 + index;
      add('HZ_LOCATIONS', { LOCATION_ID: locationId, ...locationOf(customer, address, index).columns, ...who });
      add('HZ_PARTY_SITES', { PARTY_SITE_ID: partySiteId, PARTY_ID: partyId, LOCATION_ID: locationId, PARTY_SITE_NUMBER: String(30000 + index), STATUS: 'A', ...who });
      const site = (siteIndex: number, orgId: number, status: string, billTo: string) =>
        add('HZ_CUST_ACCT_SITES_ALL', {
          CUST_ACCT_SITE_ID: 5000 + index * 10 + siteIndex,
          CUST_ACCOUNT_ID: accountId,
          PARTY_SITE_ID: partySiteId,
          ORG_ID: orgId,
          STATUS: status,
          BILL_TO_FLAG: billTo,
          SHIP_TO_FLAG: 'Y',
          ...who,
        });
      orgs.forEach((org, siteIndex) => site(siteIndex, Number(ebsOrgId(org)), 'A', ebsOrgId(org) === primaryOrg ? 'P' : 'Y'));
      if (index % 5 === 0) site(9, CLOSED_ORG, 'I', 'P');
    }
    const contact = (offset: number, row: Record<string, unknown>) =>
      add('HZ_CONTACT_POINTS', { CONTACT_POINT_ID: 6000 + index * 10 + offset, OWNER_TABLE_NAME: 'HZ_PARTIES', OWNER_TABLE_ID: partyId, ...blankContact, ...row, ...who });
    if (phone !== undefined) {
      contact(0, { CONTACT_POINT_TYPE: 'PHONE', STATUS: 'A', PRIMARY_FLAG: 'Y', PHONE_LINE_TYPE: 'GEN', ...phoneOf(phone, index).columns });
      contact(1, { CONTACT_POINT_TYPE: 'EMAIL', STATUS: 'A', PRIMARY_FLAG: 'Y', EMAIL_ADDRESS: `c${index}@example.com` });
      if (index % 3 === 0) contact(2, { CONTACT_POINT_TYPE: 'PHONE', STATUS: 'I', PRIMARY_FLAG: 'N', PHONE_NUMBER: '000', RAW_PHONE_NUMBER: '000' });
    }

    const fields: Partial<Customer> = {};
    if (options.shortNameColumn === 'KNOWN_AS' && accountName !== undefined) fields.shortName = accountName;
    if (taxId !== undefined && taxIdColumns.includes('JGZZ_FISCAL_CODE')) fields.taxId = taxId;
    if (phone !== undefined) fields.phone = phoneOf(phone, index).phone;
    if (address !== undefined && primaryOrg !== undefined) fields.address = locationOf(customer, address, index).address;
    if (customer.category !== undefined) fields.category = customer.category.code;
    expected.push({
      source,
      erp: 'oracle-ebs',
      code: customer.code,
      name: options.nameColumn === 'ACCOUNT_NAME' ? (accountName ?? customer.name) : customer.name,
      ...fields,
      status: customer.status === 'active' ? 'active' : 'blocked',
      createdAt: created,
      updatedAt: updated,
      ...(primaryOrg === undefined ? {} : { org: primaryOrg }),
      raw: {},
    });
  });
  for (const [table, rows] of Object.entries(tables)) await target.insert(table, rows);
  return expected;
}
