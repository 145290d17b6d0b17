import { redactUrl } from '@custcode/core/adapter';
import { type Customer, type CustomerFilter, type SourceReader } from '@custcode/core';
import { BD_CUSTOMER_FIELD_KEYS, BD_CUSTOMER_ORDER, BD_CUSTOMER_RAW_COLUMNS, customerFromRow, matchesBdCustomer } from './bd-customer-fields.js';
import { filterStringFor, lookupFilterString, type FilterPlan } from './filter-string.js';
import type { K3CloudClient } from './k3cloud-webapi-client.js';

export interface K3CloudWebApiReaderOptions {
  name: string;
  client: K3CloudClient;
  /** Rows per ExecuteBillQuery call (`Limit`, at most 2000). */
  pageRows: number;
  /** Codes per lookup call (they go into one `FNumber in (…)`). */
  lookupBatch: number;
  lcid: number;
  url: string;
}

/** ExecuteBillQuery pages (by StartRow) fetched per keyset page of the stream. */
const CALLS_PER_PAGE = 5;

/**
 * K/3 Cloud `BD_Customer` over ExecuteBillQuery as a core SourceReader. Filters are pushed into the
 * FilterString; every row is then checked again with core's matchesFilter (category/region also by
 * number), so answers keep the reference semantics where SQL Server's case-insensitive collation differs.
 */
export function createK3CloudWebApiReader(options: K3CloudWebApiReaderOptions): SourceReader {
  const { client, pageRows } = options;

  /** Streams the rows of one FilterString, paged by StartRow; `visit` returns false to stop. */
  async function scan(plan: FilterPlan, check: CustomerFilter | undefined, visit: (customer: Customer) => boolean): Promise<void> {
    if (plan === false) return;
    for (let startRow = 0; ; ) {
      const rows = await client.executeBillQuery({
        FormId: 'BD_Customer',
        FieldKeys: BD_CUSTOMER_FIELD_KEYS.join(','),
        FilterString: plan,
        OrderString: BD_CUSTOMER_ORDER,
        TopRowCount: 0,
        StartRow: startRow,
        Limit: pageRows,
        SubSystemId: '',
      });
      for (const row of rows) {
        const customer = customerFromRow(row, options.name);
        if ((!check || matchesBdCustomer(customer, check)) && !visit(customer)) return;
      }
      if (rows.length < pageRows) return;
      startRow += rows.length;
    }
  }

  async function collect(plan: FilterPlan, check: CustomerFilter | undefined, wanted: number): Promise<Customer[]> {
    const found: Customer[] = [];
    await scan(plan, check, (customer) => found.push(customer) < wanted);
    return found;
  }

  return {
    name: options.name,
    erp: 'kingdee-k3cloud',
    codeForm: 'as-is',
    describe: () => ({
      fields: ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org'],
      orgScope: { kind: 'use-org', withoutOrg: "the creating organisation's own row (FUseOrgId = FCreateOrgId)" },
      changeTracking: 'modified-column',
      // No pinyin column on BD_Customer: the core matches `text` while streaming.
      pinyinSearch: 'scan',
      // Relevance still works (the core ranks); column sorts are refused with this reason.
      sortFields: [],
      sortUnsupportedReason: 'this adapter pages ExecuteBillQuery by number (its OrderString is not used yet)',
      unsupportedFilters: [],
      limits: { lookupBatch: options.lookupBatch, page: pageRows * CALLS_PER_PAGE },
      resumable: true,
      rawColumns: BD_CUSTOMER_RAW_COLUMNS,
      details: { transport: 'webapi', formId: 'BD_Customer', url: redactUrl(options.url), lcid: options.lcid, pageRows },
    }),
    page: ({ filter, after, limit }) => collect(filterStringFor(filter, after), filter, limit),
    lookup: (codes, { org }) => collect(lookupFilterString(codes, org), undefined, Number.POSITIVE_INFINITY),
    async count(filter) {
      let total = 0;
      await scan(filterStringFor(filter), filter, () => ++total > 0);
      return total;
    },
    close: () => client.close(),
  };
}
