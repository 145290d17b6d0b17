/**
 * A small classic customer table (plus a class table for a join) used by the live tests of
 * createSqlSource and createGenericSqlSource. The expected records are written out here by hand
 * rules, independently of the compiler: they are the tests' truth.
 */
import type { Customer } from '@custcode/core';
import { createSeedTable, type SeedTarget, type TableMapping } from '@custcode/sql';

export interface SampleRow {
  CustomerID: string;
  CustomerName: string | null;
  ShortName?: string | null;
  Abbr?: string | null;
  Phone?: string | null;
  Addr1?: string | null;
  Addr2?: string | null;
  ClassCode?: string | null;
  RegionCode?: string | null;
  Created?: string | null;
  Updated?: string | null;
  OrgID: string;
  IsHome: number;
  Mnemonic?: string | null;
  Deleted: number;
  Blocked?: string | null;
}

export const CLASSES = [
  { ClassCode: '01', ClassName: '批发客户' },
  { ClassCode: '02', ClassName: 'Retail' },
];

export const SAMPLE_ROWS: SampleRow[] = [
  { CustomerID: 'C001', CustomerName: '北京华为技术有限公司', ShortName: '华为', Phone: '010-88880001', Addr1: '北京市', Addr2: '海淀区', ClassCode: '01', RegionCode: 'BJ', Created: '2024-01-05 09:30:00', Updated: '2024-06-01 08:00:00', OrgID: '100', IsHome: 1, Mnemonic: 'bjhwjsyxgs', Deleted: 0, Blocked: ' ' },
  { CustomerID: 'C001', CustomerName: '北京华为技术有限公司', ShortName: '华为', Phone: '010-88880001', Addr1: '北京市', Addr2: '海淀区', ClassCode: '01', RegionCode: 'BJ', Created: '2024-01-05 09:30:00', Updated: null, OrgID: '200', IsHome: 0, Mnemonic: 'bjhwjsyxgs', Deleted: 0, Blocked: 'Y' },
  { CustomerID: 'C002', CustomerName: 'Acme Trading Ltd   ', Abbr: 'ACME', Phone: '  ', Addr1: '  ', Addr2: 'Harbour Road 1', ClassCode: '02', RegionCode: 'HK', Created: '2024-03-31 23:59:59', OrgID: '100', IsHome: 1, Deleted: 0 },
  { CustomerID: 'C003', CustomerName: '100% Pure_Water Co', ShortName: 'Pure!', Phone: '021-5550003', ClassCode: '02', RegionCode: 'SH', Created: '2024-04-01 00:00:00', Updated: '2024-04-02 12:00:00', OrgID: '100', IsHome: 1, Deleted: 1, Blocked: 'Y' },
  { CustomerID: 'C004', CustomerName: "O'Brien \\ Sons [HK]", Phone: '+852 5550004', ClassCode: null, RegionCode: 'HK', Created: null, OrgID: '200', IsHome: 1, Deleted: 0, Blocked: 'Y' },
  { CustomerID: 'c005', CustomerName: '上海浦东发展银行', ShortName: '  ', Abbr: '浦发', Addr1: '上海市', ClassCode: '01', RegionCode: 'SH', Created: '2023-12-31 10:00:00', Updated: '2024-05-05 05:05:05', OrgID: '300', IsHome: 1, Mnemonic: 'shpdfzyh', Deleted: 0, Blocked: 'N' },
  { CustomerID: 'C010', CustomerName: 'acme china', Phone: '0755-1234', ClassCode: '02', RegionCode: 'GD', Created: '2024-02-29 12:00:00', OrgID: '100', IsHome: 1, Deleted: 0 },
  { CustomerID: 'C010', CustomerName: 'acme china', Phone: '0755-1234', ClassCode: '02', RegionCode: 'GD', Created: '2024-02-29 12:00:00', OrgID: '300', IsHome: 0, Deleted: 0 },
  { CustomerID: 'KH-20240101', CustomerName: '深圳市腾讯计算机系统有限公司', Phone: '0755-86013388', ClassCode: '01', RegionCode: 'GD', Created: '2024-01-01 00:00:00', OrgID: '200', IsHome: 1, Mnemonic: 'szstxjsjxtyxgs', Deleted: 0 },
  { CustomerID: 'X_1', CustomerName: 'Under_score', Created: '2024-07-01 00:00:00', OrgID: '100', IsHome: 1, Deleted: 0 },
  { CustomerID: 'X%1', CustomerName: 'Per%cent', OrgID: '100', IsHome: 1, Deleted: 0 },
];

