import type { Customer } from '../customer/customer-schema.js';
import { ConnectionError } from '../errors/connection-error.js';
import { normalizeCode } from '../code/normalize-code.js';
import { UnsupportedQueryError } from '../errors/unsupported-query-error.js';
import { decodeCursor, positionAfter, type SearchOrder, searchOrder, valueKeys } from './cursor.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import { readerFields } from './projection.js';
import { handOn, planQuery } from './query-plan.js';
import { waitBeforeRetry } from './retry.js';
import type { SourceContext } from './source-context.js';
import { RANK_TIERS } from './text-rank.js';
import { isPinyinQuery } from '../text/pinyin-initials.js';
import { type CustomerFilter, type CustomerQuery, type QueryField, type ReaderSortKey, TEXT_FIELDS } from './v1/customer-query.js';
import type { Cursor, RankTierHint, SourceReader } from './v1/source-reader.js';

/**
 * Pages of matching customers, keyset-paged with the next page prefetched, or read by the reader's scan
 * when more than a page is wanted; the query is checked when the first page is asked for.
 */
export async function* searchPages(context: SourceContext, query: CustomerQuery): AsyncGenerator<Customer[]> {
  const { limit, after, fields: asked, sort, ...filter } = parseCustomerQuery(query);
  const order = searchOrder({ ...(sort === undefined ? {} : { sort }), ...filter });
  const { pushed, residual } = planQuery(context, filter);
  if (order?.sort) checkSortable(context, order.sort);
  const fields = readerFields(asked, residual, order);
  const start = after === undefined ? undefined : storedCursor(context, after, order);
  if (order?.rank) {
    yield* relevancePages(context, filter, fields, start, limit ?? Number.POSITIVE_INFINITY, order);
    return;
  }
  yield* orderedPages(context, pushed, residual, fields, start, limit ?? Number.POSITIVE_INFINITY, order);
}

/**
 * A relevance search: one code-ordered pass per rank tier (best first), each handing on only the rows of
 * its tier, so every row comes exactly once and a cursor (tier, code, org) resumes anywhere. The code
 * tiers read only codes starting with the text (a prefix the backends answer from their code index).
 * Ranking is the core's, on every source alike; the cost is up to five reads of the matching rows.
 */
async function* relevancePages(
  context: SourceContext,
  filter: CustomerFilter,
  fields: readonly QueryField[] | undefined,
  start: Cursor | undefined,
  limit: number,
  order: SearchOrder,
): AsyncGenerator<Customer[]> {
  let remaining = limit;
  const codeSearched = (filter.textFields ?? TEXT_FIELDS).includes('code');
  for (let tier = start?.tier ?? 0; tier < RANK_TIERS.length && remaining > 0; tier++) {
    if (tier <= 1 && !codeSearched) continue;
    const tierFilter = tier <= 1 && filter.codePrefix === undefined ? { ...filter, codePrefix: normalizeCode(filter.text!) } : filter;
    // A pinyin match only ever ranks as a name prefix (tier 2): elsewhere a reader that matches text by
    // contains answers the tier's superset itself, rather than the core reading every row to check it.
    const pinyinDecides = tier === 2 && isPinyinQuery(filter.text!) && (filter.textFields ?? TEXT_FIELDS).includes('name');
    const plan = planQuery(context, tierFilter);
    const { pushed, residual } = plan.residual !== undefined && context.capabilities.textContains === true && !pinyinDecides ? { pushed: tierFilter, residual: undefined } : plan;
    const from = start !== undefined && tier === start.tier ? { code: start.code, ...(start.org === undefined ? {} : { org: start.org }), ...(start.seen === undefined ? {} : { seen: start.seen }) } : undefined;
    // Pushed text: the reader may narrow a name tier to its candidates (a LIKE in SQL) instead of handing over every match.
    const hint: RankTierHint | undefined = residual === undefined && !pinyinDecides && (tier === 2 || tier === 3) ? { text: filter.text!, tier, fields: filter.textFields ?? TEXT_FIELDS } : undefined;
    const pass = orderedPages(context, pushed, residual, fields, from, Number.POSITIVE_INFINITY, undefined, hint);
    try {
      for await (const rows of pass) {
        const page = rows.filter((row) => order.rank!(row) === tier);
        const handed = page.length > remaining ? page.slice(0, remaining) : page;
        remaining -= handed.length;
        if (handed.length > 0) yield handed;
        if (remaining <= 0) return;
      }
    } finally {
      await pass.return(undefined);
    }
  }
}

