import type { Customer, CustomerSource } from '@custcode/core';
import type { SeedCustomer } from '@custcode/core/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { createOracleEbsSource, seedEbsDatabase } from '../src/index.js';

/** Operating-unit scope by site existence (`alsoIn` → extra account sites), which the shared suite's model does not cover. */
const customers: SeedCustomer[] = [
  // Index 0: also gets an inactive primary bill-to site in ORG_ID 999, which must be ignored.
  { code: 'A-1', name: '北京星辰科技有限公司', address: '北京市海淀区中关村大街27号', phone: '010-62880001', status: 'active', org: 'ORG1', alsoIn: ['ORG2'], createdAt: '2024-08-01T09:00:00' },
  { code: 'B-1', name: 'Acme Trading Co., Ltd.', status: 'blocked', org: 'ORG2', createdAt: '2021-05-05T10:00:00' },
  { code: 'C-1', name: '无站点客户', status: 'active', createdAt: '2020-01-01T00:00:00' },
];

const collect = async (rows: AsyncIterable<Customer>) => {
  const result: Array<[string, string | undefined]> = [];
  for await (const row of rows) result.push([row.code, row.org]);
  return result;
};

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`[adapter-oracle org scope] ${backend.unavailable}`);
  describe.skipIf(backend.unavailable !== undefined)(`EBS operating-unit scope on ${backend.name}`, () => {
    let database: TestDatabase;
    let source: CustomerSource;
    let expected: Customer[];
    beforeAll(async () => {
      database = await backend.createDatabase();
      expected = await seedEbsDatabase(database, customers);
      source = createOracleEbsSource({ name: 'ebs', connection: database.url });
    });
    afterAll(async () => {
      await source?.close();
      await database?.drop();
    });

    it('without an org: one record per account, org = ORG_ID of the primary bill-to site', async () => {
      expect(await collect(source.search())).toEqual([['A-1', '204'], ['B-1', '205'], ['C-1', undefined]]);
      expect(expected.map((customer) => customer.org)).toEqual(['204', '205', undefined]);
      const { raw: _raw, ...first } = (await source.get('A-1'))!;
      const { raw: _expectedRaw, ...want } = expected[0]!;
      expect(first).toEqual(want);
    });

    it('with an org: every account with an active site there, reported in that org', async () => {
      expect(await collect(source.search({ org: '205' }))).toEqual([['A-1', '205'], ['B-1', '205']]);
      expect(await source.count({ org: '204' })).toBe(1);
      const distributed = await source.get('A-1', { org: '205' });
      expect(distributed?.org).toBe('205');
      expect(distributed?.address).toBe('北京市海淀区中关村大街27号');
    });

    it('inactive sites, unknown and non-numeric orgs find nothing (no driver error)', async () => {
      expect(await source.get('A-1', { org: '999' })).toBeUndefined();
      expect(await source.get('A-1', { org: '206' })).toBeUndefined();
      expect(await source.get('A-1', { org: 'NO-SUCH-ORG' })).toBeUndefined();
      expect(await source.count({ org: 'Vision Operations' })).toBe(0);
      expect(await collect(source.search({ org: '0204' }))).toEqual([]);
      // A fraction is a conversion error on an integer ORG_ID (PostgreSQL) and equals 204 on SQLite.
      expect(await source.get('A-1', { org: '204.0' })).toBeUndefined();
      expect(await source.count({ org: '205.5' })).toBe(0);
    });

    it('the org option is the default operating unit; an explicit org still wins', async () => {
      const scoped = createOracleEbsSource({ name: 'ebs', connection: database.url, org: '205' });
      try {
        expect(await scoped.count()).toBe(2);
        expect((await scoped.get('A-1'))?.org).toBe('205');
        expect(await scoped.get('C-1')).toBeUndefined();
        expect((await scoped.get('A-1', { org: '204' }))?.org).toBe('204');
        expect(scoped.describe().details.defaultOrg).toBe('205');
      } finally {
        await scoped.close();
      }
    });

    it('with the org option, an account with a primary bill-to site in several OUs is still one record (runs last: adds a site)', async () => {
      await database.insert('HZ_LOCATIONS', [{ LOCATION_ID: 4999, COUNTRY: 'CN', ADDRESS1: '上海市浦东新区世纪大道100号', CREATED_BY: 0, CREATION_DATE: '2024-01-01T00:00:00', LAST_UPDATED_BY: 0, LAST_UPDATE_DATE: '2024-01-01T00:00:00' }]);
      await database.insert('HZ_PARTY_SITES', [{ PARTY_SITE_ID: 3999, PARTY_ID: 1000, LOCATION_ID: 4999, PARTY_SITE_NUMBER: '39999', STATUS: 'A', CREATED_BY: 0, CREATION_DATE: '2024-01-01T00:00:00', LAST_UPDATED_BY: 0, LAST_UPDATE_DATE: '2024-01-01T00:00:00' }]);
      await database.run(`UPDATE ${database.quote('HZ_CUST_ACCT_SITES_ALL')} SET ${database.quote('BILL_TO_FLAG')} = 'P', ${database.quote('PARTY_SITE_ID')} = 3999 WHERE ${database.quote('CUST_ACCOUNT_ID')} = 2000 AND ${database.quote('ORG_ID')} = 205`);
      const scoped = createOracleEbsSource({ name: 'ebs', connection: database.url, org: '205' });
      try {
        expect(await collect(scoped.search())).toEqual([['A-1', '205'], ['B-1', '205']]);
        expect((await scoped.get('A-1'))?.address).toBe('上海市浦东新区世纪大道100号');
        expect((await scoped.get('A-1', { org: '204' }))?.org).toBe('204');
      } finally {
        await scoped.close();
      }
    });
  });
}
