import { CONFORMANCE_PASSWORD, testCustomerSource } from '@custcode/core/testing';
import { createExecutor } from '@custcode/sql';
import { expect, it } from 'vitest';
import { testBackends, type TestBackend } from '../../../test-support/backends.js';
import { createOracleEbsSource, type OracleEbsOptions } from '../src/index.js';
import { seedEbs } from './seed-tca.js';

const missingModule = () => Promise.reject(Object.assign(new Error("Cannot find package 'oracledb'"), { code: 'ERR_MODULE_NOT_FOUND' }));

/** The same server with a user that does not exist, or undefined for SQLite (no credentials). */
function badUserUrl(backend: TestBackend): string | undefined {
  if (backend.name === 'sqlite' || backend.unavailable) return undefined;
  const url = new URL(process.env[backend.name === 'mariadb' ? 'CUSTCODE_MARIADB_URL' : 'CUSTCODE_POSTGRES_URL']!);
  url.username = 'custcode_no_such_user';
  return url.toString();
}

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
    const bad = badUserUrl(backend);
    const open = (connection: string, extra: Partial<OracleEbsOptions> = {}) =>
      createOracleEbsSource({ name: 'ebs', connection, ...variant.options, ...extra });
    let url = '';
    testCustomerSource({
      name: `${variant.label} on ${backend.name}`,
      unavailable: backend.unavailable,
      async setup() {
        const database = await backend.createDatabase();
        url = database.url;
        const expected = await seedEbs(database, { source: 'ebs', ...variant.options });
        return { source: open(database.url, { pageSize: 50 }), expected, teardown: () => database.drop() };
      },
      errorCases: {
        ...(bad ? { badCredentials: () => open(bad, { password: CONFORMANCE_PASSWORD }).count() } : {}),
        unreachable: () => open('oracle://apps@127.0.0.1:1/EBSPROD', { password: CONFORMANCE_PASSWORD, connectTimeoutMs: 5000 }).count(),
        missingDriver: () => open('oracle://apps@127.0.0.1:1/EBSPROD', { importDriver: missingModule }).count(),
      },
      readOnly: async () => {
        const executor = createExecutor(url);
        try {
          return await executor.query('UPDATE HZ_CUST_ACCOUNTS SET STATUS = \'I\'');
        } finally {
          await executor.close();
        }
      },
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
          expect((await source().get('KH2024100003'))?.address).toBe('深圳市前海深港合作区前湾一路1号A栋201室');
        });
      },
    });
  }
}
