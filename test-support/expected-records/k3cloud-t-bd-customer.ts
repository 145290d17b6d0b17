/**
 * Kingdee K/3 Cloud 客户, written by hand from erp-schemas.md §6 (not from the mapping or the seeder):
 * T_BD_CUSTOMER with its 2052 (zh-CN) names in T_BD_CUSTOMER_L, 客户分组 and 地区 (assistant data). After
 * 分配 the same FNUMBER exists once per use-org (FUSEORGID), each its own record. FDOCUMENTSTATUS C =
 * 已审核; other states (Z/A/B/D) are not usable, like FFORBIDSTATUS B (禁用): both are `blocked`.
 * The same rows are read through SQL and through the WebAPI emulator's ExecuteBillQuery.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const ORG_MAIN = 1;
const ORG_SALES = 100002;
const BEIJING = 'b1d2f3a4-0000-4000-8000-000000000011';

const customer = (values: Record<string, unknown>) => ({
  FMASTERID: values.FCUSTID,
  FCREATEORGID: ORG_MAIN,
  FUSEORGID: ORG_MAIN,
  FDOCUMENTSTATUS: 'C',
  FFORBIDSTATUS: 'A',
  FTAXREGISTERCODE: null,
  FTEL: null,
  FADDRESS: null,
  FPRIMARYGROUP: 0,
  FPROVINCIAL: ' ',
  FCREATEDATE: null,
  FMODIFYDATE: null,
  ...values,
});

const names = (id: number, customerId: number, name: string, shortName: string | null = null) => ({ FPKID: id, FCUSTID: customerId, FLOCALEID: 2052, FNAME: name, FSHORTNAME: shortName });

const xingchen = {
  FNUMBER: 'CUST0001',
  FTAXREGISTERCODE: '91110108MA01ABCD1X',
  FTEL: '010-62880001',
  FADDRESS: '北京市海淀区中关村大街27号',
  FPRIMARYGROUP: 200001,
  FPROVINCIAL: BEIJING,
  FCREATEDATE: '2024-08-01 09:30:00',
  FMODIFYDATE: '2024-09-01 10:00:00',
};

export const K3CLOUD_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'k3cloud-t-bd-customer',
  tables: {
    T_BD_CUSTOMER: [
      // Created in the main org and distributed (分配) to the sales org: two rows, one FMASTERID.
      customer({ FCUSTID: 100101, ...xingchen }),
      customer({ FCUSTID: 100102, FMASTERID: 100101, FUSEORGID: ORG_SALES, ...xingchen }),
      // 审核中 (not audited yet).
      customer({ FCUSTID: 100103, FNUMBER: 'CUST0002', FDOCUMENTSTATUS: 'B', FCREATEDATE: '2024-10-01 08:00:00' }),
      // Audited, then 禁用.
      customer({ FCUSTID: 100104, FNUMBER: 'CUST0003', FFORBIDSTATUS: 'B', FCREATEORGID: ORG_SALES, FUSEORGID: ORG_SALES }),
      // Planted problems: a leading space with full-width text, and no number at all.
      customer({ FCUSTID: 100105, FNUMBER: ' CUST0004', FTEL: '' }),
      customer({ FCUSTID: 100106, FNUMBER: '' }),
    ],
    T_BD_CUSTOMER_L: [
      names(1, 100101, '北京星辰科技有限公司', '星辰'),
      { FPKID: 2, FCUSTID: 100101, FLOCALEID: 1033, FNAME: 'Beijing Xingchen Technology Co., Ltd.', FSHORTNAME: 'Xingchen' },
      names(3, 100102, '北京星辰科技有限公司', '星辰'),
      names(4, 100103, '审核中客户'),
      names(5, 100104, '禁用客户'),
      names(6, 100105, 'ＡＢＣ商贸有限公司', 'ＡＢＣ'),
      names(7, 100106, '无编码客户'),
    ],
    T_BD_CUSTOMERGROUP: [{ FID: 200001, FNUMBER: 'G01', FPARENTID: 0 }],
    T_BD_CUSTOMERGROUP_L: [
      { FPKID: 1, FID: 200001, FLOCALEID: 2052, FNAME: '批发客户' },
      { FPKID: 2, FID: 200001, FLOCALEID: 1033, FNAME: 'Wholesale' },
    ],
    T_BAS_ASSISTANTDATAENTRY: [{ FENTRYID: BEIJING, FID: 'region-type', FNUMBER: '11', FDOCUMENTSTATUS: 'C', FFORBIDSTATUS: 'A' }],
    T_BAS_ASSISTANTDATAENTRY_L: [{ FPKID: `${BEIJING}-0`, FENTRYID: BEIJING, FLOCALEID: 2052, FDATAVALUE: '北京' }],
  },
  customers: [
    ...[ORG_MAIN, ORG_SALES].map((org) => ({
      source: 'k3cloud',
      erp: 'kingdee-k3cloud' as const,
      code: 'CUST0001',
      name: '北京星辰科技有限公司',
      shortName: '星辰',
      taxId: '91110108MA01ABCD1X',
      phone: '010-62880001',
      address: '北京市海淀区中关村大街27号',
      category: '批发客户',
      region: '北京',
      status: 'active' as const,
      createdAt: '2024-08-01T09:30:00',
      updatedAt: '2024-09-01T10:00:00',
      org: String(org),
    })),
    { source: 'k3cloud', erp: 'kingdee-k3cloud', code: 'CUST0002', name: '审核中客户', status: 'blocked', createdAt: '2024-10-01T08:00:00', org: String(ORG_MAIN) },
    { source: 'k3cloud', erp: 'kingdee-k3cloud', code: 'CUST0003', name: '禁用客户', status: 'blocked', org: String(ORG_SALES) },
    { source: 'k3cloud', erp: 'kingdee-k3cloud', code: ' CUST0004', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', status: 'active', org: String(ORG_MAIN) },
    { source: 'k3cloud', erp: 'kingdee-k3cloud', code: '', name: '无编码客户', status: 'active', org: String(ORG_MAIN) },
  ],
  // Without an org, the creating org's own row stands for a distributed customer.
  lookups: [{ code: 'CUST0001', org: String(ORG_MAIN) }, { code: 'CUST0003', org: String(ORG_SALES) }],
  rawChecks: [
    { code: 'CUST0001', org: String(ORG_SALES), raw: { FCUSTID: 100102, FCREATEORGID: ORG_MAIN, FUSEORGID: ORG_SALES, FDOCUMENTSTATUS: 'C' } },
    { code: 'CUST0002', org: String(ORG_MAIN), raw: { FDOCUMENTSTATUS: 'B', FFORBIDSTATUS: 'A' } },
  ],
};
