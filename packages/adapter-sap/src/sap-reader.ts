import { compareCursors, matchesFilter } from '@custcode/core/adapter';
import { type Customer, type CustomerFilter, type Cursor, type SourceReader } from '@custcode/core';
import { kna1Pushdown } from './mappings/kna1-filter.js';
import { combineStatus, kna1ToCustomer } from './mappings/kna1-mapping.js';
import { sapCustomerFields, sapRawColumns } from './mappings/sap-fields.js';
import { codesOnly, loadSapTexts, type SapTexts } from './mappings/text-tables.js';
import { kna1FieldsOf, orgLevelOf } from './read-plan.js';
import { allOf, compare, inList, type AbapCondition } from './rfc/abap-condition.js';
import { KeyWindows, type KeyBound } from './rfc/key-window.js';
import { ReadTableClient } from './rfc/read-table.js';
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
  const kna1Fields = kna1FieldsOf(options);
  const noTexts = codesOnly(options.categoryField);
  // Read once per source; a text table the user may not read stays unread (codes are reported) and is not
  // asked for again. Other failures (a lost connection) are retried by the next call.
  let textsLoading: Promise<SapTexts> | undefined;
  let unreadableTexts: SapTexts['unreadable'] = [];
  const texts = (): Promise<SapTexts> => {
    if (!options.texts) return Promise.resolve(noTexts);
    textsLoading ??= loadSapTexts(readTable, { language: options.language, categoryField: options.categoryField }).then((loaded) => {
      unreadableTexts = loaded.unreadable;
      return loaded;
    });
    textsLoading.catch(() => (textsLoading = undefined));
    return textsLoading;
  };

  /** Reads KNA1 rows (and their org-level rows) for a KUNNR condition and builds the customers. */
  async function customersWhere(kunnr: AbapCondition, pushed: AbapCondition | undefined, orgCondition: AbapCondition | undefined, sapTexts: SapTexts): Promise<Customer[]> {
    const rows = await readTable.read({ table: 'KNA1', fields: kna1Fields, keyFields: ['KUNNR'], where: allOf(kunnr, pushed) });
    if (rows.length === 0) return [];
    const mapping = { source: options.name, categoryField: options.categoryField, texts: sapTexts };
    const central = rows.map((row) => kna1ToCustomer(row, mapping));
    if (!orgLevel) return central;
    const byCode = new Map(rows.map((row, index) => [row.KUNNR ?? '', central[index]!]));
    const orgRows = await readTable.read({ table: orgLevel.table, fields: orgLevel.fields, keyFields: orgLevel.keyFields, where: allOf(kunnr, orgCondition) });
    const scoped: Customer[] = [];
    for (const orgRow of orgRows) {
      const customer = byCode.get(orgRow.KUNNR ?? '');
      if (!customer) continue;
      const raw = { ...customer.raw };
      for (const [field, value] of Object.entries(orgRow)) if (field !== 'KUNNR') raw[`${orgLevel.table}-${field}`] = value;
      scoped.push({ ...customer, org: orgLevel.orgOf(orgRow), status: combineStatus(customer.status, orgLevel.status(orgRow)), raw });
    }
    return scoped;
  }

  const storedKey = (customer: Customer): Cursor => ({ code: String(customer.raw.KUNNR ?? ''), ...(customer.org === undefined ? {} : { org: customer.org }) });

  /** Resolves the org part of a filter: undefined = no org condition, null = nothing can match. */
  function orgConditionFor(org: string | undefined): AbapCondition | undefined | null {
    if (org === undefined) return undefined;
    if (!orgLevel) return null;
    return orgLevel.orgCondition(org) ?? null;
  }

  /** A page mapped with `sapTexts`: the source's texts, or codes only when nothing but a count is wanted. */
  async function page({ filter, after, limit }: { filter: CustomerFilter; after?: Cursor; limit: number }, sapTexts?: SapTexts): Promise<Customer[]> {
    sapTexts ??= await texts();
    const pushdown = kna1Pushdown(filter, { categoryField: options.categoryField, centralStatusOnly: !orgLevel, texts: sapTexts });
    const orgCondition = orgConditionFor(filter.org);
    if (pushdown.impossible || orgCondition === null) return [];
    const result: Customer[] = [];
    // With org rows, a code can continue past the cursor (other orgs of the same KUNNR): start at it.
    let bound: KeyBound | undefined = after ? { code: after.code, inclusive: orgLevel !== undefined } : undefined;
    const [windows, keyCondition] = orgKeyWindows && orgCondition ? [orgKeyWindows, orgCondition] : [keyWindows, pushdown.where];
    while (result.length < limit) {
      const { keys, exhausted } = await windows.keysAfter(keyCondition, bound, limit - result.length);
      if (keys.length === 0) break;
      const range = allOf(compare('KUNNR', '>=', keys[0]!), compare('KUNNR', '<=', keys[keys.length - 1]!));
      const customers = (await customersWhere(range!, pushdown.where, orgCondition, sapTexts))
        .filter((customer) => matchesFilter(customer, filter) && (!after || compareCursors(storedKey(customer), after) > 0))
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
      changeTracking: 'created-column',
      pinyinSearch: 'scan',
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
        updatedSince: 'KNA1 has no change date: updatedSince compares the creation date ERDAT',
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
        const rows = await page({ filter, limit: options.pageSize, ...(after ? { after } : {}) }, sapTexts);
        total += rows.length;
        if (rows.length < options.pageSize) return total;
        after = storedKey(rows[rows.length - 1]!);
      }
    },
    close: () => transport.close(),
  };
}
