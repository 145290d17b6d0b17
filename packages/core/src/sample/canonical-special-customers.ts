import type { SeedCustomer } from './seed-customer.js';
import { breakUsccCheck, makeUscc } from './tax-id.js';

const wholesale = { code: '01', name: '批发客户' };
const retail = { code: '02', name: '零售客户' };
const overseas = { code: '03', name: '海外客户' };
const government = { code: '05', name: '政府机构' };
const beijing = { code: '11', name: '北京' };
const shanghai = { code: '31', name: '上海' };
const abroad = { code: '99', name: '海外' };

// Same company registered several times: one tax id, name variants (prefix, brackets, suffix, a typo).
const xingchenTaxId = makeUscc('110108', 55_500_001);
const minghuiTaxId = makeUscc('310115', 55_500_002);

/**
 * Hand-written records that exercise escaping, collation, ALPHA conversion, date boundaries and
 * duplicate detection. Codes here must stay unique across the whole canonical set.
 */
export function canonicalSpecialCustomers(): SeedCustomer[] {
  return [
    // LIKE wildcards, quotes and a backslash in names.
    { code: 'KH2024070001', name: '100%纯净水有限公司', shortName: '百分百纯净', category: retail, region: beijing, status: 'active', org: 'ORG1', createdAt: '2024-07-01T08:00:00', updatedAt: '2024-07-02T09:15:00', phone: '010-88886666' },
    { code: 'KH2024070002', name: 'A_B贸易公司', shortName: 'AB贸易', category: wholesale, region: shanghai, status: 'active', org: 'ORG1', createdAt: '2024-07-03T10:20:30', taxId: makeUscc('310115', 55_500_010) },
    { code: 'KH2024070003', name: 'AxB贸易公司', shortName: 'AXB贸易', category: wholesale, region: shanghai, status: 'active', org: 'ORG1', createdAt: '2024-07-03T10:25:00' },
    { code: 'C-200', name: "O'Brien Trading Co., Ltd.", shortName: 'OBRIEN', contact: "Sean O'Brien", category: overseas, region: abroad, status: 'active', org: 'ORG2', phone: '+353 1 555 0100', address: "12 O'Connell Street, Dublin", createdAt: '2022-03-17T12:00:00', updatedAt: '2024-03-17T12:00:00' },
    { code: 'C-201', name: 'Back\\Slash Data Ltd.', shortName: 'BACKSLASH', category: overseas, region: abroad, status: 'active', org: 'ORG1', createdAt: '2021-11-11T11:11:11' },
    { code: 'C-202', name: '"Quoted" Industries Ltd.', shortName: 'QUOTED', category: overseas, region: abroad, status: 'blocked', org: 'ORG1', createdAt: '2021-12-01T00:00:00' },
    { code: 'C-203', name: "Robert'); DROP TABLE Customer;-- Co.", shortName: 'BOBBY', category: overseas, region: abroad, status: 'active', org: 'ORG3', createdAt: '2020-02-29T23:59:59' },
    { code: 'C-204', name: 'Café Müller GmbH', shortName: 'CAFEMUELLR', contact: 'Anna Müller', category: overseas, region: abroad, status: 'active', org: 'ORG2', address: 'Königsallee 1, Düsseldorf', createdAt: '2023-01-02T03:04:05' },
    // Codes holding LIKE wildcards and a lower-case code (no other code differs from it only by case).
    { code: 'C_300', name: '下划线编码测试有限公司', shortName: '下划线', category: wholesale, region: beijing, status: 'active', org: 'ORG1', createdAt: '2023-05-05T05:05:05' },
    { code: 'C%301', name: '百分号编码测试有限公司', shortName: '百分号', category: wholesale, region: beijing, status: 'active', org: 'ORG1', createdAt: '2023-05-06T06:06:06' },
    { code: 'x-100', name: '小写编码客户有限公司', shortName: '小写编码', category: retail, region: shanghai, status: 'active', org: 'ORG1', createdAt: '2023-05-07T07:07:07' },
    // Duplicate-looking companies: one tax id, prefix/bracket/suffix variants and a typo.
    { code: 'KH2024080001', name: '北京星辰科技有限公司', shortName: '星辰北京', taxId: xingchenTaxId, contact: '王伟', phone: '010-62880001', address: '北京市海淀区中关村大街27号', category: wholesale, region: beijing, status: 'active', org: 'ORG1', alsoIn: ['ORG2', 'ORG3'], createdAt: '2024-08-01T09:00:00', updatedAt: '2024-09-01T09:00:00' },
    { code: 'KH2024080002', name: '星辰科技（北京）有限公司', shortName: '星辰科北', taxId: xingchenTaxId, contact: '王伟', phone: '010-62880001', category: wholesale, region: beijing, status: 'active', org: 'ORG2', createdAt: '2024-08-02T09:00:00' },
    { code: 'KH2024080003', name: '北京星辰科技有限公司（旧）', shortName: '星辰旧', taxId: xingchenTaxId, category: wholesale, region: beijing, status: 'blocked', org: 'ORG1', createdAt: '2019-03-01T09:00:00', updatedAt: '2024-08-01T08:59:00' },
    { code: '1050', name: '北京星辰科技有限责任公司', shortName: '星辰有责', taxId: xingchenTaxId, category: wholesale, region: beijing, status: 'deleted', org: 'ORG3', createdAt: '2018-06-30T12:00:00', updatedAt: '2020-01-01T00:00:00' },
    { code: 'KH2024080004', name: '北京星晨科技有限公司', shortName: '星晨', category: wholesale, region: beijing, status: 'active', org: 'ORG1', createdAt: '2024-08-04T09:00:00' },
    { code: 'KH2024090001', name: '上海明辉贸易有限公司', shortName: '明辉上海', taxId: minghuiTaxId, category: wholesale, region: shanghai, status: 'active', org: 'ORG1', createdAt: '2024-09-01T10:00:00' },
    { code: 'KH2024090002', name: '明辉贸易(上海)有限公司', shortName: '明辉半角', taxId: minghuiTaxId, category: wholesale, region: shanghai, status: 'active', org: 'ORG2', createdAt: '2024-09-02T10:00:00' },
    { code: 'KH2024090003', name: '上海明辉贸易有限公司（停用）', shortName: '明辉停用', category: wholesale, region: shanghai, status: 'deleted', org: 'ORG1', createdAt: '2024-09-03T10:00:00' },
    { code: 'C-210', name: 'Acme Trading Co., Ltd.', shortName: 'ACMETRADE', taxId: makeUscc('440305', 55_500_003), category: overseas, region: abroad, status: 'active', org: 'ORG1', createdAt: '2020-05-05T10:00:00' },
    { code: 'C-211', name: 'ACME TRADING CO LTD', shortName: 'ACMEUPPER', taxId: makeUscc('440305', 55_500_003), category: overseas, region: abroad, status: 'blocked', org: 'ORG2', createdAt: '2021-05-05T10:00:00' },
    { code: 'C-212', name: 'Acme Trading Company Limited', shortName: 'ACMELIMITD', category: overseas, region: abroad, status: 'active', org: 'ORG3', createdAt: '2022-05-05T10:00:00' },
    // Supplementary-plane character (utf8mb4, UTF-16 surrogates), full-width letters, a long name.
    { code: 'KH2024100001', name: '𠮷野家餐饮管理有限公司', shortName: '𠮷野家', category: retail, region: shanghai, status: 'active', org: 'ORG1', createdAt: '2024-10-01T11:00:00' },
    { code: 'KH2024100002', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ商贸', category: retail, region: shanghai, status: 'active', org: 'ORG1', createdAt: '2024-10-02T11:00:00' },
    {
      code: 'KH2024100003',
      name: '中国长城国际工程技术咨询与供应链管理服务（深圳前海深港现代服务业合作区）股份有限公司第一分公司',
      shortName: '长城前海',
      category: government,
      region: { code: '44', name: '广东' },
      status: 'active',
      org: 'ORG1',
      address: '深圳市前海深港合作区前湾一路1号A栋201室',
      createdAt: '2024-10-03T11:00:00',
    },
    // Date boundaries for createdTo (a bare date includes the whole day) and a record without dates.
    { code: 'KH2023060099', name: '成都年中结算有限公司', shortName: '年中结算', category: retail, region: { code: '51', name: '四川' }, status: 'active', org: 'ORG1', createdAt: '2023-06-30T23:59:59' },
    { code: 'KH2023070001', name: '成都下半年有限公司', shortName: '下半年', category: retail, region: { code: '51', name: '四川' }, status: 'active', org: 'ORG1', createdAt: '2023-07-01T00:00:00', updatedAt: '2023-07-01T00:00:00' },
    { code: 'M-1', name: 'Minimal Customer', status: 'active', org: 'ORG1' },
    { code: 'M-2', name: '税号错误客户', shortName: '税号错误', status: 'blocked', org: 'ORG2', taxId: breakUsccCheck(makeUscc('110108', 55_500_004)) },
  ];
}
