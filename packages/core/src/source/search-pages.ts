import type { Customer } from '../customer/customer-schema.js';
import { ConnectionError } from '../errors/connection-error.js';
import { decodeCursor, positionAfter } from './cursor.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import { readerFields } from './projection.js';
import { handOn, planQuery } from './query-plan.js';
import { waitBeforeRetry } from './retry.js';
import type { SourceContext } from './source-context.js';
import type { CustomerFilter, CustomerQuery, QueryField } from './v1/customer-query.js';
import type { Cursor, SourceReader } from './v1/source-reader.js';

/**
 * Pages of matching customers, keyset-paged with the next page prefetched, or read by the reader's scan
 * when more than a page is wanted; the query is checked when the first page is asked for.
 */
export async function* searchPages(context: SourceContext, query: CustomerQuery): AsyncGenerator<Customer[]> {
  const { reader, capabilities, retry } = context;
  const { limit, after, fields: asked, ...filter } = parseCustomerQuery(query);
  const { pushed, residual } = planQuery(context, filter);
  const fields = readerFields(asked, residual);
  const projection = fields === undefined ? {} : { fields };
  const pageSize = capabilities.limits.page;
  const fetchPage = (cursor: Cursor | undefined, wanted: number): Promise<Customer[]> => {
    const rows = retry(() => reader.page({ filter: pushed, ...projection, limit: residual ? pageSize : Math.min(pageSize, wanted), ...(cursor ? { after: cursor } : {}) }));
    // A prefetched page may fail while the caller is still busy with the previous one (or has stopped):
    // the failure is seen where the page is awaited, never as an unhandled rejection.
    rows.catch(() => {});
    return rows;
  };
  let remaining = limit ?? Number.POSITIVE_INFINITY;
  if (remaining <= 0) return;
  const start = after === undefined ? undefined : storedCursor(context, after);
  // More than a page wanted and a reader that can read it in one statement: no round trip per page.
  if (reader.scan && remaining > pageSize) {
    const scanned = scanPages(context, reader.scan.bind(reader), { filter: pushed, ...projection }, residual, start, remaining);
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
      cursor = positionAfter(rows, reader.codeForm, cursor);
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
  request: { filter: CustomerFilter; fields?: readonly QueryField[] },
  residual: CustomerFilter | undefined,
  start: Cursor | undefined,
  wanted: number,
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
        cursor = positionAfter(rows, reader.codeForm, cursor);
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
function storedCursor({ stored }: SourceContext, after: string): Cursor {
  const cursor = decodeCursor(after);
  return after.startsWith('~') && cursor.code !== after ? cursor : { ...cursor, code: stored(cursor.code) };
}
