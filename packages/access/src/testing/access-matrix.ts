import type { RowFilter } from '../access-policy-schema.js';
import type { Customer } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { pinyinInitials } from '@custcode/core/adapter';

const wholesale = { code: '01', name: '批发客户' };
const retail = { code: '02', name: '零售客户' };
const beijing = { code: '11', name: '北京' };
const yunnan = { code: '53', name: '云南' };

/**
 * Customers for the access matrices: the odd records row filters must hold on (one code in several orgs,
 * a lower-case code, a leading space, an empty code, a full-width letter, all-digit codes that SAP stores
 * with leading zeros, a code the issue names, no creation date, a creation time on a day boundary), and
 * maskable values that occur nowhere else — no value, pinyin initials or phone number is part of another
 * field — so that finding one in any output means a mask leaked. Values fit SAP's KNA1 widths.
 */
export function accessMatrixSeed(): SeedCustomer[] {
  const base = (code: string, index: number, extra: Partial<SeedCustomer>): SeedCustomer => ({
    code,
    name: NAMES[index]!,
    shortName: SHORT_NAMES[index]!,
    contact: CONTACTS[index]!,
    address: ADDRESSES[index]!,
    phone: `0${571 + index}-8602${String(1000 + index * 37)}`,
    taxId: `913301${String(10 + index)}MA27Y8X${String.fromCharCode(65 + index)}3K`,
    category: wholesale,
    region: beijing,
    status: 'active',
    org: 'ORG1',
    ...extra,
  });
  return [
    base('C001', 0, { alsoIn: ['ORG2'], createdAt: '2024-02-10T09:00:00', updatedAt: '2024-05-01T10:00:00' }),
    base('c002', 1, { category: retail, region: yunnan, org: 'ORG2', createdAt: '2023-12-31T23:59:59' }),
    base(' C003', 2, { createdAt: '2024-03-01T08:00:00' }),
    base('', 3, { createdAt: '2024-04-01T08:00:00' }),
    base('KH2015', 4, { createdAt: '2015-05-05T12:00:00' }),
    base('1050', 5, { category: retail, region: yunnan, org: 'ORG3', status: 'blocked', createdAt: '2024-01-01T00:00:00' }),
    base('0042', 6, { org: 'ORG2', createdAt: '2022-08-08T08:08:08' }),
    base('Ｃ004', 7, { category: retail, createdAt: '2024-07-07T07:00:00' }),
    base('KH2016', 8, { category: retail, region: yunnan, org: 'ORG3', status: 'deleted' }),
    base('C005', 9, { status: 'blocked', alsoIn: ['ORG3'], createdAt: '2024-06-30T18:00:00' }),
  ];
}

const NAMES = [
  '丰贝澜贸易有限公司', '北京华信达科技有限公司', '云岭茶业集团有限公司', '青川木业股份有限公司', '沧浪船舶工程有限公司',
  '雁荡山泉饮品有限公司', '琼州椰林食品有限公司', '敦煌飞天文旅有限公司', '漓江竹筏旅游有限公司', '婺源徽墨文具有限公司',
];
const SHORT_NAMES = ['澜庭商行', '信达云端', '滇红茶坊', '锦里木作', '沧浪号', '灵峰泉', '椰风坊', '鸣沙驿', '竹排坞', '墨香斋'];
const CONTACTS = ['欧阳明月', '司马青衫', '诸葛孔明', '上官婉儿', '慕容秋水', '东方既白', '南宫长风', '独孤求败', '皇甫云舒', '令狐冲霄'];
const ADDRESSES = [
  '杭州市西湖区文三路478号', '海淀区知春路甲48号', '昆明市盘龙区北京路1066号', '成都市武侯区人民南路四段9号', '苏州市姑苏区人民路2号',
  '温州市乐清市雁荡镇响岭头村', '海口市美兰区海府路88号', '敦煌市沙州镇鸣山路16号', '桂林市阳朔县西街77号', '上饶市婺源县紫阳镇文公路3号',
];

/** One row-filter field: role filter values (taken from a layout's records, so that org ids match the ERP) and what lies inside each. */
export interface RowFilterCase<Key extends keyof RowFilter> {
  values(records: readonly Customer[]): Array<NonNullable<RowFilter[Key]>>;
  /** Whether a record is inside the filter, decided here independently of the code under test. */
  within(customer: Customer, value: NonNullable<RowFilter[Key]>): boolean;
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 19);
const orgOf = (records: readonly Customer[], code: string) => records.find((record) => record.code === code && record.org !== undefined)?.org;

/**
 * Every row-filter field (a field missing here is a type error): codes are compared as shown, ignoring case,
 * with the prefix typed in any width (`ｃ00` is `c00`); `00` must not match SAP's stored `0000001050`.
 */
export const ROW_FILTER_CASES: { [Key in keyof RowFilter]-?: RowFilterCase<Key> } = {
  org: {
    values: (records) => [orgOf(records, 'C001'), orgOf(records, 'KH2016')].filter((org): org is string => org !== undefined),
    within: (customer, org) => customer.org === org,
  },
  category: { values: () => [wholesale.name], within: (customer, category) => customer.category === category },
  region: { values: () => [yunnan.name], within: (customer, region) => customer.region === region },
  status: {
    values: () => ['active', ['blocked', 'deleted']],
    within: (customer, status) => (Array.isArray(status) ? status : [status]).includes(customer.status),
  },
  codePrefix: {
    values: () => ['ｃ00', '10', '00', 'KH2015'],
    within: (customer, prefix) => customer.code.toLowerCase().startsWith(prefix.normalize('NFKC').trim().toLowerCase()),
  },
  createdFrom: { values: () => ['2024-01-01'], within: (customer, from) => customer.createdAt !== undefined && customer.createdAt >= `${from}T00:00:00` },
  createdTo: { values: () => ['2023-12-31'], within: (customer, to) => customer.createdAt !== undefined && customer.createdAt < dayAfter(to) },
};

/**
 * What must never appear in any output when `field` is masked: each record's value, its parts after a
 * separator (a phone without its area code) and, for Chinese names, their pinyin initials.
 */
export function maskNeedles(records: readonly Customer[], field: 'name' | 'shortName' | 'taxId' | 'phone' | 'contact' | 'address'): string[] {
  const needles = new Set<string>();
  for (const record of records) {
    const value = record[field]?.trim();
    if (value === undefined || value === '') continue;
    needles.add(value);
    for (const part of value.split(/[\s,\-/]+/)) if (part.length >= 5) needles.add(part);
    const initials = field === 'name' ? pinyinInitials(value) : '';
    if (initials.length >= 5) needles.add(initials);
  }
  return [...needles];
}

/** Past this many needles, `leakedNeedles` first looks a needle's opening characters up in an index of the output. */
const INDEXED_FROM = 256;
const GRAM = 4;

/**
 * The needles found in `output` (case-insensitive, for upper-case mnemonic columns). Tens of thousands of
 * needles (a large source's values) are checked through an index of the output's 4-character pieces, so
 * that only candidates are searched for in full.
 */
export function leakedNeedles(output: string, needles: readonly string[]): string[] {
  const haystack = output.toLowerCase();
  if (needles.length < INDEXED_FROM) return needles.filter((needle) => haystack.includes(needle.toLowerCase()));
  const pieces = new Set<string>();
  for (let at = 0; at + GRAM <= haystack.length; at++) pieces.add(haystack.slice(at, at + GRAM));
  return needles.filter((needle) => {
    const lower = needle.toLowerCase();
    return (lower.length < GRAM || pieces.has(lower.slice(0, GRAM))) && haystack.includes(lower);
  });
}
