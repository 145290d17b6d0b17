import type { ColumnRef, Condition, TableMapping, ValueSpec } from '@custcode/sql';

export type TcaNameColumn = 'PARTY_NAME' | 'ACCOUNT_NAME';
export type TcaTaxIdColumn = 'JGZZ_FISCAL_CODE' | 'TAX_REFERENCE';

export interface TcaMappingOptions {
  /** Owner of the TCA tables (`AR`); absent: the login's synonyms (APPS). */
  schema?: string;
  /** `ACCOUNT_NAME` falls back to `PARTY_NAME` when the account has none. Default `PARTY_NAME`. */
  nameColumn?: TcaNameColumn;
  /** Tax id columns tried in order (where a CN 统一社会信用代码 lives is local practice). */
  taxIdColumns?: TcaTaxIdColumn[];
  /** A `HZ_PARTIES` column holding a short name (e.g. `KNOWN_AS`); not confirmed for EBS, so unmapped by default. */
  shortNameColumn?: string;
  /**
   * Default operating unit (`ORG_ID`): the org of every call that names none (an explicit org wins), and
   * the OU whose primary bill-to site gives address and org (EBS allows one per OU and account).
   */
  defaultOrg?: string;
  /**
   * Take the primary bill-to site (address, org) from this operating unit only (default: `defaultOrg`). An
   * account may have a primary bill-to site in each OU; without either, such an account is one row per site.
   */
  billToOrg?: string;
}

const active = (alias: string): Condition => ({ column: `${alias}.STATUS`, equals: 'A' });

/** The phone as typed (RAW_PHONE_NUMBER), else composed from its parts: `+86 010-62880001 x123`. */
const TCA_PHONE: ValueSpec = {
  coalesce: [
    'cp.RAW_PHONE_NUMBER',
    {
      concat: [{ column: 'cp.PHONE_COUNTRY_CODE', prefix: '+' }, { concat: ['cp.PHONE_AREA_CODE', 'cp.PHONE_NUMBER'], separator: '-' }, { column: 'cp.PHONE_EXTENSION', prefix: 'x' }],
      separator: ' ',
    },
  ],
};

/**
 * A Chinese address (COUNTRY 'CN') from the province down, as it is written in China: `广东省 深圳市
 * 南山区科技园路1号 518057`, a province equal to its city (北京市) once. Elsewhere from the street up:
 * `12 O'Connell Street, Dublin D01 F5P2` (lines, then city, state or province and postal code).
 */
const TCA_ADDRESS: ValueSpec = {
  when: { column: 'loc.COUNTRY', in: ['CN'] },
  then: {
    concat: [
      { column: 'loc.STATE', unless: { column: 'loc.STATE', equalsColumn: 'loc.CITY' } },
      { column: 'loc.PROVINCE', unless: { any: [{ column: 'loc.PROVINCE', equalsColumn: 'loc.CITY' }, { column: 'loc.PROVINCE', equalsColumn: 'loc.STATE' }] } },
      'loc.CITY',
      'loc.ADDRESS1',
      'loc.ADDRESS2',
      'loc.ADDRESS3',
      'loc.ADDRESS4',
      'loc.POSTAL_CODE',
    ],
    separator: ' ',
  },
  else: {
    concat: ['loc.ADDRESS1', 'loc.ADDRESS2', 'loc.ADDRESS3', 'loc.ADDRESS4', { concat: ['loc.CITY', 'loc.STATE', 'loc.PROVINCE', 'loc.POSTAL_CODE'], separator: ' ' }],
    separator: ', ',
  },
};

/**
 * EBS TCA: `HZ_CUST_ACCOUNTS` ⋈ `HZ_PARTIES`. Address from the primary bill-to account site
 * (`BILL_TO_FLAG = 'P'`) → `HZ_PARTY_SITES` → `HZ_LOCATIONS` (TCA_ADDRESS); phone from the party's primary
 * active PHONE contact point (TCA_PHONE). Accounts and parties are global; a customer is in operating unit X when it has
 * an active account site with `ORG_ID = X`. EBS inactivates instead of deleting: 'I' on the account or
 * the party is 'blocked'.
 */