export async function seedSample(target: SeedTarget): Promise<void> {
  await createSeedTable(target, 'Customer', [
    { name: 'CustomerID', type: 'text', length: 30, notNull: true },
    { name: 'CustomerName', type: 'text', length: 100 },
    { name: 'ShortName', type: 'text', length: 50 },
    { name: 'Abbr', type: 'text', length: 50 },
    { name: 'Phone', type: 'text', length: 30 },
    { name: 'Addr1', type: 'text', length: 100 },
    { name: 'Addr2', type: 'text', length: 100 },
    { name: 'ClassCode', type: 'text', length: 10 },
    { name: 'RegionCode', type: 'text', length: 10 },
    { name: 'Created', type: 'datetime' },
    { name: 'Updated', type: 'datetime' },
    { name: 'OrgID', type: 'text', length: 10, notNull: true },
    { name: 'IsHome', type: 'int' },
    { name: 'Mnemonic', type: 'text', length: 30 },
    { name: 'Deleted', type: 'int' },
    { name: 'Blocked', type: 'text', length: 1 },
  ], { primaryKey: ['CustomerID', 'OrgID'] });
  await createSeedTable(target, 'CustomerClass', [
    { name: 'ClassCode', type: 'text', length: 10, notNull: true },
    { name: 'ClassName', type: 'text', length: 50 },
  ]);
  const columns = ['CustomerID', 'CustomerName', 'ShortName', 'Abbr', 'Phone', 'Addr1', 'Addr2', 'ClassCode', 'RegionCode', 'Created', 'Updated', 'OrgID', 'IsHome', 'Mnemonic', 'Deleted', 'Blocked'] as const;
  await target.insert('Customer', SAMPLE_ROWS.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))));
  await target.insert('CustomerClass', CLASSES);
}

/** A mapping with a join, coalesce, concat, matchAlso, an org column with withoutOrg, a mnemonic and status flags. */
export const SAMPLE_MAPPING: TableMapping = {
  erp: 'generic-sql',
  table: 'Customer',
  alias: 'c',
  joins: [{ table: 'CustomerClass', alias: 'k', kind: 'left', on: [['c.ClassCode', 'k.ClassCode']] }],
  code: 'c.CustomerID',
  fields: {
    name: 'c.CustomerName',
    shortName: { coalesce: ['c.ShortName', 'c.Abbr'] },
    phone: 'c.Phone',
    address: { concat: ['c.Addr1', 'c.Addr2'], separator: ' ' },
    category: { value: 'k.ClassName', matchAlso: ['c.ClassCode'] },
    region: 'c.RegionCode',
    createdAt: 'c.Created',
    updatedAt: 'c.Updated',
  },
  mnemonic: 'c.Mnemonic',
  status: {
    deleted: { column: 'c.Deleted', equals: 1 },
    blocked: { all: [{ column: 'c.Blocked', isNotBlank: true }, { column: 'c.Blocked', notEquals: 'N' }] },
  },
  org: { kind: 'column', column: 'c.OrgID', scope: 'org', withoutOrg: { column: 'c.IsHome', equals: 1 }, withoutOrgDescription: 'the home org row' },
  raw: ['c.CustomerID', 'c.OrgID', 'k.ClassCode'],
};

const present = (value: string | null | undefined) => (value === null || value === undefined || value.trimEnd() === '' ? undefined : value.trimEnd());
const iso = (value: string | null | undefined) => (value ? value.replace(' ', 'T') : undefined);

/** The records SAMPLE_MAPPING must give, by hand rules (trim, blank = absent, first non-blank, joined parts). */
export function expectedMapped(source: string): Array<Customer & { home: boolean; classCode: string | undefined }> {
  return SAMPLE_ROWS.map((row) => {
    const className = CLASSES.find((entry) => entry.ClassCode === row.ClassCode)?.ClassName;
    const address = [row.Addr1, row.Addr2].map(present).filter(Boolean).join(' ');
    const fields = {
      shortName: present(row.ShortName) ?? present(row.Abbr),
      phone: present(row.Phone),
      address: address === '' ? undefined : address,
      category: className,
      region: present(row.RegionCode),
      createdAt: iso(row.Created),
      updatedAt: iso(row.Updated),
    };
    const status = row.Deleted === 1 ? 'deleted' : present(row.Blocked) !== undefined && row.Blocked !== 'N' ? 'blocked' : 'active';
    return {
      source,
      erp: 'generic-sql' as const,
      code: row.CustomerID,
      name: present(row.CustomerName) ?? '',
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      status,
      org: row.OrgID,
      raw: { CustomerID: row.CustomerID, OrgID: row.OrgID, ClassCode: row.ClassCode ?? null },
      home: row.IsHome === 1,
      classCode: row.ClassCode ?? undefined,
    } as Customer & { home: boolean; classCode: string | undefined };
  });
}
