import { expect, it } from 'vitest';
import { testBackends } from '../../../test-support/backends.js';
import { testSqlAdapter } from '../../../test-support/sql-adapter-conformance.js';
import { createOracleEbsSource, type OracleEbsOptions } from '../src/index.js';
import { seedEbs } from './seed-tca.js';

type Variant = { label: string; backends: 'all' | 'sqlite'; options: Pick<OracleEbsOptions, 'nameColumn' | 'shortNameColumn' | 'taxIdColumns'> };

const variants: Variant[] = [
  { label: 'oracle-ebs', options: {}, backends: 'all' },
  {
    label: 'oracle-ebs (ACCOUNT_NAME, KNOWN_AS, TAX_REFERENCE first)',
    backends: 'sqlite',
    options: { nameColumn: 'ACCOUNT_NAME', shortNameColumn: 'KNOWN_AS', taxIdColumns: ['TAX_REFERENCE', 'JGZZ_FISCAL_CODE'] },
  },
];

for (const backend of testBackends()) {
  for (const variant of variants) {
    if (variant.backends === 'sqlite' && backend.name !== 'sqlite') continue;
    testSqlAdapter({
      name: `${variant.label} on ${backend.name}`,
      backend,
      open: (connection, settings) => createOracleEbsSource({ name: 'ebs', connection, ...variant.options, ...settings }),
      seed: (database) => seedEbs(database, { source: 'ebs', ...variant.options }),
      pageSize: 50,
      unreachable: { url: 'oracle://apps@127.0.0.1:1/EBSPROD', connectTimeoutMs: 5000 },
      missingDriver: { url: 'oracle://apps@127.0.0.1:1/EBSPROD', packageName: 'oracledb' },
      write: "UPDATE HZ_CUST_ACCOUNTS SET STATUS = 'I'",
      additionalTests: ({ source }) => {
        it('EBS: a deleted customer is an inactivated account, reported as blocked', async () => {
          expect((await source().get('KH2024090003'))?.status).toBe('blocked');
          expect(await source().count({ status: 'deleted' })).toBe(0);
        });
        it('EBS: raw keeps PARTY_NUMBER beside ACCOUNT_NUMBER; org is the primary bill-to ORG_ID', async () => {
          const customer = await source().get('C-200');
          expect(customer?.raw).toMatchObject({ ACCOUNT_NUMBER: 'C-200' });
          expect(customer?.raw.PARTY_NUMBER).toEqual(expect.any(String));
          expect(customer?.org).toBe('205');
        });
        it('EBS: Chinese text round-trips unchanged', async () => {
          const customer = await source().get('KH2024100001');
          expect(customer?.raw.PARTY_NAME).toBe('𠮷野家餐饮管理有限公司');
          // Stored as province, city, street and building lines and a postal code; read back from the province down.
          expect((await source().get('KH2024100003'))?.address).toBe('广东省 深圳市 前海深港合作区前湾一路1号 A栋201室 353046');
        });
        it('EBS: a Latin address from the street up; a phone without RAW_PHONE_NUMBER from its parts', async () => {
          expect((await source().get('C-204'))?.address).toBe('Königsallee 1, Düsseldorf');
          expect(await source().get('C-200')).toMatchObject({ address: "12 O'Connell Street, Dublin", phone: '+353 1-555 0100' });
          expect((await source().get('KH2024080001'))?.address).toBe('北京市 海淀区中关村大街27号');
        });
      },
    });
  }
}
