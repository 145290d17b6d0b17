import type { Customer } from '../customer/customer-schema.js';
import { normalizeCode, parseCodeInput } from '../code/normalize-code.js';
import { ConnectionError } from '../errors/connection-error.js';
import { UnsupportedQueryError } from '../errors/unsupported-query-error.js';
import { retryOnLostConnection, type RetryOptions, waitBeforeRetry } from './retry.js';
import { decodeCursor, positionAfter, toStoredCode } from './cursor.js';
import { matchesFilter } from './match-filter.js';
import { type PagedCustomers, pagedStream } from './customer-pages.js';
import type { CustomerFilter, CustomerQuery, LookupOptions } from './v1/customer-query.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import type { CustomerSource, LookupResult } from './v1/customer-source.js';
import type { SourceDescription } from './v1/source-description.js';
import type { Cursor, SourceDriver } from './v1/source-driver.js';

/**
 * Codes in arrays of up to `size`: a plain iterable (an array of 100k codes) is read without one await per
 * code, an async one as its codes arrive.
 */
async function* chunksOf(codes: Iterable<string> | AsyncIterable<string>, size: number): AsyncGenerator<string[]> {
  let chunk: string[] = [];
  if (typeof codes === 'object' && Symbol.asyncIterator in codes) {
    for await (const code of codes) {
      chunk.push(code);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  } else {
    for (const code of codes) {
      chunk.push(code);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** What the caller gets of a page: the rows that pass the filter the core checks itself, at most `remaining`. */
function handOn(rows: Customer[], residual: CustomerFilter | undefined, remaining: number): Customer[] {
  const page = residual ? rows.filter((row) => matchesFilter(row, residual)) : rows;
  return page.length > remaining ? page.slice(0, remaining) : page;
}

/**
 * Builds the user-facing `CustomerSource` on top of an adapter's `SourceDriver`: code normalisation,
 * batching under the backend's limit, keyset streaming with a resumable cursor, in-memory fallbacks.
 */
export function createCustomerSource(driver: SourceDriver, options: RetryOptions = {}): CustomerSource {
  const capabilities = driver.describe();
  const retry = <T>(operation: () => Promise<T>) => retryOnLostConnection(operation, options);
  // Asked again on every describe(): a driver learns things while reading (warnings), the rest stays fixed.
  const describe = (): SourceDescription => ({ ...driver.describe(), name: driver.name, erp: driver.erp, codeForm: driver.codeForm, readOnly: true });
  const stored = (code: string) => toStoredCode(code, driver.codeForm);

  /** Splits a filter into what the driver evaluates and what the core must check itself. */
  function plan(filter: CustomerFilter): { pushed: CustomerFilter; residual: CustomerFilter | undefined } {
    for (const key of capabilities.unsupportedFilters) {
      if ((filter as Record<string, unknown>)[key] !== undefined) {
        throw new UnsupportedQueryError({
          message: `Source "${driver.name}" (${driver.erp}) cannot filter by "${key}": the ERP has no such column in this mapping.`,
          hint: `Remove the "${key}" filter, or map a column for it in the source's configuration.`,
        });
      }
    }
    const text = filter.text === '' ? undefined : filter.text;
    const { text: _text, textFields, ...rest } = filter;
    const textFilter = text === undefined ? {} : { text, ...(textFields === undefined ? {} : { textFields }) };
    if (text !== undefined && capabilities.pinyinSearch === 'scan') return { pushed: rest, residual: textFilter };
    return { pushed: { ...rest, ...textFilter }, residual: undefined };
  }

  /** Pages of matching customers; the query is checked when the first page is asked for. */
  async function* searchPages(query: CustomerQuery): AsyncGenerator<Customer[]> {
    const { limit, after, ...filter } = parseCustomerQuery(query);
    const { pushed, residual } = plan(filter);
    const pageSize = capabilities.limits.page;
    const fetchPage = (cursor: Cursor | undefined, wanted: number): Promise<Customer[]> => {
      const rows = retry(() => driver.page({ filter: pushed, limit: residual ? pageSize : Math.min(pageSize, wanted), ...(cursor ? { after: cursor } : {}) }));
      // A prefetched page may fail while the caller is still busy with the previous one (or has stopped):
      // the failure is seen where the page is awaited, never as an unhandled rejection.
      rows.catch(() => {});
      return rows;
    };
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    const start = after === undefined ? undefined : storedCursor(after);
    // More than a page wanted and a driver that can read it in one statement: no round trip per page.
    if (driver.scan && remaining > pageSize) {
      const scanned = scanPages(driver.scan.bind(driver), pushed, residual, start, remaining);
      const first = await scanned.next();
      // A driver with no connection free for a stream: read pages like every other driver.
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
        cursor = positionAfter(rows, driver.codeForm, cursor);
        next = fetchPage(cursor, wanted);
      }
      const page = handOn(rows, residual, remaining);
      remaining -= page.length;
      if (page.length > 0) yield page;
      if (remaining <= 0) return;
    }
  }

  /**
   * A driver's scan, started again after the last row handed on when the connection is lost mid-way.
   * Returns 'busy' (before any page) when the driver cannot stream now.
   */
  async function* scanPages(scan: NonNullable<SourceDriver['scan']>, pushed: CustomerFilter, residual: CustomerFilter | undefined, start: Cursor | undefined, wanted: number): AsyncGenerator<Customer[], 'busy' | undefined> {
    let cursor = start;
    let remaining = wanted;
    for (let attempt = 0; ; ) {
      try {
        const limit = residual || remaining === Number.POSITIVE_INFINITY ? {} : { limit: remaining };
        const pages = scan({ filter: pushed, ...(cursor ? { after: cursor } : {}), ...limit });
        if (pages === undefined) {
          // Busy before anything was read: the caller pages instead. Mid-way, wait and scan again.
          if (cursor === start && remaining === wanted) return 'busy';
          throw new ConnectionError({ reason: 'closed', message: `Source "${driver.name}" has no connection free to continue the stream.`, hint: 'Retry when fewer exports run at once.' });
        }
        for await (const rows of pages) {
          if (rows.length === 0) continue;
          attempt = 0;
          cursor = positionAfter(rows, driver.codeForm, cursor);
          const page = handOn(rows, residual, remaining);
          remaining -= page.length;
          if (page.length > 0) yield page;
          if (remaining <= 0) return undefined;
        }
        return undefined;
      } catch (error) {
        await waitBeforeRetry(error, attempt++, options);
      }
    }
  }

  const search = (query: CustomerQuery = {}): PagedCustomers => pagedStream(() => searchPages(query));

  /** Plain-code cursors are in the user's form; encoded ones already hold the stored form. */
  function storedCursor(after: string): Cursor {
    const cursor = decodeCursor(after);
    return after.startsWith('~') && cursor.code !== after ? cursor : { ...cursor, code: stored(cursor.code) };
  }

  async function lookupBatch(codes: string[], options: LookupOptions): Promise<Map<string, Customer>> {
    const found = new Map<string, Customer>();
    if (codes.length === 0) return found;
    // The org is checked as the org filter of a search is (no NUL, bounded length).
    const org = options.org === undefined ? undefined : parseCustomerQuery({ org: options.org }).org;
    const rows = await retry(() => driver.lookup(codes, org === undefined ? {} : { org }));
    for (const row of rows) {
      const key = stored(row.code);
      if (!found.has(key)) found.set(key, row);
    }
    return found;
  }

  async function* getMany(codes: Iterable<string> | AsyncIterable<string>, options: LookupOptions = {}): AsyncGenerator<LookupResult> {
    const batchSize = capabilities.limits.lookupBatch;
    let pending: Array<{ code: string; key: string | undefined }> = [];
    let keys = new Set<string>();
    /** Starts the lookup of the codes read so far; its answers come in input order. */
    const startBatch = (): Promise<LookupResult[]> => {
      const batch = pending;
      const answers = lookupBatch([...keys], options).then((found) =>
        batch.map((item) => ({ code: item.code, customer: item.key === undefined ? undefined : found.get(item.key) })),
      );
      // Failures surface where the batch is awaited (or not at all, once the caller has stopped).
      answers.catch(() => {});
      pending = [];
      keys = new Set();
      return answers;
    };
    // While a batch is still being looked up, the next one starts (as `search` prefetches its next page):
    // a server works on both at once. A batch already answered (a local, synchronous database) is handed
    // out first, so that only one batch of answers is held at a time.
    let previous: Promise<LookupResult[]> | undefined;
    let previousAnswered = false;
    for await (const chunk of chunksOf(codes, batchSize)) {
      for (const code of chunk) {
        const key = safeStoredKey(code);
        pending.push({ code, key });
        if (key !== undefined) keys.add(key);
        // Repeated codes do not grow the key set; bound the pending answers too, so memory stays constant.
        if (keys.size >= batchSize || pending.length >= batchSize * 8) {
          if (previous && previousAnswered) {
            for (const answer of await previous) yield answer;
            previous = undefined;
          }
          const next = startBatch();
          if (previous) for (const answer of await previous) yield answer;
          previous = next;
          previousAnswered = false;
          next.then(
            () => {
              if (next === previous) previousAnswered = true;
            },
            () => {},
          );
        }
      }
    }
    const last = pending.length > 0 ? startBatch() : undefined;
    if (previous) for (const answer of await previous) yield answer;
    if (last) for (const answer of await last) yield answer;
  }

  /** A malformed code in a batch is a miss, not a failure of the whole batch. */
  function safeStoredKey(code: string): string | undefined {
    try {
      return stored(parseCodeInput(code));
    } catch {
      return undefined;
    }
  }

  return {
    specificationVersion: 'v1',
    name: driver.name,
    erp: driver.erp,
    async get(code, options = {}) {
      const key = stored(parseCodeInput(code));
      return (await lookupBatch([key], options)).get(key);
    },
    getMany,
    search,
    async count(filter = {}) {
      const { limit: _limit, after: _after, ...parsed } = parseCustomerQuery(filter);
      const { pushed, residual } = plan(parsed);
      if (!residual) return retry(() => driver.count(pushed));
      let total = 0;
      for await (const _row of search(parsed)) total++;
      return total;
    },
    describe,
    close: () => driver.close(),
  };
}

