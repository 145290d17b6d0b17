import { isCustcodeError, type Customer, type CustomerFilter, type CustomerSource } from '@custcode/core';
import { matchesFilter } from '@custcode/core/adapter';
import { createGenericSqlSource, createSqlSource } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { expectedMapped, SAMPLE_MAPPING, SAMPLE_ROWS, seedSample } from './sample-customers.js';

const HOSTILE = ["' OR 1=1 --", '%', '_', '\\', '\u0000', 'x'.repeat(10_000), '!', '[a]', '"', ';DROP TABLE Customer'];

const FILTERS: CustomerFilter[] = [
  {},
  { text: 'acme' },
  { text: 'ACME' },
  { text: '华为' },
  { text: 'bjhw' },
  { text: 'SHPD' },
  { text: 'c00' },
  { text: '浦发' },
  { codePrefix: 'c0' },
  { codePrefix: 'KH-' },
  { codePrefix: 'X_' },
  { codePrefix: 'X%' },
  { name: 'pure_water' },
  { name: '100%' },
  { name: "o'brien \\" },
  { name: '[HK]' },
  { name: 'ltd ' },
  { name: '' },
  { phone: '0755' },
  { phone: '' },
  { category: '01' },
  { category: 'Retail' },
  { category: 'retail' },
  { category: '' },
  { region: 'GD' },
  { status: 'blocked' },
  { status: ['active', 'deleted'] },
  { org: '200' },
  { org: '300', status: 'active' },
  { org: '999' },
  { createdFrom: '2024-03-31' },
  { createdTo: '2024-03-31' },
  { createdTo: '2024-03-31T23:59:58' },
  { createdFrom: '2024-01-01', createdTo: '2024-01-05T09:30' },
  { updatedSince: '2024-05-01' },
  { updatedSince: '2024-03-01', text: 'c' },
  ...HOSTILE.flatMap((value): CustomerFilter[] => [{ text: value }, { name: value }, { codePrefix: value }, { phone: value }, { category: value }, { org: value }]),
];

const collect = async (iterable: AsyncIterable<Customer>) => {
  const rows: Customer[] = [];
  for await (const row of iterable) rows.push(row);
  return rows;
};
const key = (customer: Pick<Customer, 'code' | 'org'>) => `${customer.code}@${customer.org ?? ''}`;
const byCodeOrg = (a: Customer, b: Customer) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The mapped source's truth for search: every org's row (withoutOrg only narrows lookups); category also by class code. */
function expectedFor(filter: CustomerFilter): string[] {
  const { category, ...rest } = filter;
  return expectedMapped('mapped')
    .filter((customer) => matchesFilter(customer, rest))
    .filter((customer) => category === undefined || customer.category === category || customer.classCode === category)
    .sort(byCodeOrg)
    .map(key);
}

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable !== undefined)(`SQL sources on ${backend.name}`, () => {
    let database: TestDatabase;
    let mapped: CustomerSource;
    let generic: CustomerSource;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await seedSample(database);
      mapped = createSqlSource({ name: 'mapped', mapping: SAMPLE_MAPPING, connection: database.url, pageSize: 3, validateSchema: true });
      generic = createGenericSqlSource({
        name: 'crm',
        connection: database.url,
        table: 'Customer',
        columns: { code: 'CustomerID', name: 'CustomerName', phone: 'Phone', region: 'RegionCode', createdAt: 'Created', updatedAt: 'Updated', org: 'OrgID' },
        status: { column: 'Blocked', blocked: ['Y'], deleted: ['D'] },
        raw: ['CustomerID', 'Blocked'],
        pageSize: 2,
      });
    });
    afterAll(async () => {
      await mapped?.close();
      await generic?.close();
      await database?.drop();
    });

    it('returns whole records as the mapping describes them', async () => {
      const expected = expectedMapped('mapped').sort(byCodeOrg);
      const actual = await collect(mapped.search());
      expect(actual).toEqual(expected.map(({ home: _home, classCode: _classCode, ...customer }) => customer));
    });

    it.each(FILTERS.map((filter) => [JSON.stringify(filter).slice(0, 80), filter] as const))('search and count %s', async (_label, filter) => {
      const expected = expectedFor(filter);
      let answer: string[];
      try {
        answer = (await collect(mapped.search(filter))).map(key);
      } catch (error) {
        // The core may refuse a value outright (it rejects NUL); a typed refusal is a right answer too.
        expect(isCustcodeError(error, 'QUERY_UNSUPPORTED')).toBe(true);
        await expect(mapped.count(filter)).rejects.toSatisfy((countError) => isCustcodeError(countError, 'QUERY_UNSUPPORTED'));
        return;
      }
      expect(answer).toEqual(expected);
      expect(await mapped.count(filter)).toBe(expected.length);
    });

    it('resumes after a cursor and honours limit', async () => {
      const all = (await collect(mapped.search({ org: '100' }))).map(key);
      const firstTwo = await collect(mapped.search({ org: '100', limit: 2 }));
      expect(firstTwo.map(key)).toEqual(all.slice(0, 2));
      const rest = await collect(mapped.search({ org: '100', after: firstTwo[1]!.code }));
      expect(rest.map(key)).toEqual(all.slice(2));
    });

    it('looks codes up in the home org, in a given org, and misses cleanly', async () => {
      expect((await mapped.get('C001'))?.org).toBe('100');
      expect((await mapped.get(' C001 '))?.status).toBe('active');
      expect((await mapped.get('C001', { org: '200' }))?.status).toBe('blocked');
      expect(await mapped.get('C001', { org: '300' })).toBeUndefined();
      expect(await mapped.get('c001')).toBeUndefined();
      const codes = ['C010', 'nope', ...HOSTILE.slice(0, 4), 'X%1', 'C002'];
      const results = [];
      for await (const result of mapped.getMany(codes)) results.push([result.code, result.customer?.code]);
      expect(results).toEqual(codes.map((code) => [code, ['C010', 'X%1', 'C002'].includes(code) ? code : undefined]));
    });

    it('describes what the mapping can do', () => {
      const description = mapped.describe();
      expect(description.pinyinSearch).toBe('pushdown');
      expect(description.orgScope).toEqual({ kind: 'org', withoutOrg: 'the home org row' });
      expect(description.unsupportedFilters).toEqual([]);
      expect(description.details).toEqual({ dialect: backend.name === 'mariadb' ? 'mysql' : backend.name, table: 'Customer' });
    });

    it('generic-sql: classic column names, every row per org, status from one column', async () => {
      const rows = await collect(generic.search({ text: 'acme' }));
      expect(rows.map(key)).toEqual(['C002@100', 'C010@100', 'C010@300']);
      expect(rows[0]).toEqual({
        source: 'crm',
        erp: 'generic-sql',
        code: 'C002',
        name: 'Acme Trading Ltd',
        region: 'HK',
        status: 'active',
        createdAt: '2024-03-31T23:59:59',
        org: '100',
        raw: { CustomerID: 'C002', Blocked: null },
      });
      expect(await generic.count({ status: 'blocked' })).toBe(SAMPLE_ROWS.filter((row) => row.Blocked === 'Y').length);
      expect((await generic.get('C001'))?.org).toBe('100');
      expect(generic.describe().pinyinSearch).toBe('scan');
      // Without a mnemonic column the core matches pinyin initials itself.
      expect((await collect(generic.search({ text: 'szstx' }))).map(key)).toEqual(['KH-20240101@200']);
      expect(generic.describe().unsupportedFilters).toEqual(['category']);
    });
  });
}
