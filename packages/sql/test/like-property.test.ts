import { matchesFilter } from '@custcode/core/adapter';
import { type Customer } from '@custcode/core';
import { createGenericSqlSource } from '@custcode/sql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';

// Names and needles from an alphabet full of LIKE and quoting hazards: every answer must be core's.
const ALPHABET = ['a', 'B', 'c', '%', '_', '!', '[', ']', '\\', "'", '"', ' ', '-', '中', 'x'];
const NAMES = ['a%B', 'ab_c', 'A!B', '[ab]', "o'c\\x", 'B B ', 'x-中', '%%', '__', '!!', 'c"', 'plain'];

const collect = async (iterable: AsyncIterable<Customer>) => {
  const codes: string[] = [];
  for await (const customer of iterable) codes.push(customer.code);
  return codes;
};

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(backend.unavailable);
  describe.skipIf(backend.unavailable !== undefined)(`LIKE filters equal matchesFilter on ${backend.name}`, () => {
    let database: TestDatabase;
    const expected: Customer[] = NAMES.map((name, index) => ({
      source: 'p',
      erp: 'generic-sql',
      code: `P${String(index).padStart(2, '0')}`,
      name: name.trimEnd(),
      status: 'active',
      raw: {},
    }));
    beforeAll(async () => {
      database = await backend.createDatabase();
      await database.run(`CREATE TABLE ${database.quote('Named')} (${database.quote('Code')} VARCHAR(10), ${database.quote('Name')} VARCHAR(40))`);
      await database.insert('Named', NAMES.map((name, index) => ({ Code: `P${String(index).padStart(2, '0')}`, Name: name })));
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('name, text and codePrefix give the reference answer for any needle', async () => {
      const source = createGenericSqlSource({ name: 'p', connection: database.url, table: 'Named', columns: { code: 'Code', name: 'Name' } });
      const needle = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
      await fc.assert(
        fc.asyncProperty(needle, fc.constantFrom('name', 'text', 'codePrefix'), async (value, key) => {
          const filter = { [key]: value };
          const want = expected.filter((customer) => matchesFilter(customer, filter)).map((customer) => customer.code);
          expect(await collect(source.search(filter))).toEqual(want);
        }),
        { numRuns: 60, seed: 20241128 },
      );
      await source.close();
    });
  });
}
