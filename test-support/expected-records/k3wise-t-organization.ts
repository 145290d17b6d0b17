/**
 * Kingdee K/3 WISE 客户, written by hand from erp-schemas.md §7 (not from the mapping or the seeder):
 * detail items (FDetail = 1) of item class 1 in t_Item, their t_Organization row, group items (FDetail = 0)
 * as 客户分类, regions in t_SubMessage, dates in t_BaseProperty. FDeleted = 1 is a deleted customer. One
 * account set per database, so no org. FNumber is hierarchical (parent number, '.', segment).
 *
 * Ambiguous in the documentation: §7 says only "FStatus (→ t_SubMessage)". The status ids used here,
 * 1072 = 使用 and 1074 = 冻结, are those of a standard account set (the adapter README's source); a site
 * with other t_SubMessage ids would read every customer as blocked. The tax number column (FTaxNum) is
 * "not confirmed" in §7.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const item = (id: number, number: string, name: string, shape: { parent?: number; detail?: number; deleted?: number; itemClass?: number } = {}) => ({
  FItemID: id,
  FItemClassID: shape.itemClass ?? 1,
  FNumber: number,
  FName: name,
  FFullNumber: number,
  FShortNumber: number.split('.').pop(),
  FParentID: shape.parent ?? 0,
  FLevel: shape.parent ? 2 : 1,
  FDetail: shape.detail ?? 1,
  FDeleted: shape.deleted ?? 0,
});

const organization = (id: number, number: string, name: string, values: Record<string, unknown> = {}) => ({
  FItemID: id,
  FNumber: number,
  FName: name,
  FShortName: null,
  FTaxNum: null,
  FAddress: null,
  FStatus: 1072,
  FRegionID: 0,
  FContact: null,
  FPhone: null,
  FHelpCode: null,
  FDeleted: 0,
  ...values,
});

export const K3WISE_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'k3wise-t-organization',
  tables: {
    t_Item: [
      item(1001, '01', '批发客户', { detail: 0 }),
      item(1002, '01.001', '北京星辰科技有限公司', { parent: 1001 }),
      item(1003, '01.002', '已删除客户', { parent: 1001, deleted: 1 }),
      item(1004, '01.003', '冻结客户', { parent: 1001 }),
      item(1005, ' 02.001', 'ＡＢＣ商贸有限公司'),
      item(1006, '', '无编码客户'),
      // A material (item class 4) with a customer's number: not a customer.
      item(1007, '01.001', '物料 01.001', { itemClass: 4 }),
    ],
    t_Organization: [
      organization(1002, '01.001', '北京星辰科技有限公司', {
        FShortName: '星辰',
        FTaxNum: '91110108MA01ABCD1X',
        FAddress: '北京市海淀区中关村大街27号',
        FRegionID: 40001,
        FContact: '王伟',
        FPhone: '010-62880001',
        FHelpCode: 'bjxckjyxgs',
      }),
      organization(1003, '01.002', '已删除客户', { FDeleted: 1 }),
      organization(1004, '01.003', '冻结客户', { FStatus: 1074, FTaxNum: '' }),
      organization(1005, ' 02.001', 'ＡＢＣ商贸有限公司', { FShortName: 'ＡＢＣ' }),
      organization(1006, '', '无编码客户'),
    ],
    t_BaseProperty: [
      { FTypeID: 3, FItemID: 1002, FCreateDate: '2024-08-01 09:30:00', FCreateUser: 'administrator', FLastModDate: '2024-09-01 10:00:00', FLastModUser: 'administrator' },
      // A property row of another type (not 核算项目) for the same id: not this customer's dates.
      { FTypeID: 4, FItemID: 1004, FCreateDate: '2000-01-01 00:00:00', FCreateUser: 'administrator', FLastModDate: null, FLastModUser: null },
    ],
    t_SubMessage: [{ FInterID: 40001, FID: '11', FName: '北京', FParentID: 0, FTypeID: 26, FDeleted: 0 }],
  },
  customers: [
    {
      source: 'k3wise',
      erp: 'kingdee-k3wise',
      code: '01.001',
      name: '北京星辰科技有限公司',
      shortName: '星辰',
      taxId: '91110108MA01ABCD1X',
      phone: '010-62880001',
      contact: '王伟',
      address: '北京市海淀区中关村大街27号',
      category: '批发客户',
      region: '北京',
      status: 'active',
      createdAt: '2024-08-01T09:30:00',
      updatedAt: '2024-09-01T10:00:00',
    },
    { source: 'k3wise', erp: 'kingdee-k3wise', code: '01.002', name: '已删除客户', category: '批发客户', status: 'deleted' },
    { source: 'k3wise', erp: 'kingdee-k3wise', code: '01.003', name: '冻结客户', category: '批发客户', status: 'blocked' },
    { source: 'k3wise', erp: 'kingdee-k3wise', code: ' 02.001', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', status: 'active' },
    { source: 'k3wise', erp: 'kingdee-k3wise', code: '', name: '无编码客户', status: 'active' },
  ],
  lookups: [{ code: '01.001' }, { code: '01.003' }],
  rawChecks: [{ code: '01.001', raw: { FItemID: 1002, FParentID: 1001, FStatus: 1072, FHelpCode: 'bjxckjyxgs' } }],
};
