/** Yonyou U8 (`Customer`) and NC (`bd_customer`) in the backend matrix. */
import { createYonyouSource, NC_LIKELY_COLUMNS, seedNcDatabase, seedU8Database, type NcOptionalColumns, type YonyouOptions } from '@custcode/adapter-yonyou';
import { expect, it } from 'vitest';
import { seedNc } from '../../packages/adapter-yonyou/test/seed-nc.js';
import { seedU8 } from '../../packages/adapter-yonyou/test/seed-u8.js';
import { NC_EXPECTED_RECORDS } from '../expected-records/nc-bd-customer.js';
import { U8_EXPECTED_RECORDS } from '../expected-records/u8-customer.js';
import { sqlAdapterConformance } from '../sql-adapter-conformance.js';
import { openGoldenOnSql, sqlBackendOf, SQL_BACKENDS, type AdditionalTests, type GoldenEntry, type MatrixEntry } from './matrix-backend.js';

type Product = 'u8' | 'nc';
const open = (product: Product, connection: string, extra: Partial<YonyouOptions> = {}) =>
  createYonyouSource({ name: product, product, connection, ...extra } as YonyouOptions);

const u8Tests: AdditionalTests = ({ source, expected }) => {
  it('U8: category and region filters accept the class code as well as its name', async () => {
    const byName = await source().count({ category: '批发客户' });
    expect(byName).toBe(expected().filter((customer) => customer.category === '批发客户').length);
    expect(await source().count({ category: '01' })).toBe(byName);
    expect(await source().count({ region: '11' })).toBe(await source().count({ region: '北京' }));
  });
  it('U8: deleted customers are absent (U8 removes them); dEndDate marks blocked ones', async () => {
    expect(await source().get('KH2024090003')).toBeUndefined();
    expect(await source().count({ status: 'deleted' })).toBe(0);
    const blocked = await source().get('KH2024080003');
    expect(blocked?.status).toBe('blocked');
    expect(blocked?.raw.dEndDate).not.toBeNull();
  });
  it('U8: Chinese text round-trips unchanged, including a supplementary-plane character', async () => {
    const customer = await source().get('KH2024100001');
    expect(customer?.name).toBe('𠮷野家餐饮管理有限公司');
    expect(customer?.shortName).toBe('𠮷野家');
    expect((await source().get('KH2024100003'))?.address).toBe('深圳市前海深港合作区前湾一路1号A栋201室');
  });
  it('U8: text search uses cCusMnemCode (pinyin initials pushed down)', async () => {
    expect(source().describe().pinyinSearch).toBe('pushdown');
    const hits = [];
    for await (const customer of source().search({ text: 'bjxckj' })) hits.push(customer.code);
    expect(hits).toContain('KH2024080001');
  });
};

const ncTests: AdditionalTests = ({ source }) => {
  it('NC: deleted rows (dr = 1) are reported with status deleted', async () => {
    expect((await source().get('KH2024090003'))?.status).toBe('deleted');
    expect((await source().get('KH2024090003'))?.raw.dr).toEqual(expect.anything());
  });
  it('NC: org is the 20-character pk_org', async () => {
    const customer = await source().get('C-200');
    expect(customer?.org).toBe('0001A11000000000ORG2');
    expect(await source().get('C-200', { org: '0001A11000000000ORG1' })).toBeUndefined();
  });
};

function yonyouEntry(label: string, product: Product, runsOn: MatrixEntry['runsOn'], columns?: NcOptionalColumns): MatrixEntry {
  const extra = columns ? { columns } : {};
  return {
    label,
    layout: product === 'u8' ? 'u8-customer' : 'nc-bd-customer',
    runsOn,
    conformance: (backend) =>
      sqlAdapterConformance({
        backend: sqlBackendOf(backend),
        open: (connection, settings) => open(product, connection, { ...extra, ...settings }),
        seed: (database) => (product === 'u8' ? seedU8(database, { source: 'u8' }) : seedNc(database, { source: 'nc', ...extra })),
        pageSize: 50,
        unreachable: { url: 'mysql://root@127.0.0.1:1/UFDATA_001_2024' },
        missingDriver: { url: 'mssql://sa@127.0.0.1:1/UFDATA_001_2024' },
        write: `DELETE FROM ${product === 'u8' ? 'Customer' : 'bd_customer'}`,
        additionalTests: product === 'u8' ? u8Tests : ncTests,
      }),
  };
}

export const YONYOU_ENTRIES: MatrixEntry[] = [
  yonyouEntry('yonyou-u8', 'u8', SQL_BACKENDS),
  yonyouEntry('yonyou-nc (likely optional columns)', 'nc', SQL_BACKENDS, NC_LIKELY_COLUMNS),
  yonyouEntry('yonyou-nc (confirmed columns only)', 'nc', ['sqlite']),
];

export const YONYOU_GOLDEN: GoldenEntry[] = [
  {
    records: U8_EXPECTED_RECORDS,
    runsOn: SQL_BACKENDS,
    // The seeder given no customers creates the layout (its DDL) and writes nothing.
    open: (backend, records) => openGoldenOnSql(backend, records, (database) => seedU8Database(database, []), (url) => open('u8', url)),
  },
  {
    records: NC_EXPECTED_RECORDS,
    runsOn: SQL_BACKENDS,
    open: (backend, records) =>
      openGoldenOnSql(backend, records, (database) => seedNcDatabase(database, []), (url) => open('nc', url, { columns: NC_LIKELY_COLUMNS })),
  },
];
