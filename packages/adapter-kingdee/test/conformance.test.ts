import { canonicalCustomers, CONFORMANCE_PASSWORD, testCustomerSource } from '@custcode/core/testing';
import { createExecutor } from '@custcode/sql';
import { expect, it } from 'vitest';
import { testBackends, type TestBackend } from '../../../test-support/backends.js';
import { createKingdeeSource } from '../src/index.js';
import { buildK3CloudSeedData } from '../src/seed/k3cloud-tables.js';
import { buildK3WiseSeedData } from '../src/seed/k3wise-tables.js';
import { createK3CloudClient } from '../src/webapi/k3cloud-webapi-client.js';
import { startWebApiFixture, WEBAPI_USER } from './k3cloud-webapi-fixture.js';
import { seedK3Cloud } from './seed-k3cloud.js';
import { seedK3Wise } from './seed-k3wise.js';

const missingModule = () => Promise.reject(Object.assign(new Error("Cannot find package 'x'"), { code: 'ERR_MODULE_NOT_FOUND' }));

/** A URL of the same server with a user that does not exist (bad credentials), or undefined for SQLite. */
function badUserUrl(backend: TestBackend): string | undefined {
  if (backend.name === 'sqlite' || backend.unavailable) return undefined;
  const url = new URL(process.env[backend.name === 'mariadb' ? 'CUSTCODE_MARIADB_URL' : 'CUSTCODE_POSTGRES_URL']!);
  url.username = 'custcode_no_such_user';
  return url.toString();
}

for (const backend of testBackends()) {
  for (const product of ['k3cloud', 'k3wise'] as const) {
    const bad = badUserUrl(backend);
    const tables = product === 'k3cloud' ? 'T_BD_CUSTOMER' : 't_Item';
    let url = '';
    testCustomerSource({
      name: `kingdee-${product} on ${backend.name}`,
      unavailable: backend.unavailable,
      async setup() {
        const database = await backend.createDatabase();
        url = database.url;
        const expected = product === 'k3cloud' ? await seedK3Cloud(database, { source: product }) : await seedK3Wise(database, { source: product });
        const source = createKingdeeSource({ name: product, product, connection: database.url });
        return { source, expected, teardown: () => database.drop() };
      },
      errorCases: {
        ...(bad ? { badCredentials: () => createKingdeeSource({ name: product, product, connection: bad, password: CONFORMANCE_PASSWORD }).count() } : {}),
        unreachable: () =>
          createKingdeeSource({ name: product, product, connection: 'mysql://root@127.0.0.1:1/AIS20240101', password: CONFORMANCE_PASSWORD }).count(),
        missingDriver: () => createKingdeeSource({ name: product, product, connection: 'mssql://sa@127.0.0.1:1/AIS20240101', importDriver: missingModule }).count(),
      },
      readOnly: async () => {
        const executor = createExecutor(url);
        try {
          return await executor.query(`DELETE FROM ${tables}`);
        } finally {
          await executor.close();
        }
      },
      additionalTests: ({ source }) => {
        if (product === 'k3wise') {
          it('K/3 WISE: taxId from t_Organization.FTaxNum; a NULL or empty FTaxNum is no taxId', async () => {
            const seeds = canonicalCustomers();
            const organization = buildK3WiseSeedData(seeds).tables.t_Organization;
            const taxNum = (code: string) => organization.find((row) => row.FNumber === code)?.FTaxNum;
            expect([taxNum('KH2024070001'), taxNum('KH2023010008')]).toEqual([null, '']);
            expect((await source().get('KH2024080001'))?.taxId).toBe(seeds.find((seed) => seed.code === 'KH2024080001')!.taxId);
            for (const code of ['KH2024070001', 'KH2023010008']) {
              const customer = await source().get(code);
              expect(customer?.code).toBe(code);
              expect(customer).not.toHaveProperty('taxId');
            }
          });
          return;
        }
        it('K/3 Cloud: get(code, { org }) per use-org; without org the creating org\u2019s row', async () => {
          const code = 'KH2024080001'; // created in ORG1, distributed to ORG2 and ORG3
          const rows = await Promise.all(['100001', '100002', '100003'].map((org) => source().get(code, { org })));
          expect(rows.map((row) => row?.org)).toEqual(['100001', '100002', '100003']);
          expect(new Set(rows.map((row) => String(row?.raw.FCUSTID))).size).toBe(3);
          expect((await source().get(code))?.org).toBe('100001');
          expect((await source().get('KH2024080002'))?.org).toBe('100002');
          expect(await source().get('KH2024080002', { org: '100001' })).toBeUndefined();
        });
        it('K/3 Cloud: locale 1033 reads the English _L rows', async () => {
          const english = createKingdeeSource({ name: product, product, connection: url, locale: 1033 });
          try {
            const expected = buildK3CloudSeedData(canonicalCustomers(), { source: product, locale: 1033 }).expected;
            const want = expected.find((customer) => customer.code === 'KH2024080001' && customer.org === '100003')!;
            const { raw: _raw, ...got } = (await english.get('KH2024080001', { org: '100003' }))!;
            const { raw: _wantRaw, ...wanted } = want;
            expect(got).toEqual(wanted);
            expect(got.name).toBe('北京星辰科技有限公司 (EN)');
            expect(await english.count({ category: '批发客户 (EN)' })).toBe(expected.filter((customer) => customer.category === '批发客户 (EN)').length);
          } finally {
            await english.close();
          }
        });
      },
    });
  }
}

let webApiUrl = '';
testCustomerSource({
  name: 'kingdee-k3cloud WebAPI on the ExecuteBillQuery emulator',
  async setup() {
    const fixture = await startWebApiFixture({ maxLimit: 50 });
    webApiUrl = fixture.emulator.url;
    return { source: fixture.source(), expected: fixture.expected, teardown: () => fixture.emulator.close() };
  },
  errorCases: {
    async badCredentials() {
      const fixture = await startWebApiFixture();
      try {
        return await fixture.source({ password: CONFORMANCE_PASSWORD }).count();
      } finally {
        await fixture.emulator.close();
      }
    },
    unreachable: () =>
      createKingdeeSource({
        name: 'k3api',
        product: 'k3cloud',
        password: CONFORMANCE_PASSWORD,
        webApi: { url: 'http://127.0.0.1:1/k3cloud/', acctId: WEBAPI_USER.acctId, username: WEBAPI_USER.username },
      }).count(),
  },
  readOnly: () =>
    createK3CloudClient({ url: webApiUrl, timeoutMs: 5_000, credentials: { ...WEBAPI_USER, lcid: 2052 } }).call(
      'Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc',
      { formid: 'BD_Customer', data: { Model: { FNumber: 'X' } } },
    ),
});
