import { isCustcodeError } from '@custcode/core';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { createYonyouSource, ncOrgId, seedNcDatabase, seedU8Database } from '../src/index.js';
import { seedU8DatabaseInChunks } from '../src/testing.js';

const sqlite = testBackends().find((backend) => backend.name === 'sqlite')!;

const customers: SeedCustomer[] = [
  { code: 'KH01', name: '北京星辰科技有限公司', shortName: '星辰', status: 'active', createdAt: '2024-01-01T08:00:00' },
  { code: 'KH02', name: '星辰科技（北京）有限公司', shortName: '星辰', status: 'blocked', createdAt: '2024-01-02T08:00:00' },
  { code: 'KH03', name: 'Acme Trading Co., Ltd.', status: 'active' },
  { code: 'KH04', name: '已删除客户', status: 'deleted', org: 'ORG3' },
];

describe('U8 and NC seeders (sqlite)', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await sqlite.createDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('U8: 客户简称 is NOT NULL and unique; a clash gets the code appended; deleted customers are not written', async () => {
    const expected = await seedU8Database(database, customers);
    expect(expected.map((customer) => [customer.code, customer.shortName, customer.status])).toEqual([
      ['KH01', '星辰', 'active'],
      ['KH02', '星辰-KH02', 'blocked'],
      ['KH03', 'Acme Trading Co., Ltd.', 'active'],
    ]);
    const rows = await database.all('SELECT "cCusCode", "cCusAbbName", "cCusMnemCode", "dEndDate" FROM "Customer" ORDER BY "cCusCode"');
    expect(rows).toEqual([
      { cCusCode: 'KH01', cCusAbbName: '星辰', cCusMnemCode: 'bjxckjyxgs', dEndDate: null },
      { cCusCode: 'KH02', cCusAbbName: '星辰-KH02', cCusMnemCode: 'xckjbjyxgs', dEndDate: '2024-01-02T08:00:00' },
      { cCusCode: 'KH03', cCusAbbName: 'Acme Trading Co., Ltd.', cCusMnemCode: null, dEndDate: null },
    ]);
    const insert = (abbreviation: string | null) =>
      database.insert('Customer', [{ cCusCode: `X${abbreviation}`, cCusAbbName: abbreviation, bCusState: 0, bCusDomestic: 1, bCusOverseas: 0 }]);
    await expect(insert('星辰')).rejects.toThrow(/UNIQUE/i);
    await expect(insert(null)).rejects.toThrow(/NOT NULL/i);
  });

  it('U8 in chunks: the rows, classes and indexes seedU8Database writes, a 客户简称 clash across chunks included', async () => {
    const classes = { category: { code: '01', name: '批发' }, region: { code: '11', name: '北京' } };
    const many: SeedCustomer[] = [...customers, { code: 'KH05', name: '星辰贸易', shortName: '星辰', status: 'active', ...classes }, { code: 'KH06', name: '辰星', status: 'active', ...classes }];
    const whole = await sqlite.createDatabase();
    try {
      await seedU8Database(whole, many);
      expect(await seedU8DatabaseInChunks(database, [many.slice(0, 2), many.slice(2, 5), many.slice(5)])).toBe(5);
      const tables = (db: TestDatabase) => Promise.all([
        db.all('SELECT * FROM "Customer" ORDER BY "cCusCode"'),
        db.all('SELECT * FROM "CustomerClass"'),
        db.all('SELECT * FROM "DistrictClass"'),
        db.all("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"),
      ]);
      const [rows, ...rest] = await tables(database);
      expect([rows, ...rest]).toEqual(await tables(whole));
      expect(rows!.map((row) => row.cCusAbbName)).toEqual(['星辰', '星辰-KH02', 'Acme Trading Co., Ltd.', '星辰-KH05', '辰星']);
    } finally {
      await whole.drop();
    }
  });

  it('NC: orgs become 20-character pk_org values; only the mapped optional columns appear in expected', async () => {
    expect(ncOrgId('ORG1')).toBe('0001A11000000000ORG1');
    expect(ncOrgId('ORG1')).toHaveLength(20);
    const expected = await seedNcDatabase(database, customers, { columns: { shortName: 'shortname' } });
    expect(expected.map((customer) => [customer.code, customer.org, customer.status, customer.shortName])).toEqual([
      ['KH01', '0001A11000000000ORG1', 'active', '星辰'],
      ['KH02', '0001A11000000000ORG1', 'blocked', '星辰'],
      ['KH03', '0001A11000000000ORG1', 'active', undefined],
      ['KH04', '0001A11000000000ORG3', 'deleted', undefined],
    ]);
    expect(expected.every((customer) => customer.createdAt === undefined && customer.taxId === undefined)).toBe(true);
    const rows = await database.all('SELECT "code", "enablestate", "dr" FROM "bd_customer" ORDER BY "code"');
    expect(rows.map((row) => [row.code, row.enablestate, row.dr])).toEqual([['KH01', 2, 0], ['KH02', 3, 0], ['KH03', 2, 0], ['KH04', 2, 1]]);
  });

  it('NC: an unconfirmed column that does not exist is named by a SchemaMismatchError before any query', async () => {
    await seedNcDatabase(database, customers);
    const source = createYonyouSource({ name: 'nc', product: 'nc', connection: database.url, columns: { taxId: 'taxno' } });
    try {
      const error = await source.count().catch((caught: unknown) => caught);
      expect(isCustcodeError(error, 'SCHEMA_MISMATCH'), String(error)).toBe(true);
      expect((error as Error).message).toContain('taxno');
    } finally {
      await source.close();
    }
  });
});
