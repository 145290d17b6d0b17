/**
 * Very long filter text: every text filter is bounded (MAX_FILTER_TEXT_LENGTH) in the query schema, so
 * SQLite no longer fails with "LIKE or GLOB pattern too complex" (about 50,000 bytes) while other backends
 * answer: every source refuses the same values with the same typed error and answers the same below it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySource, isCustcodeError, type Customer, type CustomerFilter, type CustomerSource } from '@custcode/core';
import { MAX_FILTER_TEXT_LENGTH, matchesFilter } from '@custcode/core/adapter';
import { canonicalCustomers, orderCustomers } from '@custcode/core/testing';
import { createYonyouSource, seedU8Database } from '@custcode/adapter-yonyou';
import { createFileSource } from '@custcode/cli';
import { testBackends, type TestDatabase } from '../../test-support/backends.js';

const TEXT_FILTERS = ['text', 'codePrefix', 'name', 'phone', 'category', 'region', 'org'] as const;

async function codes(source: CustomerSource, filter: CustomerFilter): Promise<string[]> {
  const result: string[] = [];
  for await (const customer of source.search(filter)) result.push(customer.code);
  return result;
}

async function refusal(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** What every source must do with long values of each text filter it supports. */
function checkBounds(label: string, source: () => CustomerSource, ordered: () => Customer[]): void {
  it(`${label}: 50,000 characters (Latin and Chinese) in any text filter → QUERY_UNSUPPORTED, for search and count`, async () => {
    const unsupported = source().describe().unsupportedFilters;
    for (const key of TEXT_FILTERS.filter((filter) => !unsupported.includes(filter))) {
      for (const value of ['x'.repeat(50_000), '北'.repeat(50_000), 'a%'.repeat(MAX_FILTER_TEXT_LENGTH)]) {
        for (const error of [await refusal(() => codes(source(), { [key]: value })), await refusal(() => source().count({ [key]: value }))]) {
          expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), `${key} × ${value.length}: ${String((error as Error)?.message)}`).toBe(true);
          expect((error as Error).message).toContain(`at most ${MAX_FILTER_TEXT_LENGTH} characters`);
        }
      }
    }
  });

  it(`${label}: ${MAX_FILTER_TEXT_LENGTH} characters are answered as the in-memory filter answers`, async () => {
    const unsupported = source().describe().unsupportedFilters;
    const first = ordered()[0]!;
    for (const key of TEXT_FILTERS.filter((filter) => !unsupported.includes(filter))) {
      for (const value of ['%'.repeat(MAX_FILTER_TEXT_LENGTH), '北'.repeat(MAX_FILTER_TEXT_LENGTH), first.name.padEnd(MAX_FILTER_TEXT_LENGTH, '_')]) {
        const filter = { [key]: value };
        expect(await codes(source(), filter), `${key} × ${value.length}`).toEqual(ordered().filter((customer) => matchesFilter(customer, filter)).map((customer) => customer.code));
        expect(await source().count(filter)).toBe(ordered().filter((customer) => matchesFilter(customer, filter)).length);
      }
    }
  });
}

for (const backend of testBackends()) {
  if (backend.unavailable) console.warn(`test/faults/long-filter-text: ${backend.unavailable}`);
  describe.skipIf(backend.unavailable)(`long filter text on ${backend.name}`, () => {
    let database: TestDatabase;
    let source: CustomerSource;
    let ordered: Customer[] = [];
    beforeAll(async () => {
      database = await backend.createDatabase();
      ordered = orderCustomers(await seedU8Database(database, canonicalCustomers(), { source: 'u8' }), 'as-is');
      source = createYonyouSource({ name: 'u8', product: 'u8', connection: database.url });
    });
    afterAll(async () => {
      await source?.close();
      await database?.drop();
    });
    checkBounds('U8', () => source, () => ordered);
  });
}

describe('long filter text on the memory and file sources', () => {
  const customers = orderCustomers(canonicalCustomers().slice(0, 30).map((seed, index): Customer => ({
    source: 'f', erp: 'file', code: seed.code, name: seed.name, status: 'active', raw: {}, region: seed.region?.name ?? '', org: String(index % 3),
  })), 'as-is');
  const memory = createMemorySource({ name: 'm', customers });
  let file: CustomerSource;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-long-filter-'));
    writeFileSync(join(directory, 'f.csv'), `code,name,region,org\n${customers.map((customer) => [customer.code, customer.name, customer.region, customer.org].join(',')).join('\n')}\n`);
    file = await createFileSource({ name: 'f', path: join(directory, 'f.csv'), columns: { code: 'code', name: 'name', region: 'region', org: 'org' } });
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  checkBounds('memory', () => memory, () => customers);
  checkBounds('file', () => file, () => customers);
});
