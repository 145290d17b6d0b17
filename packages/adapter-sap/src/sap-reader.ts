import { compareCursors, filterStart, matchesFilter, neededFields, type QueryField } from '@custcode/core/adapter';
import { type Customer, type CustomerFilter, type CustomerRevision, type Cursor, type SourceReader } from '@custcode/core';
import { CDHDR_KEY_FIELDS, changedSinceCondition, changeHeaderRead, changeItemRead, oldValuesByCustomer, rowsBefore } from './mappings/change-documents.js';
import { kna1Pushdown } from './mappings/kna1-filter.js';
import { combineStatus, kna1ToCustomer } from './mappings/kna1-mapping.js';
import { sapCustomerFields, sapRawColumns } from './mappings/sap-fields.js';
import { codesOnly, loadSapTexts, type SapTexts } from './mappings/text-tables.js';
import { orgLevelOf, sapReadPlan, type SapReadPlan } from './read-plan.js';
import { allOf, compare, inList, type AbapCondition } from './rfc/abap-condition.js';
import { KeyWindows, type KeyBound } from './rfc/key-window.js';
import { ReadTableClient, type TableRow } from './rfc/read-table.js';
import type { RfcTransport } from './rfc/rfc-transport.js';
import type { ResolvedSapSourceOptions } from './sap-options.js';
import { textTablesWarning } from './text-tables-warning.js';

