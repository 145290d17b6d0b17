/**
 * Yonyou U8 客户档案, written by hand from erp-schemas.md §4.1 (not from the mapping or the seeder):
 * `Customer` with 客户分类 `CustomerClass` and 地区分类 `DistrictClass` (leaf classes, bCCEnd/bDCEnd = 1).
 * U8 keeps one account set per database, so no record has an org. Dates are SQL Server datetimes.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const customer = (row: Record<string, unknown>) => ({
  cCCCode: null,
  cDCCode: null,
  cCusAddress: null,
  cCusRegCode: null,
  cCusPerson: null,
  cCusPhone: null,
  cCusMnemCode: null,
  dEndDate: null,
  dCusCreateDatetime: null,
  dModifyDate: null,
  bCusState: 0,
  bCusDomestic: 1,
  bCusOverseas: 0,
  ...row,
});

export const U8_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'u8-customer',
  tables: {
    CustomerClass: [
      { cCCCode: '01', cCCName: '批发客户', iCCGrade: 1, bCCEnd: 1 },
      { cCCCode: '02', cCCName: '零售客户', iCCGrade: 1, bCCEnd: 1 },
    ],
    DistrictClass: [{ cDCCode: '11', cDCName: '北京', iDCGrade: 1, bDCEnd: 1 }],
    Customer: [
      customer({
        cCusCode: '0001',
        cCusName: '北京星辰科技有限公司',
        cCusAbbName: '星辰',
        cCCCode: '01',
        cDCCode: '11',
        cCusAddress: '北京市海淀区中关村大街27号',
        cCusRegCode: '91110108MA01ABCD1X',
        cCusPerson: '王伟',
        cCusPhone: '010-62880001',
        cCusMnemCode: 'bjxckjyxgs',
        dCusCreateDatetime: '2024-08-01 09:30:00',
        dModifyDate: '2024-09-01 10:00:00',
      }),
      // 停用日期 set: the customer is stopped.
      customer({ cCusCode: '0002', cCusName: '上海明辉贸易有限公司', cCusAbbName: '明辉', cCCCode: '02', dEndDate: '2024-06-30 00:00:00', dCusCreateDatetime: '2019-03-01 08:00:00' }),
      // Planted problems: an empty code, a leading space, full-width characters, blank text columns.
      customer({ cCusCode: '', cCusName: '无编码客户', cCusAbbName: '无编码', cCusPhone: '' }),
      customer({ cCusCode: ' 0004', cCusName: '前导空格客户', cCusAbbName: '前导空格', cCusAddress: '  ' }),
      customer({ cCusCode: 'ＫＨ００５', cCusName: 'ＡＢＣ商贸有限公司', cCusAbbName: 'ＡＢＣ商贸', cCCCode: '01', cCusPerson: 'Ｌｉ' }),
    ],
  },
  customers: [
    {
      source: 'u8',
      erp: 'yonyou-u8',
      code: '0001',
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
    { source: 'u8', erp: 'yonyou-u8', code: '0002', name: '上海明辉贸易有限公司', shortName: '明辉', category: '零售客户', status: 'blocked', createdAt: '2019-03-01T08:00:00' },
    { source: 'u8', erp: 'yonyou-u8', code: '', name: '无编码客户', shortName: '无编码', status: 'active' },
    { source: 'u8', erp: 'yonyou-u8', code: ' 0004', name: '前导空格客户', shortName: '前导空格', status: 'active' },
    { source: 'u8', erp: 'yonyou-u8', code: 'ＫＨ００５', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ商贸', contact: 'Ｌｉ', category: '批发客户', status: 'active' },
  ],
  lookups: [{ code: '0001' }, { code: ' 0002 ' }],
  rawChecks: [
    { code: '0001', raw: { cCusCode: '0001', cCCCode: '01', cDCCode: '11', cCusMnemCode: 'bjxckjyxgs', dEndDate: null } },
    { code: 'ＫＨ００５', raw: { cCusCode: 'ＫＨ００５', cCCCode: '01', cDCCode: null } },
  ],
};
