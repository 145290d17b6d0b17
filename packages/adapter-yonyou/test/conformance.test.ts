import { expect, it } from 'vitest';
import { testBackends } from '../../../test-support/backends.js';
import { testSqlAdapter } from '../../../test-support/sql-adapter-conformance.js';
import { createYonyouSource, NC_LIKELY_COLUMNS, type YonyouOptions } from '../src/index.js';
import { seedNc } from './seed-nc.js';
import { seedU8 } from './seed-u8.js';

const variants = [
  { label: 'yonyou-u8', product: 'u8', table: 'Customer', seed: seedU8, backends: 'all' },
  { label: 'yonyou-nc (likely optional columns)', product: 'nc', table: 'bd_customer', columns: NC_LIKELY_COLUMNS, backends: 'all' },
  { label: 'yonyou-nc (confirmed columns only)', product: 'nc', table: 'bd_customer', backends: 'sqlite' },
] as const;

for (const backend of testBackends()) {
  for (const variant of variants) {
    if (variant.backends === 'sqlite' && backend.name !== 'sqlite') continue;
    const columns = 'columns' in variant ? variant.columns : undefined;
    testSqlAdapter({
      name: `${variant.label} on ${backend.name}`,
      backend,
      open: (connection, settings) =>
        createYonyouSource({ name: variant.product, product: variant.product, connection, ...(columns ? { columns } : {}), ...settings } as YonyouOptions),
      seed: (database) => (variant.product === 'u8' ? seedU8(database, { source: 'u8' }) : seedNc(database, { source: 'nc', ...(columns ? { columns } : {}) })),
      pageSize: 50,
      unreachable: { url: 'mysql://root@127.0.0.1:1/UFDATA_001_2024' },
      missingDriver: { url: 'mssql://sa@127.0.0.1:1/UFDATA_001_2024' },
      write: `DELETE FROM ${variant.table}`,
      additionalTests: ({ source, expected }) => {
        if (variant.product === 'u8') {
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
        } else {
          it('NC: deleted rows (dr = 1) are reported with status deleted', async () => {
            expect((await source().get('KH2024090003'))?.status).toBe('deleted');
            expect((await source().get('KH2024090003'))?.raw.dr).toEqual(expect.anything());
          });
          it('NC: org is the 20-character pk_org', async () => {
            const customer = await source().get('C-200');
            expect(customer?.org).toBe('0001A11000000000ORG2');
            expect(await source().get('C-200', { org: '0001A11000000000ORG1' })).toBeUndefined();
          });
        }
      },
    });
  }
}
