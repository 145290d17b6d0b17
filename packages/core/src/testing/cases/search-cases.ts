import { expect, it } from '../vitest-api.js';
import { isCustcodeError } from '../../errors/custcode-error.js';
import type { CustomerFilter } from '../../source/v1/customer-query.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, expectedSearch, rejectionOf, rowKey, withoutRaw } from '../expectations.js';
import { combinedFilterCases, sampleFilterValue, singleFilterCases, type FilterCase } from './filter-cases.js';

const filterKeys = (filter: CustomerFilter) => Object.keys(filter).filter((key) => (filter as Record<string, unknown>)[key] !== undefined);

/** Search and count give exactly the reference answer, or both refuse a filter the source declares unsupported. */
async function expectFilter(context: ConformanceContext, { label, filter }: FilterCase): Promise<void> {
  const unsupported = context.description().unsupportedFilters;
  const refused = filterKeys(filter).filter((key) => unsupported.includes(key));
  if (refused.length > 0) {
    const searchError = await rejectionOf(() => collect(context.source().search(filter)));
    expect(isCustcodeError(searchError, 'QUERY_UNSUPPORTED'), `${label}: search must refuse ${refused.join(', ')}`).toBe(true);
    const countError = await rejectionOf(() => context.source().count(filter));
    expect(isCustcodeError(countError, 'QUERY_UNSUPPORTED'), `${label}: count must refuse ${refused.join(', ')}`).toBe(true);
    return;
  }
  const expected = expectedSearch(context, filter);
  const actual = await collect(context.source().search(filter));
  expect(actual.map(rowKey), `${label}: rows and order`).toEqual(expected.map(rowKey));
  expect(actual.map(withoutRaw), `${label}: records`).toEqual(expected.map(withoutRaw));
  expect(await context.source().count(filter), `${label}: count`).toBe(expected.length);
}

export function registerSearchCases(context: ConformanceContext): void {
  it('search without a filter streams every record ordered by (stored code, org)', async () => {
    const actual = await collect(context.source().search());
    expect(actual.map(rowKey)).toEqual(context.ordered().map(rowKey));
    expect(actual.map(withoutRaw)).toEqual(context.ordered().map(withoutRaw));
    expect(await context.source().count()).toBe(context.expected().length);
    expect(await context.source().count({})).toBe(context.expected().length);
  });

  it('each search filter alone gives the reference answer (matchesFilter), and count agrees', async () => {
    for (const filterCase of singleFilterCases(context.expected())) await expectFilter(context, filterCase);
  });

  it('several filters combined give the reference answer, and count agrees', async () => {
    for (const filterCase of combinedFilterCases(context.expected())) await expectFilter(context, filterCase);
  });

  it('filters listed in describe().unsupportedFilters are refused with UnsupportedQueryError', async () => {
    for (const key of context.description().unsupportedFilters) {
      const filter = sampleFilterValue(key);
      const error = await rejectionOf(() => collect(context.source().search(filter)));
      expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), `search refuses ${key}`).toBe(true);
      expect(isCustcodeError(await rejectionOf(() => context.source().count(filter)), 'QUERY_UNSUPPORTED'), `count refuses ${key}`).toBe(true);
    }
  });

  it('unknown query keys and bad values are refused with UnsupportedQueryError', async () => {
    for (const query of [{ colour: 'red' }, { status: 'asleep' }, { createdFrom: 'yesterday' }, { limit: 0 }, { limit: 1.5 }]) {
      const error = await rejectionOf(() => collect(context.source().search(query as never)));
      expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), `search(${JSON.stringify(query)})`).toBe(true);
    }
    expect(isCustcodeError(await rejectionOf(() => context.source().count({ colour: 'red' } as never)), 'QUERY_UNSUPPORTED')).toBe(true);
  });

  it('limit returns the first rows of the ordered stream', async () => {
    const ordered = context.ordered();
    for (const limit of [1, 5, 37, ordered.length, ordered.length + 10]) {
      const actual = await collect(context.source().search({ limit }));
      expect(actual.map(rowKey), `limit ${limit}`).toEqual(ordered.slice(0, limit).map(rowKey));
    }
    const filter: CustomerFilter = { status: 'active' };
    if (!context.description().unsupportedFilters.includes('status')) {
      const actual = await collect(context.source().search({ ...filter, limit: 9 }));
      expect(actual.map(rowKey)).toEqual(expectedSearch(context, filter).slice(0, 9).map(rowKey));
    }
  });

  it('limit applies after text filtering (a page of misses does not end the stream early)', async () => {
    const filter: CustomerFilter = { text: 'Trading' };
    if (context.description().unsupportedFilters.includes('text')) {
      // A source that declares it cannot search text must say so, not answer wrongly.
      await expect(collect(context.source().search({ ...filter, limit: 3 }))).rejects.toMatchObject({ code: 'QUERY_UNSUPPORTED' });
      return;
    }
    const expected = expectedSearch(context, filter);
    const actual = await collect(context.source().search({ ...filter, limit: 3 }));
    expect(actual.map(rowKey)).toEqual(expected.slice(0, 3).map(rowKey));
  });
}
