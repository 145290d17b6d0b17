import type { TableMapping } from '@custcode/sql';

/** A U8-like mapping with a join, coalesce, concat, matchAlso, a mnemonic, status flags and an org column. */
export const GOLDEN_MAPPING: TableMapping = {
  erp: 'yonyou-u8',
  table: 'dbo.Customer',
  alias: 'c',
  joins: [{ table: 'dbo.CustomerClass', alias: 'k', kind: 'left', on: [['c.cCCCode', 'k.cCCCode']] }],
  where: { column: 'c.cCusCode', isNotBlank: true },
  code: 'c.cCusCode',
  fields: {
    name: 'c.cCusName',
    shortName: { coalesce: ['c.cCusAbbName', 'c.cCusName'] },
    phone: 'c.cCusPhone',
    address: { concat: ['c.cCusAddress', 'c.cCusPostCode'], separator: ' ' },
    category: { value: 'k.cCCName', matchAlso: ['c.cCCCode'] },
    region: 'c.cDCCode',
    createdAt: 'c.dCusCreateDatetime',
    updatedAt: 'c.dModifyDate',
  },
  mnemonic: 'c.cCusMnemCode',
  status: { deleted: { column: 'c.dEndDate', isNotNull: true }, blocked: { column: 'c.cFrozen', equals: 'Y' } },
  org: { kind: 'column', column: 'c.cOrg', scope: 'org', withoutOrg: { column: 'c.bHome', equals: 1 }, withoutOrgDescription: 'the home row' },
  raw: ['c.cCusCode', 'c.dEndDate'],
};

/** An EBS-like mapping whose org is an EXISTS over a site table. */
export const EXISTS_MAPPING: TableMapping = {
  erp: 'oracle-ebs',
  table: 'AR.HZ_CUST_ACCOUNTS',
  alias: 'ca',
  code: 'ca.ACCOUNT_NUMBER',
  fields: { name: 'ca.ACCOUNT_NAME' },
  status: { blocked: { column: 'ca.STATUS', notEquals: 'A' } },
  org: {
    kind: 'exists',
    scope: 'operating-unit',
    table: 'AR.HZ_CUST_ACCT_SITES_ALL',
    alias: 's',
    on: [['s.CUST_ACCOUNT_ID', 'ca.CUST_ACCOUNT_ID']],
    column: 's.ORG_ID',
    where: { column: 's.STATUS', equals: 'A' },
    withoutOrgDescription: 'the account, whatever its sites',
  },
  raw: ['ca.CUST_ACCOUNT_ID'],
};
