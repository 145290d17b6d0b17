/** Kingdee K/3 Cloud (T_BD_CUSTOMER, on SQL and through the WebAPI emulator) and K/3 WISE (t_Organization) in the backend matrix. */
import { createKingdeeSource, seedK3CloudDatabase, seedK3WiseDatabase } from '@custcode/adapter-kingdee';
import { canonicalCustomers, CONFORMANCE_PASSWORD } from '@custcode/core/testing';
import { expect, it } from 'vitest';
import { buildK3CloudSeedData, type K3CloudSeedData } from '../../packages/adapter-kingdee/src/seed/k3cloud-tables.js';
import { buildK3WiseSeedData } from '../../packages/adapter-kingdee/src/seed/k3wise-tables.js';
import { createK3CloudClient } from '../../packages/adapter-kingdee/src/webapi/k3cloud-webapi-client.js';
import { startK3CloudWebApiEmulator } from '../../packages/adapter-kingdee/src/webapi/emulator/k3cloud-webapi-emulator.js';
import { startWebApiFixture, WEBAPI_USER } from '../../packages/adapter-kingdee/test/k3cloud-webapi-fixture.js';
import { seedK3Cloud } from '../../packages/adapter-kingdee/test/seed-k3cloud.js';
import { seedK3Wise } from '../../packages/adapter-kingdee/test/seed-k3wise.js';
import { attemptWrite, badUserUrl, missingModule } from '../error-cases.js';
import { K3CLOUD_EXPECTED_RECORDS } from '../expected-records/k3cloud-t-bd-customer.js';
import { K3WISE_EXPECTED_RECORDS } from '../expected-records/k3wise-t-organization.js';
import { openGoldenOnSql, sqlBackendOf, SQL_BACKENDS, type AdditionalTests, type GoldenEntry, type MatrixEntry } from './matrix-backend.js';

type Product = 'k3cloud' | 'k3wise';

const k3wiseTests: AdditionalTests = ({ source }) => {
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
};

const k3cloudTests = (url: () => string): AdditionalTests => ({ source }) => {
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
    const english = createKingdeeSource({ name: 'k3cloud', product: 'k3cloud', connection: url(), locale: 1033 });
    try {
      const expected = buildK3CloudSeedData(canonicalCustomers(), { source: 'k3cloud', locale: 1033 }).expected;
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
};

function kingdeeSqlEntry(product: Product): MatrixEntry {
  return {
    label: `kingdee-${product}`,
    layout: product === 'k3cloud' ? 'k3cloud-t-bd-customer' : 'k3wise-t-organization',
    runsOn: SQL_BACKENDS,
    conformance(backend) {
      const sql = sqlBackendOf(backend);
      const bad = badUserUrl(sql);
      let url = '';
      return {
        async setup() {
          const database = await sql.createDatabase();
          url = database.url;
          const expected = product === 'k3cloud' ? await seedK3Cloud(database, { source: product }) : await seedK3Wise(database, { source: product });
          return { source: createKingdeeSource({ name: product, product, connection: database.url }), expected, teardown: () => database.drop() };
        },
        errorCases: {
          ...(bad ? { badCredentials: () => createKingdeeSource({ name: product, product, connection: bad, password: CONFORMANCE_PASSWORD }).count() } : {}),
          unreachable: () =>
            createKingdeeSource({ name: product, product, connection: 'mysql://root@127.0.0.1:1/AIS20240101', password: CONFORMANCE_PASSWORD }).count(),
          missingDriver: () => createKingdeeSource({ name: product, product, connection: 'mssql://sa@127.0.0.1:1/AIS20240101', importDriver: missingModule() }).count(),
        },
        readOnly: () => attemptWrite(url, `DELETE FROM ${product === 'k3cloud' ? 'T_BD_CUSTOMER' : 't_Item'}`),
        additionalTests: product === 'k3cloud' ? k3cloudTests(() => url) : k3wiseTests,
      };
    },
  };
}

const webApiEntry: MatrixEntry = {
  label: 'kingdee-k3cloud WebAPI',
  layout: 'k3cloud-t-bd-customer',
  runsOn: ['k3cloud-webapi-emulator'],
  conformance() {
    let webApiUrl = '';
    return {
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
    };
  },
};

export const KINGDEE_ENTRIES: MatrixEntry[] = [kingdeeSqlEntry('k3cloud'), kingdeeSqlEntry('k3wise'), webApiEntry];

export const KINGDEE_GOLDEN: GoldenEntry[] = [
  {
    records: K3CLOUD_EXPECTED_RECORDS,
    runsOn: [...SQL_BACKENDS, 'k3cloud-webapi-emulator'],
    async open(backend, records) {
      if (backend.name !== 'k3cloud-webapi-emulator') {
        return openGoldenOnSql(backend, records, (database) => seedK3CloudDatabase(database, []), (url) =>
          createKingdeeSource({ name: 'k3cloud', product: 'k3cloud', connection: url }),
        );
      }
      // The same rows behind ExecuteBillQuery; pages of 2 rows make the stream cross pages.
      const emulator = await startK3CloudWebApiEmulator({ tables: records.tables as unknown as K3CloudSeedData['tables'], users: [WEBAPI_USER], maxLimit: 2 });
      const source = createKingdeeSource({
        name: 'k3cloud',
        product: 'k3cloud',
        password: WEBAPI_USER.password,
        webApi: { url: emulator.url, acctId: WEBAPI_USER.acctId, username: WEBAPI_USER.username, pageRows: 2 },
      });
      return { source, teardown: () => emulator.close() };
    },
  },
  {
    records: K3WISE_EXPECTED_RECORDS,
    runsOn: SQL_BACKENDS,
    open: (backend, records) =>
      openGoldenOnSql(backend, records, (database) => seedK3WiseDatabase(database, []), (url) => createKingdeeSource({ name: 'k3wise', product: 'k3wise', connection: url })),
  },
];
