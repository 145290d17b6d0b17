import { expect, it } from '../vitest-api.js';
import { isCustcodeError } from '../../errors/custcode-error.js';
import type { Customer } from '../../customer/customer-schema.js';
import { compareOrdered, cursorAfter, keyOf, searchOrder } from '../../source/cursor.js';
import { textRank } from '../../source/text-rank.js';
import type { CustomerFilter, CustomerQuery, SortKey } from '../../source/v1/customer-query.js';
import type { ConformanceContext } from '../conformance-options.js';
import { collect, expectedSearch, rejectionOf, rowKey, withoutRaw } from '../expectations.js';

/** The reference order of a sorted or relevance search: the reference rows, stably ordered by the core's comparison. */
function expectedOrdered(context: ConformanceContext, filter: CustomerFilter, sort: SortKey[]): Customer[] {
  const codeForm = context.description().codeForm;
  const order = searchOrder({ sort, ...filter });
  const rows = expectedSearch(context, filter);
  if (order === undefined) return rows;
  return [...rows].sort((a, b) => compareOrdered(keyOf(a, codeForm, order), keyOf(b, codeForm, order), order));
}

/** Pages of `limit` through an ordered search with `after: cursorAfter(page, …, query)`, as the API does. */
async function pageThrough(context: ConformanceContext, query: CustomerQuery, limit: number): Promise<Customer[]> {
  const codeForm = context.description().codeForm;
  const all: Customer[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await collect(context.source().search({ ...query, limit, ...(after === undefined ? {} : { after }) }));
    all.push(...page);
    if (page.length < limit) return all;
    after = cursorAfter(page, codeForm, after, query);
  }
  throw new Error('paging did not end after 10,000 pages');
}

function expectSameRows(actual: Customer[], expected: Customer[], label: string): void {
  const keys = actual.map(rowKey);
  expect(new Set(keys).size, `${label}: no row repeated`).toBe(keys.length);
  expect(keys, `${label}: rows and order`).toEqual(expected.map(rowKey));
  expect(actual.map(withoutRaw), `${label}: records`).toEqual(expected.map(withoutRaw));
}

/** Texts that exercise every rank tier on the reference data: a whole code, a code's start, a name's start, a word. */
function relevanceTexts(expected: readonly Customer[]): string[] {
  const coded = expected.filter((row) => /^[A-Za-z0-9-]{3,}$/.test(row.code));
  const code = coded[Math.floor(coded.length / 2)]?.code;
  const latin = expected.find((row) => /^[A-Za-z]+ [A-Za-z]/.test(row.name))?.name;
  // Kept short: a source that cannot match text itself reads its rows once per tier (emulated transports are slow).
  const texts = ['有限', 'bj'];
  if (code !== undefined) texts.push(code.slice(0, 2), code.toLowerCase());
  if (latin !== undefined) texts.push(latin.split(' ')[1]!.slice(0, 3));
  return texts;
}

export function registerOrderCases(context: ConformanceContext): void {
  const textSupported = () => !context.description().unsupportedFilters.includes('text');

  it('sort by relevance ranks exact code, code prefix, name prefix, word start, contains — on every source alike', async () => {
    if (!textSupported()) return;
    let tiersSeen = new Set<number>();
    for (const text of relevanceTexts(context.expected())) {
      const sort: SortKey[] = [{ field: 'relevance' }];
      const expected = expectedOrdered(context, { text }, sort);
      expectSameRows(await collect(context.source().search({ text, sort })), expected, `relevance "${text}"`);
      tiersSeen = new Set([...tiersSeen, ...expected.map((row) => textRank(row, text)!)]);
    }
    // The texts reach at least the code tiers and the contains tier: the ranking is really exercised.
    expect([...tiersSeen].sort()).toEqual(expect.arrayContaining([0, 1, 4]));
  });

  it('relevance pages resume across tiers with cursorAfter: no row repeated or lost', async () => {
    if (!textSupported()) return;
    for (const [index, text] of relevanceTexts(context.expected()).slice(0, 3).entries()) {
      const query: CustomerQuery = { text, sort: [{ field: 'relevance' }] };
      for (const limit of index === 2 ? [1, 4] : [4]) expectSameRows(await pageThrough(context, query, limit), expectedOrdered(context, { text }, query.sort!), `relevance "${text}" by ${limit}`);
    }
  });

  it('relevance with text fields narrowed (a masked name) ranks by code and short name only', async () => {
    if (!textSupported()) return;
    const filter: CustomerFilter = { text: 'co', textFields: ['code', 'shortName'] };
    const query: CustomerQuery = { ...filter, sort: [{ field: 'relevance' }] };
    expectSameRows(await collect(context.source().search(query)), expectedOrdered(context, filter, query.sort!), 'relevance without the name');
  });

  it('sort pushdown orders the whole result by describe().sortFields, pages resume, other sorts are refused', async () => {
    const { sortFields = [], fields } = context.description();
    const candidates: SortKey[][] = [
      [{ field: 'name' }],
      [{ field: 'name', direction: 'desc' }],
      [{ field: 'code', direction: 'desc' }],
      [{ field: 'status', direction: 'desc' }, { field: 'name' }],
      [{ field: 'category' }, { field: 'code', direction: 'desc' }],
      [{ field: 'region', direction: 'desc' }],
      [{ field: 'shortName' }],
      [{ field: 'org', direction: 'desc' }],
    ];
    for (const sort of candidates) {
      const usable = sort.every((key) => sortFields.includes(key.field as never) && fields.includes(key.field as never));
      if (!usable) {
        if (sort.some((key) => !sortFields.includes(key.field as never))) {
          const error = await rejectionOf(() => collect(context.source().search({ sort, limit: 1 })));
          expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), `sort ${JSON.stringify(sort)} must be refused`).toBe(true);
        }
        continue;
      }
      const label = `sort ${JSON.stringify(sort)}`;
      expectSameRows(await collect(context.source().search({ sort })), expectedOrdered(context, {}, sort), label);
      expectSameRows(await pageThrough(context, { sort }, 7), expectedOrdered(context, {}, sort), `${label} in pages of 7`);
      if (textSupported()) expectSameRows(await pageThrough(context, { text: '有限', sort }, 3), expectedOrdered(context, { text: '有限' }, sort), `${label} with text`);
    }
  });

  it('a cursor from another order is refused, not misread', async () => {
    const ordered = context.ordered();
    const plain = cursorAfter(ordered.slice(0, 2), context.description().codeForm);
    const error = await rejectionOf(() => collect(context.source().search({ text: 'co', sort: [{ field: 'relevance' }], ...(plain === undefined ? {} : { after: plain }) })));
    expect(isCustcodeError(error, 'QUERY_UNSUPPORTED')).toBe(textSupported());
  });
}
