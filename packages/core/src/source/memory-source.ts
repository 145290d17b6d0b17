import type { Customer } from '../customer/customer-schema.js';
import { CUSTOMER_FIELDS } from '../customer/customer-schema.js';
import type { ErpKind } from '../customer/erp-kind.js';
import { createCustomerSource } from './create-customer-source.js';
import { compareCursors, compareOrdered, keyOf, type SearchOrder } from './cursor.js';
import { SORT_FIELDS, type ReaderSortKey } from './v1/customer-query.js';
import { matchesFilter } from './match-filter.js';
import type { CustomerSource } from './v1/customer-source.js';
import type { RawColumns } from './v1/source-description.js';
import type { Cursor, SourceReader } from './v1/source-reader.js';

export interface MemorySourceOptions {
  name: string;
  erp?: ErpKind;
  customers: Iterable<Customer>;
  codeForm?: 'as-is' | 'sap-alpha';
  /** Rows per page of the stream; small values exercise paging in tests. */
  pageSize?: number;
  /** Codes per lookup batch. */
  lookupBatch?: number;
  /** Which `raw` keys carry which field (see `SourceDescription.rawColumns`). */
  rawColumns?: RawColumns;
}

/**
 * A source over records held in memory: files (CSV/XLSX) a consultant receives, test doubles, the
 * reference that SQL and RFC sources are compared with.
 */
export function createMemorySource(options: MemorySourceOptions): CustomerSource {
  const codeForm = options.codeForm ?? 'as-is';
  const key = (customer: Customer): Cursor => keyOf(customer, codeForm);
  const rows = [...options.customers].sort((a, b) => compareCursors(key(a), key(b)));
  const byCode = new Map<string, Customer[]>();
  for (const row of rows) {
    const stored = key(row).code;
    byCode.set(stored, [...(byCode.get(stored) ?? []), row]);
  }
  // Rows in each sort order asked for, made once (a file source is read whole anyway); stable, so rows of one key keep their line order.
  const sortedRows = new Map<string, Customer[]>();
  const inOrder = (sort: readonly ReaderSortKey[] | undefined): { ordered: Customer[]; compare: (row: Customer, cursor: Cursor) => number } => {
    if (sort === undefined || sort.length === 0) return { ordered: rows, compare: (row, cursor) => compareCursors(key(row), cursor) };
    const order: SearchOrder = { sort };
    const signature = JSON.stringify(sort);
    let ordered = sortedRows.get(signature);
    if (ordered === undefined) {
      ordered = [...rows].sort((a, b) => compareOrdered(keyOf(a, codeForm, order), keyOf(b, codeForm, order), order));
      sortedRows.set(signature, ordered);
    }
    return { ordered, compare: (row, cursor) => compareOrdered(keyOf(row, codeForm, order), cursor, order) };
  };
  const present = new Set(CUSTOMER_FIELDS.filter((field) => rows.some((row) => row[field] !== undefined)));

  const reader: SourceReader = {
    name: options.name,
    erp: options.erp ?? 'file',
    codeForm,
    describe: () => ({
      fields: CUSTOMER_FIELDS.filter((field) => present.has(field) || field === 'source' || field === 'erp'),
      orgScope: present.has('org') ? { kind: 'org', withoutOrg: 'the first row of that code in org order' } : { kind: 'none' },
      changeTracking: present.has('updatedAt') ? 'modified-column' : present.has('createdAt') ? 'created-column' : 'none',
      pinyinSearch: 'pushdown',
      unsupportedFilters: [],
      sortFields: [...SORT_FIELDS],
      limits: { lookupBatch: options.lookupBatch ?? 1000, page: options.pageSize ?? 1000 },
      resumable: true,
      ...(options.rawColumns === undefined ? {} : { rawColumns: options.rawColumns }),
      details: { rows: rows.length },
    }),
    async page({ filter, after, limit, sort }) {
      const { ordered, compare } = inOrder(sort);
      // Rows of one key keep the order they were given in (a file's line order): `after.seen` counts into them.
      let start = 0;
      if (after) {
        const passed = after.seen === undefined ? (row: Customer) => compare(row, after) <= 0 : (row: Customer) => compare(row, after) < 0;
        let low = 0;
        let high = ordered.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (passed(ordered[middle]!)) low = middle + 1;
          else high = middle;
        }
        start = low;
      }
      let skip = after?.seen ?? 0;
      const page: Customer[] = [];
      for (let index = start; index < ordered.length && page.length < limit; index++) {
        const row = ordered[index]!;
        if (!matchesFilter(row, filter)) continue;
        if (skip > 0 && compare(row, after!) === 0) skip--;
        else page.push(row);
      }
      return page;
    },
    async lookup(codes, { org }) {
      const found: Customer[] = [];
      for (const code of codes) {
        const candidates = byCode.get(code) ?? [];
        const match = org === undefined ? candidates[0] : candidates.find((candidate) => candidate.org === org);
        if (match) found.push(match);
      }
      return found;
    },
    async count(filter) {
      return rows.filter((row) => matchesFilter(row, filter)).length;
    },
    async close() {},
  };
  return createCustomerSource(reader);
}
