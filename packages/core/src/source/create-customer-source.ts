import { parseCodeInput } from '../code/normalize-code.js';
import { batchedLookup, lookupBatch } from './batched-lookup.js';
import { searchOrder, toStoredCode } from './cursor.js';
import { type PagedCustomers, pagedStream } from './customer-pages.js';
import { customerRevisions } from './customer-revisions.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import { keptFields, projectedByReader, projector, readerFields } from './projection.js';
import { planQuery } from './query-plan.js';
import { retryOnLostConnection, type RetryOptions } from './retry.js';
import { searchPages } from './search-pages.js';
import type { SourceContext } from './source-context.js';
import type { Customer } from '../customer/customer-schema.js';
import type { CustomerQuery, QueryField } from './v1/customer-query.js';
import type { CustomerSource } from './v1/customer-source.js';
import type { SourceDescription } from './v1/source-description.js';
import type { SourceReader } from './v1/source-reader.js';

/**
 * Builds the user-facing `CustomerSource` on top of an adapter's `SourceReader`: code normalisation,
 * batching under the backend's limit (batched-lookup), keyset paging and scanning with a resumable cursor
 * (search-pages), filters the reader cannot answer checked in memory (query-plan).
 */
export function createCustomerSource(reader: SourceReader, options: RetryOptions = {}): CustomerSource {
  const context: SourceContext = {
    reader,
    capabilities: reader.describe(),
    retryOptions: options,
    retry: (operation) => retryOnLostConnection(operation, options),
    stored: (code) => toStoredCode(code, reader.codeForm),
  };
  // Asked again on every describe(): a reader learns things while reading (warnings), the rest stays fixed.
  const describe = (): SourceDescription => ({ sortFields: [], ...reader.describe(), name: reader.name, erp: reader.erp, codeForm: reader.codeForm, readOnly: true });
  const search = (query: CustomerQuery = {}): PagedCustomers => pagedStream(() => projectedPages(context, searchPages(context, query), query));

  return {
    specificationVersion: 'v1',
    name: reader.name,
    erp: reader.erp,
    async get(code, lookup = {}) {
      const key = context.stored(parseCodeInput(code));
      return (await lookupBatch(context, [key], lookup)).get(key);
    },
    getMany: (codes, lookup) => batchedLookup(context, codes, lookup),
    search,
    async count(filter = {}) {
      const { limit: _limit, after: _after, fields: _fields, sort: _sort, ...parsed } = parseCustomerQuery(filter);
      const { pushed, residual } = planQuery(context, parsed);
      if (!residual) return context.retry(() => reader.count(pushed));
      let total = 0;
      for await (const _row of search(parsed)) total++;
      return total;
    },
    // Only where the reader has a change log: callers test for the method.
    ...(reader.revisions ? { revisions: (codes, revision) => customerRevisions(context, codes, revision) } : {}),
    describe,
    close: () => reader.close(),
  };
}

/**
 * Pages cut down to the asked fields (the query is checked by `searchPages` before the first page); a reader
 * that fills exactly the asked fields has its pages handed on as they are.
 */
async function* projectedPages(context: SourceContext, pages: AsyncGenerator<Customer[]>, query: CustomerQuery): AsyncGenerator<Customer[]> {
  // A projected ordered search keeps the fields its order reads, so callers can make cursors from its records.
  const fields = keptFields(query);
  if (fields === undefined || !Array.isArray(fields)) return yield* pages;
  let project: ((customer: Customer) => Customer) | undefined | null = null;
  for await (const page of pages) {
    if (project === null) {
      // Decided after the first page, when searchPages has accepted the query.
      const { limit: _limit, after: _after, fields: asked, sort, ...filter } = parseCustomerQuery(query);
      const { residual } = planQuery(context, filter);
      const order = searchOrder({ ...(sort === undefined ? {} : { sort }), ...filter });
      project = projectedByReader(context.reader.projectsExactly, fields, readerFields(asked, residual, order)!) ? undefined : projector(fields);
    }
    yield project === undefined ? page : page.map(project);
  }
}