/** Rows in code order, or in a reader's sort order; the reader's page or scan. */
async function* orderedPages(
  context: SourceContext,
  pushed: CustomerFilter,
  residual: CustomerFilter | undefined,
  fields: readonly QueryField[] | undefined,
  start: Cursor | undefined,
  limit: number,
  order: SearchOrder | undefined,
  rankTier?: RankTierHint,
): AsyncGenerator<Customer[]> {
  const { reader, capabilities, retry } = context;
  const projection = { ...(fields === undefined ? {} : { fields }), ...(order?.sort ? { sort: order.sort } : {}), ...(rankTier ? { rankTier } : {}) };
  const pageSize = capabilities.limits.page;
  const fetchPage = (cursor: Cursor | undefined, wanted: number): Promise<Customer[]> => {
    const rows = retry(() => reader.page({ filter: pushed, ...projection, limit: residual ? pageSize : Math.min(pageSize, wanted), ...(cursor ? { after: cursor } : {}) }));
    // A prefetched page may fail while the caller is still busy with the previous one (or has stopped):
    // the failure is seen where the page is awaited, never as an unhandled rejection.
    rows.catch(() => {});
    return rows;
  };
  let remaining = limit;
  if (remaining <= 0) return;
  // More than a page wanted and a reader that can read it in one statement: no round trip per page.
  if (reader.scan && remaining > pageSize) {
    const scanned = scanPages(context, reader.scan.bind(reader), { filter: pushed, ...projection }, residual, start, remaining, order);
    const first = await scanned.next();
    // A reader with no connection free for a stream: read pages like every other reader.
    if (first.done !== true || first.value !== 'busy') {
      try {
        if (first.done !== true) yield first.value as Customer[];
        yield* scanned as AsyncGenerator<Customer[]>;
      } finally {
        // A reader that stops on the first page must still end the scan (and free its connection).
        await scanned.return(undefined);
      }
      return;
    }
  }
  let cursor = start;
  let next: Promise<Customer[]> | undefined = fetchPage(start, remaining);
  while (next !== undefined) {
    const rows: Customer[] = await next;
    next = undefined;
    // A full page: ask for the next one now, so the database works while the caller consumes this one.
    const wanted = residual ? remaining : remaining - rows.length;
    if (rows.length >= pageSize && rows.length > 0 && wanted > 0) {
      cursor = positionAfter(rows, reader.codeForm, cursor, order);
      next = fetchPage(cursor, wanted);
    }
    const page = handOn(rows, residual, remaining);
    remaining -= page.length;
    if (page.length > 0) yield page;
    if (remaining <= 0) return;
  }
}

/**
 * A reader's scan, started again after the last row handed on when the connection is lost mid-way.
 * Returns 'busy' (before any page) when the reader cannot stream now.
 */
async function* scanPages(
  { reader, retryOptions }: SourceContext,
  scan: NonNullable<SourceReader['scan']>,
  request: { filter: CustomerFilter; fields?: readonly QueryField[]; sort?: readonly ReaderSortKey[]; rankTier?: RankTierHint },
  residual: CustomerFilter | undefined,
  start: Cursor | undefined,
  wanted: number,
  order: SearchOrder | undefined,
): AsyncGenerator<Customer[], 'busy' | undefined> {
  let cursor = start;
  let remaining = wanted;
  for (let attempt = 0; ; ) {
    try {
      const limit = residual || remaining === Number.POSITIVE_INFINITY ? {} : { limit: remaining };
      const pages = scan({ ...request, ...(cursor ? { after: cursor } : {}), ...limit });
      if (pages === undefined) {
        // Busy before anything was read: the caller pages instead. Mid-way, wait and scan again.
        if (cursor === start && remaining === wanted) return 'busy';
        throw new ConnectionError({ reason: 'closed', message: `Source "${reader.name}" has no connection free to continue the stream.`, hint: 'Retry when fewer exports run at once.' });
      }
      for await (const rows of pages) {
        if (rows.length === 0) continue;
        attempt = 0;
        cursor = positionAfter(rows, reader.codeForm, cursor, order);
        const page = handOn(rows, residual, remaining);
        remaining -= page.length;
        if (page.length > 0) yield page;
        if (remaining <= 0) return undefined;
      }
      return undefined;
    } catch (error) {
      await waitBeforeRetry(error, attempt++, retryOptions);
    }
  }
}

/** Plain-code cursors are in the user's form; encoded ones already hold the stored form. */
function storedCursor({ stored }: SourceContext, after: string, order: SearchOrder | undefined): Cursor {
  const cursor = decodeCursor(after);
  const wrongOrder = order?.rank ? cursor.tier === undefined : order?.sort ? cursor.values?.length !== valueKeys(order.sort).length : cursor.values !== undefined || cursor.tier !== undefined;
  if (wrongOrder) {
    throw new UnsupportedQueryError({
      message: 'The cursor ("after") was made by a search in another order than this one.',
      hint: 'Continue a search with the nextCursor of the same search (same sort, same text), or start again without a cursor.',
    });
  }
  return after.startsWith('~') && cursor.code !== after ? cursor : { ...cursor, code: stored(cursor.code) };
}

/** A sort the reader cannot order by is refused, saying which fields it can. */
function checkSortable({ reader, capabilities }: SourceContext, sort: readonly ReaderSortKey[]): void {
  const sortable = new Set(capabilities.sortFields ?? []);
  const missing = sort.find((key) => !sortable.has(key.field));
  if (missing === undefined) return;
  const reason = capabilities.sortUnsupportedReason;
  throw new UnsupportedQueryError({
    message: `Source "${reader.name}" (${reader.erp}) cannot sort by "${missing.field}"${reason ? `: ${reason}` : ''}.`,
    hint: sortable.size === 0 ? 'Leave out the sort (results come ordered by code), or sort by relevance.' : `Sort by one of: ${[...sortable].join(', ')}, or by relevance.`,
  });
}
