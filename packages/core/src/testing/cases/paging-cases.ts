import { expect, it } from '../vitest-api.js';
import { cursorAfter, cursorOf, toStoredCode } from '../../source/cursor.js';
import type { CustomerFilter } from '../../source/v1/customer-query.js';
import type { Customer } from '../../customer/customer-schema.js';
import type { ConformanceContext } from '../conformance-options.js';
import { binaryCompare, collect, expectedSearch, rowKey, withoutRaw } from '../expectations.js';

/** Pages through `filter` with `limit` + `after: cursorAfter(page)`, as the API's pages do. */
async function pageThrough(context: ConformanceContext, filter: CustomerFilter, limit: number): Promise<Customer[]> {
  const codeForm = context.description().codeForm;
  const all: Customer[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await collect(context.source().search({ ...filter, limit, ...(after === undefined ? {} : { after }) }));
    expect(page.length).toBeLessThanOrEqual(limit);
    all.push(...page);
    if (page.length < limit) return all;
    after = cursorAfter(page, codeForm, after);
  }
  throw new Error('paging did not end after 10,000 pages');
}

function expectSameStream(actual: Customer[], expected: Customer[], label: string): void {
  const keys = actual.map(rowKey);
  expect(new Set(keys).size, `${label}: no row repeated`).toBe(keys.length);
  expect(keys, `${label}: no row lost`).toEqual(expected.map(rowKey));
  expect(actual.map(withoutRaw), label).toEqual(expected.map(withoutRaw));
}

export function registerPagingCases(context: ConformanceContext): void {
  it('paging with limit + cursorAfter(page) yields the full stream, no row lost or repeated', async () => {
    for (const limit of [7, 50]) {
      expectSameStream(await pageThrough(context, {}, limit), context.ordered(), `limit ${limit}`);
    }
  });

  it('paging resumes under a filter', async () => {
    const unsupported = context.description().unsupportedFilters;
    const filters: CustomerFilter[] = [{ status: 'active' }, { text: '有限' }, { codePrefix: 'C' }];
    for (const filter of filters) {
      if (Object.keys(filter).some((key) => unsupported.includes(key))) continue;
      expectSameStream(await pageThrough(context, filter, 13), expectedSearch(context, filter), JSON.stringify(filter));
    }
  });

  it('a cursor taken from the middle resumes right after that row', async () => {
    const ordered = context.ordered();
    const codeForm = context.description().codeForm;
    for (const index of [0, 1, Math.floor(ordered.length / 2), ordered.length - 2, ordered.length - 1]) {
      const row = ordered[index];
      if (row === undefined) continue;
      const rest = await collect(context.source().search({ after: cursorOf(row, codeForm) }));
      expect(rest.map(rowKey), `after ${rowKey(row)}`).toEqual(ordered.slice(index + 1).map(rowKey));
    }
  });

  it('a plain code as cursor resumes after that code', async () => {
    const { codeForm, orgScope } = context.description();
    const ordered = context.ordered();
    for (const row of [ordered[3], ordered[Math.floor(ordered.length / 3)]]) {
      if (row === undefined) continue;
      const stored = toStoredCode(row.code, codeForm);
      const rest = await collect(context.source().search({ after: row.code }));
      const expected = ordered.filter((candidate) => binaryCompare(toStoredCode(candidate.code, codeForm), stored) > 0);
      if (orgScope.kind === 'none') {
        expect(rest.map(rowKey), `after ${row.code}`).toEqual(expected.map(rowKey));
        continue;
      }
      // Org-scoped: a plain code does not say which org row of that code came last, so the code's own rows
      // may follow (a nullable org column orders NULL first); every later code follows, and nothing earlier.
      const [same, later] = partition(rest, (candidate) => toStoredCode(candidate.code, codeForm) === stored);
      expect(later.map(rowKey), `after ${row.code}`).toEqual(expected.map(rowKey));
      expect(rest.slice(0, same.length).map(rowKey), `rows of ${row.code} come first`).toEqual(same.map(rowKey));
      const sameKeys = new Set(same.map(rowKey));
      const codeRows = ordered.filter((candidate) => toStoredCode(candidate.code, codeForm) === stored).map(rowKey);
      expect(same.map(rowKey), `rows of ${row.code} are its own, in order`).toEqual(codeRows.filter((key) => sameKeys.has(key)));
    }
  });

  it('leaving a stream early, or reading two streams in turn, leaves the source usable', async () => {
    const source = context.source();
    for await (const _row of source.search()) break;
    const first = source.search()[Symbol.asyncIterator]();
    const secondFilter: CustomerFilter = context.description().unsupportedFilters.includes('status') ? {} : { status: 'active' };
    const second = source.search(secondFilter)[Symbol.asyncIterator]();
    const left: string[] = [];
    const right: string[] = [];
    for (let done = [false, false]; !done[0] || !done[1]; ) {
      if (!done[0]) {
        const next = await first.next();
        if (next.done) done[0] = true;
        else left.push(rowKey(next.value));
      }
      if (!done[1]) {
        const next = await second.next();
        if (next.done) done[1] = true;
        else right.push(rowKey(next.value));
      }
    }
    expect(left).toEqual(context.ordered().map(rowKey));
    expect(right).toEqual(expectedSearch(context, secondFilter).map(rowKey));
    expect(await source.count()).toBe(context.expected().length);
  });
}

/** The items that pass and the items that do not, each in order. */
function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
