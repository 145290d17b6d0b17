/**
 * Yonyou NC 6.x 客户基本信息 `bd_customer`, written by hand from erp-schemas.md §5 (not from the mapping or
 * the seeder). Live rows have nvl(dr,0)=0; enablestate 2 = 已启用. The optional columns (shortname,
 * taxpayerid, tel1, mnecode, creationtime, modifiedtime) are the NC_LIKELY_COLUMNS names, which §5 does not
 * confirm for customers; the source under test maps them. pk_org is the owning org (20-character key).
 *
 * Ambiguous in the documentation (§5, "numeric values 1 and 3 not directly confirmed"): enablestate 1
 * (未启用) and 3 (已停用). Neither lets the customer be used, so both are expected as `blocked`.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const GROUP = '0001A110000000000GRP';
const ORG_BJ = '0001A110000000001BJ1';
const ORG_SH = '0001A110000000002SH1';

const row = (values: Record<string, unknown>) => ({
  pk_group: GROUP,
  pk_org: ORG_BJ,
  pk_custclass: '1001A1100000000CLS01',
  issupplier: 'N',
  isfreecust: 'N',
  enablestate: 2,
  dr: 0,
  ts: '2024-09-01 10:00:00',
  shortname: null,
  taxpayerid: null,
  tel1: null,
  mnecode: null,
  creationtime: null,
  modifiedtime: null,
  ...values,
});

export const NC_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'nc-bd-customer',
  tables: {
    bd_customer: [
      row({
        pk_customer: '1001A110000000003RT1',
        code: 'C0001',
        name: '北京星辰科技有限公司',
        shortname: '星辰',
        taxpayerid: '91110108MA01ABCD1X',
        tel1: '010-62880001',
        mnecode: 'bjxckjyxgs',
        creationtime: '2024-08-01 09:30:00',
        modifiedtime: '2024-09-01 10:00:00',
      }),
      // Another org; 已停用.
      row({ pk_customer: '1001A110000000003RT2', pk_org: ORG_SH, code: 'C0002', name: '上海明辉贸易有限公司', enablestate: 3 }),
      // 未启用.
      row({ pk_customer: '1001A110000000003RT3', code: 'C0003', name: '新建未启用客户', enablestate: 1 }),
      // Deleted (dr = 1), although still enabled.
      row({ pk_customer: '1001A110000000003RT4', code: 'C0004', name: '已删除客户', dr: 1 }),
      // dr NULL is a live row (nvl(dr,0)=0); a leading space and full-width characters are kept as stored.
      row({ pk_customer: '1001A110000000003RT5', pk_org: ORG_SH, code: ' C0005', name: 'ＡＢＣ商贸有限公司', shortname: 'ＡＢＣ', dr: null }),
      row({ pk_customer: '1001A110000000003RT6', code: '', name: '无编码客户', tel1: '' }),
    ],
  },
  customers: [
    {
      source: 'nc',
      erp: 'yonyou-nc',
      code: 'C0001',
      name: '北京星辰科技有限公司',
      shortName: '星辰',
      taxId: '91110108MA01ABCD1X',
      phone: '010-62880001',
      status: 'active',
      createdAt: '2024-08-01T09:30:00',
      updatedAt: '2024-09-01T10:00:00',
      org: ORG_BJ,
    },
    { source: 'nc', erp: 'yonyou-nc', code: 'C0002', name: '上海明辉贸易有限公司', status: 'blocked', org: ORG_SH },
    { source: 'nc', erp: 'yonyou-nc', code: 'C0003', name: '新建未启用客户', status: 'blocked', org: ORG_BJ },
    { source: 'nc', erp: 'yonyou-nc', code: 'C0004', name: '已删除客户', status: 'deleted', org: ORG_BJ },
    { source: 'nc', erp: 'yonyou-nc', code: ' C0005', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', status: 'active', org: ORG_SH },
    { source: 'nc', erp: 'yonyou-nc', code: '', name: '无编码客户', status: 'active', org: ORG_BJ },
  ],
  lookups: [{ code: 'C0001', org: ORG_BJ }, { code: 'C0002', org: ORG_SH }],
  rawChecks: [
    { code: 'C0001', org: ORG_BJ, raw: { pk_customer: '1001A110000000003RT1', pk_group: GROUP, pk_org: ORG_BJ, mnecode: 'bjxckjyxgs' } },
    { code: ' C0005', org: ORG_SH, raw: { dr: null } },
  ],
};
