/**
 * SAP customer master, written by hand from erp-schemas.md §2 (not from the mapping or the seeder): KNA1
 * (general data) with company-code data in KNB1, read per company code (org = BUKRS). KUNNR is stored in
 * ALPHA internal form ('0000001000') and shown without the leading zeros (§2.4). Central flags (§2.2) and
 * company-code flags (§2.3) both count: LOEVM 'X' deleted, SPERR 'X' or an AUFSD reason blocked. ERDAT is
 * DATS (YYYYMMDD). Region and account-group names come from T005U and T077X in the logon language.
 * KUNNR is a key, so there is no empty or blank code. The address text (`STRAS, PSTLZ ORT01`) follows the
 * adapter README's documented format.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const kna1 = (values: Record<string, string>) => ({
  LAND1: 'CN',
  NAME1: '',
  NAME2: '',
  SORTL: '',
  STCD1: '',
  STCEG: '',
  TELF1: '',
  STRAS: '',
  ORT01: '',
  PSTLZ: '',
  REGIO: '',
  KTOKD: 'KUNA',
  ERDAT: '00000000',
  ERNAM: 'MIGRATION',
  LOEVM: '',
  SPERR: '',
  AUFSD: '',
  SPRAS: '1',
  ...values,
});

const knb1 = (KUNNR: string, BUKRS: string, flags: { SPERR?: string; LOEVM?: string } = {}) => ({
  KUNNR,
  BUKRS,
  SPERR: flags.SPERR ?? '',
  LOEVM: flags.LOEVM ?? '',
  ERDAT: '20240801',
  ERNAM: 'MIGRATION',
  AKONT: '0000140000',
  ZTERM: '0001',
});

const xingchen = {
  source: 'sap',
  erp: 'sap' as const,
  code: '1000',
  name: '北京星辰科技有限公司',
  shortName: '星辰',
  taxId: '91110108MA01ABCD1X',
  phone: '010-62880001',
  address: '中关村大街27号, 100080 北京市',
  category: '国内客户',
  region: '北京',
  createdAt: '2024-08-01T00:00:00',
};

export const SAP_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'sap-kna1',
  tables: {
    KNA1: [
      // An 18-character USCC does not fit STCD1 (CHAR16): it is held in STCEG (CHAR20).
      kna1({
        KUNNR: '0000001000',
        NAME1: '北京星辰科技有限公司',
        SORTL: '星辰',
        STCEG: '91110108MA01ABCD1X',
        TELF1: '010-62880001',
        STRAS: '中关村大街27号',
        PSTLZ: '100080',
        ORT01: '北京市',
        REGIO: '110',
        ERDAT: '20240801',
      }),
      kna1({ KUNNR: 'C-200', LAND1: 'IE', NAME1: "O'Brien Trading Co., Ltd.", SORTL: 'OBRIEN', STCD1: 'IE6388047V', KTOKD: 'KUAU', LOEVM: 'X', ERDAT: '20220317' }),
      kna1({ KUNNR: '0000001002', NAME1: 'ＡＢＣ商贸有限公司', SORTL: 'ＡＢＣ', AUFSD: '01', ERDAT: '20230505' }),
      // No company-code data: not a customer of any company code.
      kna1({ KUNNR: '0000001003', NAME1: '仅销售视图客户', SPERR: 'X' }),
    ],
    KNB1: [
      knb1('0000001000', '1000'),
      knb1('0000001000', '2000', { SPERR: 'X' }),
      knb1('C-200', '1000'),
      knb1('0000001002', '1000'),
      knb1('0000001002', '3000', { LOEVM: 'X' }),
    ],
    KNVV: [{ KUNNR: '0000001003', VKORG: '1000', VTWEG: '10', SPART: '00', ERDAT: '20240801', ERNAM: 'MIGRATION', KDGRP: '01', WAERS: 'CNY' }],
    T005U: [{ SPRAS: '1', LAND1: 'CN', BLAND: '110', BEZEI: '北京' }],
    T077X: [
      { SPRAS: '1', KTOKD: 'KUNA', TXT30: '国内客户' },
      { SPRAS: '1', KTOKD: 'KUAU', TXT30: '海外客户' },
      { SPRAS: 'E', KTOKD: 'KUNA', TXT30: 'Domestic customers' },
    ],
  },
  customers: [
    { ...xingchen, status: 'active', org: '1000' },
    // Posting block for company code 2000 only.
    { ...xingchen, status: 'blocked', org: '2000' },
    { source: 'sap', erp: 'sap', code: 'C-200', name: "O'Brien Trading Co., Ltd.", shortName: 'OBRIEN', taxId: 'IE6388047V', category: '海外客户', status: 'deleted', createdAt: '2022-03-17T00:00:00', org: '1000' },
    { source: 'sap', erp: 'sap', code: '1002', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', category: '国内客户', status: 'blocked', createdAt: '2023-05-05T00:00:00', org: '1000' },
    // Central order block, and marked for deletion in company code 3000: deleted there.
    { source: 'sap', erp: 'sap', code: '1002', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', category: '国内客户', status: 'deleted', createdAt: '2023-05-05T00:00:00', org: '3000' },
  ],
  rawChecks: [
    { code: '1000', org: '1000', raw: { KUNNR: '0000001000', STCEG: '91110108MA01ABCD1X', REGIO: '110' } },
    { code: 'C-200', org: '1000', raw: { KUNNR: 'C-200', LOEVM: 'X' } },
  ],
};
