import { neededFields, redactUrl, type QueryField } from '@custcode/core/adapter';
import { type Customer, type CustomerFilter, type Cursor, type SourceReader } from '@custcode/core';
import { BD_CUSTOMER_FIELD_KEYS, BD_CUSTOMER_ORDER, BD_CUSTOMER_RAW_COLUMNS, bdCustomerFieldKeys, customerFromRow, matchesBdCustomer, type BdCustomerFieldKey } from './bd-customer-fields.js';
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

  /**
   * Streams the rows of one FilterString, paged by StartRow; `visit` returns false to stop. `keys`: the
   * FieldKeys asked for (a projection asks only for those its fields and the checked filter are built from).
   */
  async function scan(plan: FilterPlan, check: CustomerFilter | undefined, visit: (customer: Customer) => boolean, keys: readonly BdCustomerFieldKey[] = BD_CUSTOMER_FIELD_KEYS): Promise<void> {
    if (plan === false) return;
    for (let startRow = 0; ; ) {
      const rows = await client.executeBillQuery({
        FormId: 'BD_Customer',
        FieldKeys: keys.join(','),
        FilterString: plan,
        OrderString: BD_CUSTOMER_ORDER,
        TopRowCount: 0,
        StartRow: startRow,
        Limit: pageRows,
        SubSystemId: '',
      });
      for (const row of rows) {
        const customer = customerFromRow(row, options.name, keys);
        if ((!check || matchesBdCustomer(customer, check)) && !visit(customer)) return;
      }
      if (rows.length < pageRows) return;
      startRow += rows.length;
    }
  }

  async function collect(plan: FilterPlan, check: CustomerFilter | undefined, wanted: number, keys?: readonly BdCustomerFieldKey[]): Promise<Customer[]> {
    const found: Customer[] = [];
    await scan(plan, check, (customer) => found.push(customer) < wanted, keys);
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
    page: ({ filter, after, limit, fields }: { filter: CustomerFilter; after?: Cursor; limit: number; fields?: readonly QueryField[] }) =>
      collect(filterStringFor(filter, after), filter, limit, bdCustomerFieldKeys(fields === undefined ? undefined : neededFields(fields, filter))),
    lookup: (codes, { org }) => collect(lookupFilterString(codes, org), undefined, Number.POSITIVE_INFINITY),
    async count(filter) {
      let total = 0;
      // Only the keys the filter is checked on are read for a count.
      await scan(filterStringFor(filter), filter, () => ++total > 0, bdCustomerFieldKeys(neededFields(['code'], filter)));
      return total;
    },
    close: () => client.close(),
  };
}
