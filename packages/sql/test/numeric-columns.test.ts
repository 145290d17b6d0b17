import { type Customer } from '@custcode/core';
import { createGenericSqlSource, createSeedTable, type GenericSqlSourceOptions } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';

const collect = async (iterable: AsyncIterable<Customer>) => {
  const codes: string[] = [];
  for await (const customer of iterable) codes.push(`${customer.code}@${customer.org}`);
  return codes;
};

// The classic in-house table: an INTEGER customer id and an integer org. User text must never be
// compared with them as numbers (PostgreSQL would refuse 'C001' for an integer, MySQL would match it to 0).
for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable !== undefined)(`generic-sql with numeric id columns on ${backend.name}`, () => {
    let database: TestDatabase;
    let options: GenericSqlSourceOptions;
    beforeAll(async () => {
      database = await backend.createDatabase();
      await createSeedTable(database, 'Client', [
        { name: 'ClientID', type: 'int', notNull: true },
        { name: 'ClientName', type: 'text', length: 50 },
        { name: 'DeptID', type: 'int' },
        { name: 'ClassID', type: 'int' },
      ]);
      await database.insert('Client', [
        { ClientID: 0, ClientName: 'Zero Ltd', DeptID: 10, ClassID: 1 },
        { ClientID: 7, ClientName: 'Seven Ltd', DeptID: 10, ClassID: 2 },
        { ClientID: 17, ClientName: '一七公司', DeptID: 20, ClassID: 1 },
        { ClientID: 170, ClientName: 'Hundred Seventy', DeptID: 10, ClassID: null },
      ]);
      options = { name: 'legacy', connection: database.url, table: 'Client', columns: { code: 'ClientID', name: 'ClientName', org: 'DeptID', category: 'ClassID' } };
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('looks up numbers, and text codes are misses rather than errors', async () => {
      const source = createGenericSqlSource(options);
      expect((await source.get('7'))?.name).toBe('Seven Ltd');
      expect(await source.get('C001')).toBeUndefined();
      expect(await source.get('007')).toBeUndefined();
      expect(await source.get("' OR 1=1 --")).toBeUndefined();
      const results = [];
      for await (const result of source.getMany(['17', 'abc', '0'])) results.push(result.customer?.name);
      expect(results).toEqual(['一七公司', undefined, 'Zero Ltd']);
      await source.close();
    });

    it('streams every row of a code when one of them has no org, page after page', async () => {
      await database.insert('Client', [
        { ClientID: 500, ClientName: 'No dept', DeptID: null, ClassID: null },
        { ClientID: 500, ClientName: 'Dept 10', DeptID: 10, ClassID: null },
        { ClientID: 500, ClientName: 'Dept 20', DeptID: 20, ClassID: null },
      ]);
      const source = createGenericSqlSource({ ...options, pageSize: 1 });
      try {
        const rows = await collect(source.search({ codePrefix: '500' }));
        expect([...rows].sort()).toEqual(['500@10', '500@20', '500@undefined']);
      } finally {
        await source.close();
        await database.run(`DELETE FROM ${database.quote('Client')} WHERE ${database.quote('ClientID')} = 500`);
      }
    });

    it('searches numbers as text and compares org/category only with numbers', async () => {
      const source = createGenericSqlSource(options);
      const all = await collect(source.search());
      expect([...all].sort()).toEqual(['0@10', '170@10', '17@20', '7@10']);
      expect((await collect(source.search({ text: '7' }))).sort()).toEqual(['170@10', '17@20', '7@10']);
      expect((await collect(source.search({ codePrefix: '17' }))).sort()).toEqual(['170@10', '17@20']);
      expect(await collect(source.search({ org: '20' }))).toEqual(['17@20']);
      expect(await collect(source.search({ org: 'D20' }))).toEqual([]);
      expect(await collect(source.search({ org: '020' }))).toEqual([]);
      expect(await source.count({ category: '1' })).toBe(2);
      expect(await source.count({ category: 'retail' })).toBe(0);
      await source.close();
    });
  });
}
