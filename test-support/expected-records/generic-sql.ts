/**
 * generic-sql over a classic `Customer` table, written by hand from the configuration the source is given
 * (GENERIC_SEED_COLUMNS / GENERIC_SEED_STATUS: Status 'B' blocked, 'D' deleted, anything else active),
 * not from the seeder. One row per customer and org (OrgID); category and region are stored as text.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const row = (values: Record<string, unknown>) => ({
  CustomerName: null,
  ShortName: null,
  TaxNo: null,
  Phone: null,
  Contact: null,
  Address: null,
  Category: null,
  Region: null,
  CreatedAt: null,
  UpdatedAt: null,
  OrgID: null,
  Status: 'A',
  ...values,
});

const acme = { CustomerName: 'Acme Trading Co., Ltd.', ShortName: 'ACME', TaxNo: '91440300MA5EXAMPLE', Phone: '+86 755 8888 0000', Contact: 'Li Lei', Address: 'Shenzhen', Category: 'Wholesale', Region: 'Guangdong', CreatedAt: '2020-05-05 10:00:00', UpdatedAt: '2024-01-02 03:04:05' };
const acmeRecord = {
  source: 'crm',
  erp: 'generic-sql' as const,
  code: 'A-100',
  name: 'Acme Trading Co., Ltd.',
  shortName: 'ACME',
  taxId: '91440300MA5EXAMPLE',
  phone: '+86 755 8888 0000',
  contact: 'Li Lei',
  address: 'Shenzhen',
  category: 'Wholesale',
  region: 'Guangdong',
  createdAt: '2020-05-05T10:00:00',
  updatedAt: '2024-01-02T03:04:05',
};

export const GENERIC_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'generic-sql',
  tables: {
    Customer: [
      // The same customer in two orgs, blocked in one.
      row({ CustomerID: 'A-100', ...acme, OrgID: '100001' }),
      row({ CustomerID: 'A-100', ...acme, OrgID: '100002', Status: 'B' }),
      row({ CustomerID: 'A-101', CustomerName: 'Deleted Ltd.', Status: 'D', OrgID: '100001' }),
      // A status value the configuration does not name, and none at all: active.
      row({ CustomerID: 'A-102', CustomerName: 'Unknown Status Ltd.', Status: 'X', OrgID: '100001' }),
      row({ CustomerID: ' A-103', CustomerName: 'ＡＢＣ商贸有限公司', Status: null, Phone: '', OrgID: '100002' }),
      row({ CustomerID: '', CustomerName: 'No Code Ltd.', OrgID: '100001' }),
    ],
  },
  customers: [
    { ...acmeRecord, status: 'active', org: '100001' },
    { ...acmeRecord, status: 'blocked', org: '100002' },
    { source: 'crm', erp: 'generic-sql', code: 'A-101', name: 'Deleted Ltd.', status: 'deleted', org: '100001' },
    { source: 'crm', erp: 'generic-sql', code: 'A-102', name: 'Unknown Status Ltd.', status: 'active', org: '100001' },
    { source: 'crm', erp: 'generic-sql', code: ' A-103', name: 'ＡＢＣ商贸有限公司', status: 'active', org: '100002' },
    { source: 'crm', erp: 'generic-sql', code: '', name: 'No Code Ltd.', status: 'active', org: '100001' },
  ],
  rawChecks: [{ code: 'A-100', org: '100002', raw: { Status: 'B' } }],
};
