import { expect, it } from '../vitest-api.js';
import type { Customer } from '../../customer/customer-schema.js';
import { isCustcodeError } from '../../errors/custcode-error.js';
import type { CustomerFilter, QueryField } from '../../source/v1/customer-query.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, expectedSearch, rejectionOf, rowKey } from '../expectations.js';
import { combinedFilterCases } from './filter-cases.js';

/** Always in a projected record (when the record has a value): written out here, not read from the code under test. */
const IDENTITY = ['source', 'erp', 'code', 'org'];

const FIELD_SETS: ReadonlyArray<readonly QueryField[]> = [['code', 'name', 'taxId'], ['status'], ['phone', 'createdAt', 'updatedAt', 'region'], ['name', 'raw']];

/** The expected record of a projection: the asked and identity fields that have a value, `raw` left to its own check. */
function picked(customer: Customer, fields: readonly QueryField[]): Record<string, unknown> {
  const keep = new Set<string>([...IDENTITY, ...fields]);
  return Object.fromEntries(Object.entries(customer).filter(([key, value]) => key !== 'raw' && keep.has(key) && value !== undefined));
}

/** The record's keys are the asked fields and the identity fields, no more; values as in the full record. */
async function expectProjection(context: ConformanceContext, filter: CustomerFilter, fields: readonly QueryField[], label: string): Promise<void> {
  const expected = expectedSearch(context, filter);
  const actual = (await collect(context.source().search({ ...filter, fields }))) as Customer[];
  expect(actual.map(rowKey), `${label}: rows and order`).toEqual(expected.map(rowKey));
  const allowed = new Set<string>([...IDENTITY, ...fields]);
  for (const customer of actual) {
    const extra = Object.keys(customer).filter((key) => !allowed.has(key));
    expect(extra, `${label}: ${rowKey(customer)} carries only asked and identity fields`).toEqual([]);
    expect(typeof customer.raw === 'object' && customer.raw !== null, `${label}: raw present exactly when asked`).toBe(fields.includes('raw'));
  }
  const withoutRawKey = ({ raw: _raw, ...rest }: Customer) => rest;
  expect(actual.map(withoutRawKey), `${label}: values`).toEqual(expected.map((customer) => picked(customer, fields)));
}

export function registerProjectionCases(context: ConformanceContext): void {
  it('search with fields returns the same rows, each with exactly the asked and identity fields', async () => {
    for (const fields of FIELD_SETS) await expectProjection(context, {}, fields, `fields ${fields.join(',')}`);
  });

  it('filters on fields that are not asked for still apply (text, category, status, dates, org)', async () => {
    const unsupported = context.description().unsupportedFilters;
    for (const { label, filter } of combinedFilterCases(context.expected())) {
      if (Object.keys(filter).some((key) => unsupported.includes(key))) continue;
      await expectProjection(context, filter, ['code'], `${label}, fields code`);
      await expectProjection(context, filter, ['taxId'], `${label}, fields taxId`);
    }
  });

  it('a projected search with a limit stops after that many rows', async () => {
    const actual = (await collect(context.source().search({ fields: ['name'], limit: 2 }))) as Customer[];
    expect(actual.map(rowKey)).toEqual(context.ordered().slice(0, 2).map(rowKey));
  });

  it('unknown or empty fields are refused with UnsupportedQueryError naming the valid fields', async () => {
    for (const fields of [['colour'], [], 'code', ['code', 'password']]) {
      const error = await rejectionOf(() => collect(context.source().search({ fields } as never)));
      expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), `fields ${JSON.stringify(fields)}`).toBe(true);
    }
    const error = await rejectionOf(() => collect(context.source().search({ fields: ['colour'] } as never)));
    expect(String((error as { hint?: string }).hint)).toContain('taxId');
  });
}
