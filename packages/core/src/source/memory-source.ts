import type { Customer } from '../customer/customer-schema.js';
import { CUSTOMER_FIELDS } from '../customer/customer-schema.js';
import type { ErpKind } from '../customer/erp-kind.js';
import { createCustomerSource } from './create-customer-source.js';
import { compareCursors, keyOf } from './cursor.js';
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
      limits: { lookupBatch: options.lookupBatch ?? 1000, page: options.pageSize ?? 1000 },
      resumable: true,
      ...(options.rawColumns === undefined ? {} : { rawColumns: options.rawColumns }),
      details: { rows: rows.length },
    }),
    async page({ filter, after, limit }) {
      // Rows of one key keep the order they were given in (a file's line order): `after.seen` counts into them.
      let start = 0;
      if (after) {
        const passed = after.seen === undefined ? (row: Customer) => compareCursors(key(row), after) <= 0 : (row: Customer) => compareCursors(key(row), after) < 0;
        let low = 0;
        let high = rows.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (passed(rows[middle]!)) low = middle + 1;
          else high = middle;
        }
        start = low;
      }
      let skip = after?.seen ?? 0;
      const page: Customer[] = [];
      for (let index = start; index < rows.length && page.length < limit; index++) {
        const row = rows[index]!;
        if (!matchesFilter(row, filter)) continue;
        if (skip > 0 && compareCursors(key(row), after!) === 0) skip--;
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
