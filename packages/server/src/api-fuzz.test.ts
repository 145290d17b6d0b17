/**
 * Fuzzed API requests: every query parameter of the customer, export and lookup routes with fast-check
 * values (hostile text, 50,000 characters, real and impossible dates, odd numbers, cursors) against a
 * customer table on each test database. "An INTERNAL error is always a bug": no answer is a 500 or carries
 * the INTERNAL code, and a bad parameter is a 400 naming what was wrong.
 */
import fc from 'fast-check';
import { createGenericSqlSource } from '@custcode/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../../../test-support/backends.js';
import { entryOf, fixtureApp } from './testing/api-fixtures.js';

const RUNS = { sqlite: 500, mariadb: 150, postgres: 150 } as const;
const PARAMETERS = ['text', 'codePrefix', 'name', 'phone', 'category', 'region', 'status', 'org', 'createdFrom', 'createdTo', 'updatedSince', 'limit', 'cursor', 'count', 'format', 'fields', 'headers', 'encoding'] as const;

const HOSTILE = ["'", '%', '_', '\\', '[a-z]', '\u0000', '😀', '𠮷', 'ＫＨ２０２４', '北京', ' OR 1=1 --', '\t', ' ', 'x'.repeat(50_000), '北'.repeat(501), 'K00', '~e30', '~eyJjIjoxfQ', 'active,blocked', 'code,name', 'csv', 'zh'];
const DATES = ['2024-13-01', '0000-00-00', '2024-02-30', '2024-01-01T25:00', '1752-12-31', '9999-12-31', '2024-02-29', '2024-06-01T08:30', '2024', 'yesterday'];
const NUMBERS = ['1e3', '0x10', '1.5', '-1', '0', '1', '2', '1000', '1001', ' 2', '99999999999999999999'];
const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...DATES), fc.constantFrom(...NUMBERS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
/** Mostly values of the parameter's own kind (dates for date parameters), any fuzzed value otherwise. */
const ownKind = (name: string) => (/created|updated/i.test(name) ? DATES : name === 'limit' ? NUMBERS : HOSTILE);
const parameter = fc.constantFrom(...PARAMETERS).chain((name) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ownKind(name)) }, { weight: 1, arbitrary: value }).map((text) => [name, text] as [string, string]));

const ROWS = [
  { CustomerID: 'K001', CustomerName: '北京华信科技有限公司', Phone: '13800000001', Region: '北京', Created: '2024-03-01 09:00:00' },
  { CustomerID: 'K002', CustomerName: '上海浦东发展有限公司', Phone: '13800000002', Region: '上海', Created: '2023-12-31 23:59:59' },
  { CustomerID: '', CustomerName: '大连星海港务有限公司', Phone: null, Region: '辽宁', Created: null },
];

/** A request: a route, a few parameters with fuzzed values (some under their own kind of value). */
const request = fc
  .tuple(
    fc.constantFrom('customers', 'export', 'customers/K001', 'customers/%20K001%20', 'lookup'),
    fc.array(parameter, { maxLength: 4 }),
    fc.array(value, { minLength: 1, maxLength: 3 }),
  )
  .map(([route, pairs, codes]) => ({ route, query: new URLSearchParams(pairs).toString(), codes }));

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`[server API fuzz] ${backend.unavailable}`);
  describe.skipIf(backend.unavailable !== undefined)(`fuzzed API requests over a customer table on ${backend.name}`, () => {
    let database: TestDatabase;
    let app: ReturnType<typeof fixtureApp>;
    beforeAll(async () => {
      database = await backend.createDatabase();
      const q = (name: string) => database.quote(name);
      await database.run(`CREATE TABLE ${q('crm_customer')} (${['CustomerID', 'CustomerName', 'Phone', 'Region'].map((column) => `${q(column)} VARCHAR(100)`).join(', ')}, ${q('Created')} ${backend.name === 'postgres' ? 'TIMESTAMP' : 'DATETIME'})`);
      await database.insert('crm_customer', ROWS);
      const source = createGenericSqlSource({
        name: 'crm', connection: database.url, table: 'crm_customer',
        columns: { code: 'CustomerID', name: 'CustomerName', phone: 'Phone', region: 'Region', createdAt: 'Created', updatedAt: 'Created' },
      });
      app = fixtureApp({ policy: undefined, sources: { crm: entryOf(source) } });
    });
    afterAll(async () => {
      await app?.custcode.close();
      await database?.drop();
    });

    it(`never answers 500 or INTERNAL (${RUNS[backend.name]} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(request, async ({ route, query, codes }) => {
          const response =
            route === 'lookup'
              ? await app.request(`/sources/crm/customers:lookup?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ codes, ...(query.includes('org=') ? { org: new URLSearchParams(query).get('org') } : {}) }) })
              : await app.request(`/sources/crm/${route}?${query}`);
          const body = await response.text();
          const label = `${route}?${query.slice(0, 200)} → ${response.status} ${body.slice(0, 300)}`;
          expect(response.status, label).toBeLessThan(500);
          expect(body, label).not.toContain('"INTERNAL"');
          if (response.status === 400) expect(JSON.parse(body), label).toMatchObject({ error: { message: expect.any(String), category: 'usage' } });
        }),
        { numRuns: RUNS[backend.name], seed: 20_261_132 },
      );
    });
  });
}