/** The SourceReader over KNA1 (+ KNB1 or KNVV): keyset pages by exact KUNNR ranges, lookups by IN lists. */
export function createSapReader(options: ResolvedSapSourceOptions, transport: RfcTransport): SourceReader {
  const readTable = new ReadTableClient(transport, options.functionModule, options.rowWidth);
  const keyWindows = new KeyWindows(readTable, 'KNA1', options.keyWindow);
  const orgLevel = orgLevelOf(options.orgScope);
  // Within one company code or sales area KUNNR is unique, so the org table can drive the paging when an org is asked for.
  const orgKeyWindows = orgLevel ? new KeyWindows(readTable, orgLevel.table, options.keyWindow) : undefined;
  // Customers with change documents since a date, found in key windows like KNA1 (several headers per customer).
  const changedKeyWindows = new KeyWindows(readTable, 'CDHDR', options.keyWindow, 'OBJECTID', CDHDR_KEY_FIELDS);
  // Without a projection every read asks for the same columns.
  const fullPlan = sapReadPlan(options, orgLevel, undefined);
  const noTexts = codesOnly(options.categoryField);
  // Read once per source; a text table the user may not read stays unread (codes are reported) and is not
  // asked for again. Other failures (a lost connection) are retried by the next call.
  let textsLoading: Promise<SapTexts> | undefined;
  let unreadableTexts: SapTexts['unreadable'] = [];
  // A projection without category or region (and no filter on them) never reads the text tables.
  const texts = (plan: SapReadPlan = fullPlan): Promise<SapTexts> => {
    if (!options.texts || !plan.texts) return Promise.resolve(noTexts);
    textsLoading ??= loadSapTexts(readTable, { language: options.language, categoryField: options.categoryField }).then((loaded) => {
      unreadableTexts = loaded.unreadable;
      return loaded;
    });
    textsLoading.catch(() => (textsLoading = undefined));
    return textsLoading;
  };

  /** The customer of a KNA1 row and, with an org scope, one of its org-level rows. */
  function customerOf(kna1: TableRow, orgRow: TableRow | undefined, sapTexts: SapTexts): Customer {
    const customer = kna1ToCustomer(kna1, { source: options.name, categoryField: options.categoryField, texts: sapTexts });
    if (!orgLevel || !orgRow) return customer;
    const raw = { ...customer.raw };
    for (const [field, value] of Object.entries(orgRow)) if (field !== 'KUNNR') raw[`${orgLevel.table}-${field}`] = value;
    return { ...customer, org: orgLevel.orgOf(orgRow), status: combineStatus(customer.status, orgLevel.status(orgRow)), raw };
  }

  /** KNA1 rows for a KUNNR condition, each with its org-level rows (none without an org scope; a row without one is dropped then). */
  async function rowsWhere(kunnr: AbapCondition, pushed: AbapCondition | undefined, orgCondition: AbapCondition | undefined, plan: SapReadPlan = fullPlan): Promise<Array<{ kna1: TableRow; orgRow?: TableRow }>> {
    const rows = await readTable.read({ table: 'KNA1', fields: plan.kna1, keyFields: ['KUNNR'], where: allOf(kunnr, pushed) });
    if (rows.length === 0 || !orgLevel) return rows.map((kna1) => ({ kna1 }));
    const byCode = new Map(rows.map((row) => [row.KUNNR ?? '', row]));
    const orgRows = await readTable.read({ table: orgLevel.table, fields: plan.orgLevel, keyFields: orgLevel.keyFields, where: allOf(kunnr, orgCondition) });
    return orgRows.flatMap((orgRow) => {
      const kna1 = byCode.get(orgRow.KUNNR ?? '');
      return kna1 ? [{ kna1, orgRow }] : [];
    });
  }

  /** Reads KNA1 rows (and their org-level rows) for a KUNNR condition and builds the customers. */
  async function customersWhere(kunnr: AbapCondition, pushed: AbapCondition | undefined, orgCondition: AbapCondition | undefined, sapTexts: SapTexts, plan?: SapReadPlan): Promise<Customer[]> {
    return (await rowsWhere(kunnr, pushed, orgCondition, plan)).map(({ kna1, orgRow }) => customerOf(kna1, orgRow, sapTexts));
  }

  /** Customers of the given KUNNRs, in IN lists of at most `lookupBatch`. */
  async function customersOf(kunnrs: string[], pushed: AbapCondition | undefined, orgCondition: AbapCondition | undefined, sapTexts: SapTexts, plan: SapReadPlan): Promise<Customer[]> {
    const customers: Customer[] = [];
    for (let start = 0; start < kunnrs.length; start += options.lookupBatch) customers.push(...(await customersWhere(inList('KUNNR', kunnrs.slice(start, start + options.lookupBatch)), pushed, orgCondition, sapTexts, plan)));
    return customers;
  }

  /** The records of `kunnrs` with change documents since `since`, now and as they were then. */
  async function revisions(kunnrs: string[], since: string, org: string | undefined): Promise<CustomerRevision[]> {
    const orgCondition = orgConditionFor(org);
    if (kunnrs.length === 0 || orgCondition === null) return [];
    const headers = await readTable.read(changeHeaderRead(kunnrs, since));
    if (headers.length === 0) return [];
    const changed = [...new Set(headers.map((row) => row.OBJECTID ?? ''))];
    const numbers = [...new Set(headers.map((row) => row.CHANGENR ?? ''))];
    const tables = ['KNA1', ...(orgLevel ? [orgLevel.table] : [])];
    const items: TableRow[] = [];
    for (let start = 0; start < numbers.length; start += options.lookupBatch) items.push(...(await readTable.read(changeItemRead(changed, numbers.slice(start, start + options.lookupBatch), tables))));
    const oldValues = oldValuesByCustomer(headers, items);
    const sapTexts = await texts();
    const rows = await rowsWhere(inList('KUNNR', changed), undefined, orgCondition);
    return rows
      .map(({ kna1, orgRow }) => {
        const before = rowsBefore(kna1, orgRow, orgLevel, oldValues.get(kna1.KUNNR ?? '') ?? []);
        return { current: customerOf(kna1, orgRow, sapTexts), before: customerOf(before.kna1, before.orgRow, sapTexts) };
      })
      .sort((a, b) => compareCursors(storedKey(a.current), storedKey(b.current)));
  }

  const storedKey = (customer: Customer): Cursor => ({ code: String(customer.raw.KUNNR ?? ''), ...(customer.org === undefined ? {} : { org: customer.org }) });

  /** Resolves the org part of a filter: undefined = no org condition, null = nothing can match. */
  function orgConditionFor(org: string | undefined): AbapCondition | undefined | null {
    if (org === undefined) return undefined;
    if (!orgLevel) return null;
    return orgLevel.orgCondition(org) ?? null;
  }

  /** A page mapped with `sapTexts`: the source's texts, or codes only when nothing but a count is wanted. */
  async function page({ filter, after, limit, fields }: { filter: CustomerFilter; after?: Cursor; limit: number; fields?: readonly QueryField[] }, sapTexts?: SapTexts): Promise<Customer[]> {
    // A projection reads only the columns its fields (and the filter checked below) are built from: narrower field groups, fewer calls.
    const plan = fields === undefined ? fullPlan : sapReadPlan(options, orgLevel, neededFields(fields, filter));
    sapTexts ??= await texts(plan);
    const pushdown = kna1Pushdown(filter, { categoryField: options.categoryField, centralStatusOnly: !orgLevel, texts: sapTexts });
    const orgCondition = orgConditionFor(filter.org);
    if (pushdown.impossible || orgCondition === null) return [];
    // With change documents, updatedSince is: created since (ERDAT, the KNA1 keys) or changed since (CDHDR keys).
    const { updatedSince, ...unchanged } = filter;
    const changeLog = options.changeDocuments && updatedSince !== undefined ? changedSinceCondition(updatedSince) : undefined;
    const dataWhere = changeLog ? kna1Pushdown(unchanged, { categoryField: options.categoryField, centralStatusOnly: !orgLevel, texts: sapTexts }).where : pushdown.where;
    const result: Customer[] = [];
    // With org rows, a code can continue past the cursor (other orgs of the same KUNNR): start at it.
    let bound: KeyBound | undefined = after ? { code: after.code, inclusive: orgLevel !== undefined } : undefined;
    const [windows, keyCondition] = orgKeyWindows && orgCondition && !changeLog ? [orgKeyWindows, orgCondition] : [keyWindows, pushdown.where];
    while (result.length < limit) {
      const wanted = limit - result.length;
      const created = await windows.keysAfter(keyCondition, bound, wanted);
      const changed = changeLog ? await changedKeyWindows.keysAfter(changeLog, bound, wanted) : undefined;
      const { keys, exhausted } = changed ? mergeKeys(created, changed, wanted) : created;
      if (keys.length === 0) break;
      const range = allOf(compare('KUNNR', '>=', keys[0]!), compare('KUNNR', '<=', keys[keys.length - 1]!));
      // Changed customers are scattered over the key range: read by IN lists, not by the range.
      const read = changed ? await customersOf(keys, dataWhere, orgCondition, sapTexts, plan) : await customersWhere(range!, dataWhere, orgCondition, sapTexts, plan);
      const changedKeys = new Set(changed?.keys);
      const start = updatedSince === undefined ? '' : filterStart(updatedSince);
      const matches = (customer: Customer) =>
        changeLog ? matchesFilter(customer, unchanged) && (changedKeys.has(String(customer.raw.KUNNR ?? '')) || (customer.createdAt ?? '') >= start) : matchesFilter(customer, filter);
      const customers = read
        .filter((customer) => matches(customer) && (!after || compareCursors(storedKey(customer), after) > 0))
        .sort((a, b) => compareCursors(storedKey(a), storedKey(b)));
      result.push(...customers.slice(0, limit - result.length));
      if (exhausted) break;
      bound = { code: keys[keys.length - 1]!, inclusive: false };
    }
    return result;
  }

  return {
    name: options.name,
    erp: 'sap',
    codeForm: 'sap-alpha',
    describe: () => ({
      fields: sapCustomerFields(orgLevel !== undefined),
      orgScope: orgLevel ? { kind: orgLevel.scope, withoutOrg: orgLevel.withoutOrg } : { kind: 'none' },
      changeTracking: options.changeDocuments ? 'change-documents' : 'created-column',
      pinyinSearch: 'scan',
      // Relevance still works (the core ranks); column sorts are refused with this reason.
      sortFields: [],
      sortUnsupportedReason: 'RFC_READ_TABLE returns rows in table order and has no ORDER BY; results come ordered by customer number',
      unsupportedFilters: [],
      limits: { lookupBatch: options.lookupBatch, page: options.pageSize },
      resumable: true,
      rawColumns: sapRawColumns(options.categoryField, orgLevel?.table),
      ...(unreadableTexts.length === 0 ? {} : { warnings: [textTablesWarning(unreadableTexts, options.functionModule)] }),
      details: {
        functionModule: options.functionModule,
        table: orgLevel ? `KNA1+${orgLevel.table}` : 'KNA1',
        rowWidth: options.rowWidth,
        keyWindow: options.keyWindow,
        categoryField: options.categoryField,
        transport: transport.kind,
        updatedSince: options.changeDocuments
          ? 'change documents (CDHDR/CDPOS, object class DEBI; UDATE/UTIME in the system time zone) or the creation date ERDAT'
          : 'KNA1 has no change date: updatedSince compares the creation date ERDAT',
      },
    }),
    page: (request) => page(request),
    async lookup(codes, { org }) {
      const orgCondition = orgConditionFor(org);
      // KUNNR is CHAR10: a longer code cannot exist.
      const candidates = codes.filter((code) => code.length > 0 && code.length <= 10);
      if (candidates.length === 0 || orgCondition === null) return [];
      const customers = await customersWhere(inList('KUNNR', candidates), undefined, orgCondition, await texts());
      return customers.sort((a, b) => compareCursors(storedKey(a), storedKey(b)));
    },
    async count(filter) {
      // Names matter only to a region or category filter: any other count never reads the text tables.
      const sapTexts = filter.region !== undefined || filter.category !== undefined ? await texts() : noTexts;
      // Central status and no other filter: the WHERE is exact, so counting keys is enough (10 characters a row).
      if (!orgLevel && Object.entries(filter).every(([key, value]) => value === undefined || key === 'status')) {
        const pushdown = kna1Pushdown(filter, { categoryField: options.categoryField, centralStatusOnly: true, texts: sapTexts });
        return keyWindows.countKeys(pushdown.where);
      }
      let total = 0;
      let after: Cursor | undefined;
      for (;;) {
        // Only the filter's columns (and the key) are read for a count.
        const rows = await page({ filter, fields: ['code'], limit: options.pageSize, ...(after ? { after } : {}) }, sapTexts);
        total += rows.length;
        if (rows.length < options.pageSize) return total;
        after = storedKey(rows[rows.length - 1]!);
      }
    },
    ...(options.changeDocuments ? { revisions: (codes: string[], { since, org }: { since: string; org?: string }) => revisions(codes, since, org) } : {}),
    close: () => transport.close(),
  };
}

/**
 * The next keys of two sorted key streams together: up to `max`, no further than the last key of a stream
 * that is not exhausted (past it, that stream has not been read yet).
 */
function mergeKeys(a: { keys: string[]; exhausted: boolean }, b: { keys: string[]; exhausted: boolean }, max: number): { keys: string[]; exhausted: boolean } {
  let cut: string | undefined;
  for (const part of [a, b]) {
    const last = part.keys[part.keys.length - 1];
    if (!part.exhausted && last !== undefined && (cut === undefined || last < cut)) cut = last;
  }
  const merged = [...new Set([...a.keys, ...b.keys])].filter((key) => cut === undefined || key <= cut).sort();
  const keys = merged.slice(0, max);
  return { keys, exhausted: a.exhausted && b.exhausted && keys.length === merged.length };
}