export function tcaMapping(options: TcaMappingOptions = {}): TableMapping {
  const table = (name: string) => (options.schema ? `${options.schema}.${name}` : name);
  const billToOrg = options.billToOrg ?? options.defaultOrg;
  const name: ColumnRef | { coalesce: ColumnRef[] } =
    options.nameColumn === 'ACCOUNT_NAME' ? { coalesce: ['ca.ACCOUNT_NAME', 'p.PARTY_NAME'] } : 'p.PARTY_NAME';
  const taxIdColumns = (options.taxIdColumns ?? ['JGZZ_FISCAL_CODE', 'TAX_REFERENCE']).map((column) => `p.${column}`);
  const fields: TableMapping['fields'] = {
    name,
    taxId: taxIdColumns.length === 1 ? taxIdColumns[0]! : { coalesce: taxIdColumns },
    phone: TCA_PHONE,
    address: TCA_ADDRESS,
    category: 'ca.CUSTOMER_CLASS_CODE',
    createdAt: 'ca.CREATION_DATE',
    updatedAt: 'ca.LAST_UPDATE_DATE',
  };
  if (options.shortNameColumn !== undefined) fields.shortName = `p.${options.shortNameColumn}`;
  return {
    erp: 'oracle-ebs',
    table: table('HZ_CUST_ACCOUNTS'),
    alias: 'ca',
    joins: [
      { table: table('HZ_PARTIES'), alias: 'p', kind: 'inner', on: [['ca.PARTY_ID', 'p.PARTY_ID']] },
      {
        table: table('HZ_CUST_ACCT_SITES_ALL'),
        alias: 'bs',
        kind: 'left',
        on: [['ca.CUST_ACCOUNT_ID', 'bs.CUST_ACCOUNT_ID']],
        where: {
          all: [
            { column: 'bs.BILL_TO_FLAG', equals: 'P' },
            active('bs'),
            ...(billToOrg === undefined ? [] : [{ column: 'bs.ORG_ID', equals: Number(billToOrg) }]),
          ],
        },
      },
      { table: table('HZ_PARTY_SITES'), alias: 'ps', kind: 'left', on: [['bs.PARTY_SITE_ID', 'ps.PARTY_SITE_ID']] },
      { table: table('HZ_LOCATIONS'), alias: 'loc', kind: 'left', on: [['ps.LOCATION_ID', 'loc.LOCATION_ID']] },
      {
        table: table('HZ_CONTACT_POINTS'),
        alias: 'cp',
        kind: 'left',
        on: [['p.PARTY_ID', 'cp.OWNER_TABLE_ID']],
        where: {
          all: [
            { column: 'cp.OWNER_TABLE_NAME', equals: 'HZ_PARTIES' },
            { column: 'cp.CONTACT_POINT_TYPE', equals: 'PHONE' },
            { column: 'cp.PRIMARY_FLAG', equals: 'Y' },
            active('cp'),
          ],
        },
      },
    ],
    code: 'ca.ACCOUNT_NUMBER',
    codeForm: 'as-is',
    fields,
    status: { blocked: { any: [{ column: 'ca.STATUS', notEquals: 'A' }, { column: 'p.STATUS', notEquals: 'A' }] } },
    org: {
      kind: 'exists',
      scope: 'operating-unit',
      table: table('HZ_CUST_ACCT_SITES_ALL'),
      alias: 'os',
      on: [['ca.CUST_ACCOUNT_ID', 'os.CUST_ACCOUNT_ID']],
      column: 'os.ORG_ID',
      where: active('os'),
      value: 'bs.ORG_ID',
      withoutOrgDescription: 'the account itself (accounts are global); org = ORG_ID of its primary bill-to site',
      ...(options.defaultOrg === undefined ? {} : { defaultOrg: options.defaultOrg }),
    },
    // ORG_ID is a NUMBER: an org such as 'Vision Operations' or '0204' finds nothing instead of failing (ORA-01722).
    numericColumns: ['os.ORG_ID', 'bs.ORG_ID'],
    raw: [
      'ca.CUST_ACCOUNT_ID',
      'ca.ACCOUNT_NUMBER',
      'ca.ACCOUNT_NAME',
      'ca.STATUS',
      'ca.CUSTOMER_TYPE',
      'ca.CUSTOMER_CLASS_CODE',
      'p.PARTY_ID',
      'p.PARTY_NUMBER',
      'p.PARTY_NAME',
      'p.PARTY_TYPE',
      'bs.ORG_ID',
    ],
    // Both are the customer's name, whichever one nameColumn reads; ACCOUNT_NAME is often the short name too.
    rawCarries: { name: ['ca.ACCOUNT_NAME', 'p.PARTY_NAME'], shortName: ['ca.ACCOUNT_NAME'] },
  };
}
