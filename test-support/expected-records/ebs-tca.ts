/**
 * Oracle EBS TCA, written by hand from erp-schemas.md §3 (not from the mapping or the seeder): accounts
 * (HZ_CUST_ACCOUNTS) of parties (HZ_PARTIES), account sites per operating unit (HZ_CUST_ACCT_SITES_ALL.ORG_ID,
 * BILL_TO_FLAG 'P' = primary), party sites → locations, phone contact points. STATUS 'A'/'I' on account and
 * party; EBS inactivates instead of deleting, so no record is `deleted`. Dates are Oracle DATEs.
 * The address and phone text follow the adapter README's documented format (a Chinese address from the
 * province down, others from the street up; a phone without RAW_PHONE_NUMBER as `+country area-number`).
 * An empty ACCOUNT_NUMBER cannot exist (NOT NULL, and Oracle stores '' as NULL), so there is no such row.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const who = (created: string, updated = created) => ({ CREATED_BY: 0, CREATION_DATE: created, LAST_UPDATED_BY: 0, LAST_UPDATE_DATE: updated });
const W = who('2020-01-01 00:00:00');

const party = (id: number, name: string, status: string, tax: { JGZZ_FISCAL_CODE?: string; TAX_REFERENCE?: string } = {}) => ({
  PARTY_ID: id,
  PARTY_NUMBER: String(id + 9000),
  PARTY_NAME: name,
  PARTY_TYPE: 'ORGANIZATION',
  STATUS: status,
  JGZZ_FISCAL_CODE: tax.JGZZ_FISCAL_CODE ?? null,
  TAX_REFERENCE: tax.TAX_REFERENCE ?? null,
  KNOWN_AS: null,
  ORIG_SYSTEM_REFERENCE: `P${id}`,
  ...W,
});

const account = (id: number, partyId: number, number: string, status: string, classCode: string | null, dates: ReturnType<typeof who>) => ({
  CUST_ACCOUNT_ID: id,
  PARTY_ID: partyId,
  ACCOUNT_NUMBER: number,
  ACCOUNT_NAME: null,
  STATUS: status,
  CUSTOMER_TYPE: 'R',
  CUSTOMER_CLASS_CODE: classCode,
  ORIG_SYSTEM_REFERENCE: `A${id}`,
  ...dates,
});

const site = (id: number, accountId: number, partySiteId: number, orgId: number, status: string, billTo: string) => ({
  CUST_ACCT_SITE_ID: id,
  CUST_ACCOUNT_ID: accountId,
  PARTY_SITE_ID: partySiteId,
  ORG_ID: orgId,
  STATUS: status,
  BILL_TO_FLAG: billTo,
  SHIP_TO_FLAG: 'Y',
  ...W,
});

const location = (id: number, columns: Record<string, string>) => ({
  LOCATION_ID: id,
  ADDRESS2: null,
  ADDRESS3: null,
  ADDRESS4: null,
  CITY: null,
  POSTAL_CODE: null,
  STATE: null,
  PROVINCE: null,
  ...columns,
  ...W,
});

const phone = (id: number, partyId: number, status: string, primary: string, parts: Record<string, string>) => ({
  CONTACT_POINT_ID: id,
  CONTACT_POINT_TYPE: 'PHONE',
  STATUS: status,
  OWNER_TABLE_NAME: 'HZ_PARTIES',
  OWNER_TABLE_ID: partyId,
  PRIMARY_FLAG: primary,
  PHONE_COUNTRY_CODE: null,
  PHONE_AREA_CODE: null,
  PHONE_NUMBER: null,
  PHONE_EXTENSION: null,
  PHONE_LINE_TYPE: 'GEN',
  RAW_PHONE_NUMBER: null,
  EMAIL_ADDRESS: null,
  ...parts,
  ...W,
});

export const EBS_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'ebs-tca',
  tables: {
    HZ_PARTIES: [
      party(1, '北京星辰科技有限公司', 'A', { JGZZ_FISCAL_CODE: '91110108MA01ABCD1X' }),
      party(2, "O'Brien Trading Co., Ltd.", 'A', { TAX_REFERENCE: 'IE6388047V' }),
      party(3, '停用方客户', 'I'),
      party(4, 'ＡＢＣ商贸有限公司', 'A'),
    ],
    HZ_CUST_ACCOUNTS: [
      account(11, 1, '1001', 'A', 'WHOLESALE', who('2024-08-01 09:30:00', '2024-09-01 10:00:00')),
      // An inactive account of an active party.
      account(12, 2, 'C-200', 'I', null, who('2022-03-17 12:00:00')),
      // An active account of an inactive party; its number begins with a space.
      account(13, 3, ' 1003', 'A', null, who('2021-01-01 00:00:00')),
      account(14, 4, 'ＫＨ００４', 'A', 'RETAIL', who('2023-05-05 05:05:05')),
    ],
    HZ_PARTY_SITES: [
      { PARTY_SITE_ID: 31, PARTY_ID: 1, LOCATION_ID: 41, PARTY_SITE_NUMBER: '3001', STATUS: 'A', ...W },
      { PARTY_SITE_ID: 32, PARTY_ID: 2, LOCATION_ID: 42, PARTY_SITE_NUMBER: '3002', STATUS: 'A', ...W },
      { PARTY_SITE_ID: 34, PARTY_ID: 4, LOCATION_ID: 44, PARTY_SITE_NUMBER: '3004', STATUS: 'A', ...W },
    ],
    HZ_LOCATIONS: [
      location(41, { COUNTRY: 'CN', STATE: '北京市', CITY: '北京市', ADDRESS1: '海淀区中关村大街27号', POSTAL_CODE: '100080' }),
      location(42, { COUNTRY: 'IE', ADDRESS1: "12 O'Connell Street", CITY: 'Dublin', POSTAL_CODE: 'D01 F5P2' }),
      location(44, { COUNTRY: 'CN', STATE: '广东省', CITY: '深圳市', ADDRESS1: '南山区科技园路1号' }),
    ],
    HZ_CUST_ACCT_SITES_ALL: [
      // 1001: primary bill-to in operating unit 204, also a site in 205.
      site(51, 11, 31, 204, 'A', 'P'),
      site(52, 11, 31, 205, 'A', 'Y'),
      site(53, 12, 32, 205, 'A', 'P'),
      // ＫＨ００４: its primary bill-to site is inactive; an active ship-to site in 206 only.
      site(54, 14, 34, 204, 'I', 'P'),
      site(55, 14, 34, 206, 'A', 'Y'),
    ],
    HZ_CONTACT_POINTS: [
      phone(61, 1, 'A', 'Y', { RAW_PHONE_NUMBER: '010-62880001', PHONE_AREA_CODE: '010', PHONE_NUMBER: '62880001' }),
      // An old, inactive phone, which is not the customer's phone.
      phone(62, 1, 'I', 'N', { RAW_PHONE_NUMBER: '010-00000000' }),
      phone(63, 2, 'A', 'Y', { PHONE_COUNTRY_CODE: '353', PHONE_AREA_CODE: '1', PHONE_NUMBER: '555 0100' }),
    ],
  },
  customers: [
    {
      source: 'ebs',
      erp: 'oracle-ebs',
      code: '1001',
      name: '北京星辰科技有限公司',
      taxId: '91110108MA01ABCD1X',
      phone: '010-62880001',
      address: '北京市 海淀区中关村大街27号 100080',
      category: 'WHOLESALE',
      status: 'active',
      createdAt: '2024-08-01T09:30:00',
      updatedAt: '2024-09-01T10:00:00',
      org: '204',
    },
    {
      source: 'ebs',
      erp: 'oracle-ebs',
      code: 'C-200',
      name: "O'Brien Trading Co., Ltd.",
      taxId: 'IE6388047V',
      phone: '+353 1-555 0100',
      address: "12 O'Connell Street, Dublin D01 F5P2",
      status: 'blocked',
      createdAt: '2022-03-17T12:00:00',
      updatedAt: '2022-03-17T12:00:00',
      org: '205',
    },
    { source: 'ebs', erp: 'oracle-ebs', code: ' 1003', name: '停用方客户', status: 'blocked', createdAt: '2021-01-01T00:00:00', updatedAt: '2021-01-01T00:00:00' },
    { source: 'ebs', erp: 'oracle-ebs', code: 'ＫＨ００４', name: 'ＡＢＣ商贸有限公司', category: 'RETAIL', status: 'active', createdAt: '2023-05-05T05:05:05', updatedAt: '2023-05-05T05:05:05' },
  ],
  lookups: [{ code: '1001', org: '204' }, { code: 'C-200', org: '205' }],
  rawChecks: [
    { code: '1001', org: '204', raw: { ACCOUNT_NUMBER: '1001', PARTY_NUMBER: '9001', PARTY_TYPE: 'ORGANIZATION', CUSTOMER_TYPE: 'R', STATUS: 'A' } },
    { code: 'C-200', org: '205', raw: { STATUS: 'I', PARTY_NAME: "O'Brien Trading Co., Ltd." } },
  ],
};
