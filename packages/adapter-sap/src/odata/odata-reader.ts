import { BackendError, type Customer, type CustomerFilter, type Cursor, type SourceReader } from '@custcode/core';
import { compareCursors, matchesFilter, neededFields, redactUrl, type QueryField } from '@custcode/core/adapter';
import { sapCustomerFields } from '../mappings/sap-fields.js';
import { A_BUSINESS_PARTNER, A_CUSTOMER, categoryPropertyOf, odataOrgLevelOf, odataReadPlan, resultsOf, type ODataEntity, type ODataReadPlan } from './odata-entities.js';
import type { ODataHttpClient } from './odata-http.js';
import { odataToCustomer, withOrg } from './odata-mapping.js';
import type { ResolvedSapODataOptions } from './odata-options.js';
import { customerPushdown } from './odata-pushdown.js';
import { allOf, compare, eq, orListBatches, resourceOf, type ODataFilter } from './odata-query.js';

interface EntityQuery {
  filter?: ODataFilter;
  select: string[];
  expand?: string[];
  orderby: string[];
}

/** Which customers a companion read (business partners, org rows) is for: an exact key range, or these codes. */
type Keys = { range: [string, string] } | { codes: string[] };

/**
 * The SourceReader over API_BUSINESS_PARTNER: pages are keyset reads of A_Customer (`Customer gt 'last'`,
 * ordered by Customer, `$top`, the server's `__next` followed), then the business partners and org rows of
 * exactly those customers; lookups are OR-lists within the URL length limit.
 */
export function createSapODataReader(options: ResolvedSapODataOptions, http: ODataHttpClient): SourceReader {
  const orgLevel = odataOrgLevelOf(options.orgScope);
  const categoryProperty = categoryPropertyOf(options.categoryField);
  // Without a projection every read asks for the same properties.
  const fullPlan = odataReadPlan(categoryProperty, orgLevel, undefined);
  const mapping = { source: options.name, categoryProperty, timeZone: options.timeZone };

  /** Reads up to `top` entities (all when undefined), following the server's `__next` links. */
  async function read(entitySet: string, query: EntityQuery, top?: number): Promise<ODataEntity[]> {
    const entities: ODataEntity[] = [];
    let resource: string | undefined = resourceOf(entitySet, { ...query, ...(top === undefined ? {} : { top }) });
    while (resource !== undefined && (top === undefined || entities.length < top)) {
      const body = await http.get(resource, entitySet);
      let page: ReturnType<typeof resultsOf>;
      try {
        page = resultsOf(body);
      } catch {
        throw new BackendError({ message: `SAP answered ${entitySet} without d.results (not an OData V2 JSON collection).`, hint: 'Check that url is the V2 service root of API_BUSINESS_PARTNER.' });
      }
      entities.push(...page.results);
      resource = page.next;
    }
    return top === undefined ? entities : entities.slice(0, top);
  }

  /** A key constraint per request: one range, or OR-lists sized to the URL limit for `entitySet` with `query`. */
  function keyFilters(keys: Keys, entitySet: string, query: EntityQuery): ODataFilter[] {
    if ('range' in keys) return [allOf(compare('Customer', 'ge', keys.range[0]), compare('Customer', 'le', keys.range[1]))!];
    const fits = (candidate: ODataFilter) => http.urlOf(resourceOf(entitySet, { ...query, filter: allOf(candidate, query.filter)! })).length <= options.maxUrlLength;
    return orListBatches(keys.codes, 'Customer', options.lookupBatch, fits);
  }

  async function readFor(keys: Keys, entitySet: string, query: EntityQuery): Promise<ODataEntity[]> {
    const batches = keyFilters(keys, entitySet, query);
    const answers = await Promise.all(batches.map((keyFilter) => read(entitySet, { ...query, filter: allOf(keyFilter, query.filter)! })));
    return answers.flat();
  }

  /** The business partners of these customers; none read when the plan needs none of their properties. */
  const partnersFor = async (keys: Keys, plan: ODataReadPlan) => {
    if (!plan.partner) return new Map<string, ODataEntity>();
    const partners = await readFor(keys, A_BUSINESS_PARTNER, { select: plan.partner.select, expand: plan.partner.expand, orderby: ['Customer'] });
    return new Map(partners.map((partner) => [String(partner.Customer ?? ''), partner]));
  };

  const orgFilterOf = (org: string | undefined): ODataFilter | undefined | null => {
    if (org === undefined) return undefined;
    const values = orgLevel?.orgKeys(org);
    return values ? allOf(...Object.entries(values).map(([property, value]) => eq(property, value)))! : null;
  };

  /** Records of these A_Customer entities: with their business partner, and one per org row when scoped. */
  async function recordsOf(customers: ODataEntity[], keys: Keys, orgFilter: ODataFilter | undefined, plan: ODataReadPlan = fullPlan): Promise<Customer[]> {
    if (customers.length === 0) return [];
    const [partners, orgRows] = await Promise.all([
      partnersFor(keys, plan),
      orgLevel ? readFor(keys, orgLevel.entitySet, { select: plan.org, orderby: orgLevel.keys, ...(orgFilter ? { filter: orgFilter } : {}) }) : Promise.resolve([]),
    ]);
    const central = new Map(customers.map((entity) => [String(entity.Customer ?? ''), odataToCustomer(entity, partners.get(String(entity.Customer ?? '')), mapping)]));
    if (!orgLevel) return [...central.values()];
    const scoped: Customer[] = [];
    for (const row of orgRows) {
      const record = central.get(String(row.Customer ?? ''));
      if (record) scoped.push(withOrg(record, row, orgLevel));
    }
    return scoped;
  }

  const storedKey = (customer: Customer): Cursor => ({ code: String(customer.raw.Customer ?? ''), ...(customer.org === undefined ? {} : { org: customer.org }) });
  const byKey = (a: Customer, b: Customer) => compareCursors(storedKey(a), storedKey(b));
  const codesOf = (entities: ODataEntity[]) => [...new Set(entities.map((entity) => String(entity.Customer ?? '')))];

  async function page({ filter, after, limit, fields }: { filter: CustomerFilter; after?: Cursor; limit: number; fields?: readonly QueryField[] }): Promise<Customer[]> {
    // A projection selects only the properties its fields (and the filter checked below) are built from.
    const plan = fields === undefined ? fullPlan : odataReadPlan(categoryProperty, orgLevel, neededFields(fields, filter));
    const select = plan.customer;
    const pushdown = customerPushdown(filter, { categoryProperty, categoryLength: options.categoryField === 'KTOKD' ? 4 : 2, centralStatusOnly: !orgLevel });
    const orgFilter = orgFilterOf(filter.org);
    if (pushdown.impossible || orgFilter === null || (filter.org !== undefined && !orgLevel)) return [];
    const result: Customer[] = [];
    // With org rows, a code can continue past the cursor (its other orgs): the next read starts at it.
    let bound: { code: string; inclusive: boolean } | undefined = after ? { code: after.code, inclusive: orgLevel !== undefined && orgFilter === undefined } : undefined;
    while (result.length < limit) {
      const top = Math.min(options.pageSize, Math.max(limit - result.length, 1));
      const from = bound ? compare('Customer', bound.inclusive ? 'ge' : 'gt', bound.code) : undefined;
      let customers: ODataEntity[];
      let keys: Keys;
      let exhausted: boolean;
      if (orgLevel && orgFilter) {
        // One org asked for: its rows drive (Customer is unique within it), the customers are read by code.
        const orgRows = await read(orgLevel.entitySet, { select: ['Customer'], filter: allOf(orgFilter, from)!, orderby: ['Customer'] }, top);
        exhausted = orgRows.length < top;
        if (orgRows.length === 0) break;
        keys = { codes: codesOf(orgRows) };
        customers = await readFor(keys, A_CUSTOMER, { select, orderby: ['Customer'], ...(pushdown.filter ? { filter: pushdown.filter } : {}) });
        bound = { code: String(orgRows[orgRows.length - 1]!.Customer), inclusive: false };
      } else {
        customers = await read(A_CUSTOMER, { select, orderby: ['Customer'], ...(allOf(pushdown.filter, from) ? { filter: allOf(pushdown.filter, from)! } : {}) }, top);
        exhausted = customers.length < top;
        if (customers.length === 0) break;
        const codes = codesOf(customers);
        // An unfiltered page is every customer of its key range: one range read each; else exactly its codes.
        keys = pushdown.filter === undefined ? { range: [codes[0]!, codes[codes.length - 1]!] } : { codes };
        bound = { code: codes[codes.length - 1]!, inclusive: false };
      }
      const records = (await recordsOf(customers, keys, orgFilter, plan))
        .filter((record) => matchesFilter(record, filter) && (!after || compareCursors(storedKey(record), after) > 0))
        .sort(byKey);
      result.push(...records.slice(0, limit - result.length));
      if (exhausted) break;
    }
    return result;
  }

  /** Filters `$count` answers exactly: status and category on A_Customer, without an org level. */
  const countable = (filter: CustomerFilter) => !orgLevel && Object.entries(filter).every(([key, value]) => value === undefined || key === 'status' || key === 'category');

  return {
    name: options.name,
    erp: 'sap',
    codeForm: 'sap-alpha',
    describe: () => ({
      fields: [...sapCustomerFields(orgLevel !== undefined), 'updatedAt'],
      orgScope: orgLevel ? { kind: orgLevel.scope, withoutOrg: orgLevel.withoutOrg } : { kind: 'none' },
      changeTracking: 'modified-column',
      pinyinSearch: 'scan',
      // Relevance still works (the core ranks); column sorts are refused with this reason.
      sortFields: [],
      sortUnsupportedReason: 'this adapter pages the OData service by customer number ($orderby on other columns is not used yet)',
      unsupportedFilters: [],
      limits: { lookupBatch: options.lookupBatch, page: options.pageSize },
      resumable: true,
      rawColumns: {
        code: ['Customer'],
        name: ['CustomerName', 'CustomerFullName'],
        shortName: ['A_BusinessPartner-SearchTerm1'],
        taxId: ['TaxNumber1', 'TaxNumber2', 'TaxNumber3', 'TaxNumber4', 'TaxNumber5', 'VATRegistration'],
        phone: ['A_AddressPhoneNumber-PhoneNumber'],
        address: ['A_BusinessPartnerAddress-StreetName', 'A_BusinessPartnerAddress-HouseNumber', 'A_BusinessPartnerAddress-PostalCode', 'A_BusinessPartnerAddress-CityName'],
        category: [categoryProperty],
        region: ['A_BusinessPartnerAddress-Region'],
        createdAt: ['CreationDate'],
        updatedAt: ['A_BusinessPartner-LastChangeDate', 'A_BusinessPartner-LastChangeTime'],
        ...(orgLevel ? { org: orgLevel.keys.filter((key) => key !== 'Customer').map((key) => `${orgLevel.entitySet}-${key}`) } : {}),
      },
      details: {
        transport: 'odata',
        service: redactUrl(options.url),
        entitySets: [A_CUSTOMER, A_BUSINESS_PARTNER, ...(orgLevel ? [orgLevel.entitySet] : [])].join('+'),
        categoryProperty,
        timeZone: options.timeZone,
        maxUrlLength: options.maxUrlLength,
        texts: 'the service has no account group or region texts: category and region are codes',
        updatedSince: 'A_BusinessPartner LastChangeDate + LastChangeTime (else the creation date), compared after reading',
      },
    }),
    page: (request) => page(request),
    async lookup(codes, { org }) {
      const orgFilter = orgFilterOf(org);
      // Customer is CHAR10: a longer code cannot exist.
      const candidates = [...new Set(codes.filter((code) => code.length > 0 && code.length <= 10))];
      if (candidates.length === 0 || orgFilter === null || (org !== undefined && !orgLevel)) return [];
      const customers = await readFor({ codes: candidates }, A_CUSTOMER, { select: fullPlan.customer, orderby: ['Customer'] });
      return (await recordsOf(customers, { codes: codesOf(customers) }, orgFilter)).sort(byKey);
    },
    async count(filter) {
      if (countable(filter)) {
        const pushdown = customerPushdown(filter, { categoryProperty, categoryLength: options.categoryField === 'KTOKD' ? 4 : 2, centralStatusOnly: true });
        if (pushdown.impossible) return 0;
        const body = await http.get(pushdown.filter ? `${A_CUSTOMER}/$count?$filter=${encodeURIComponent(pushdown.filter)}` : `${A_CUSTOMER}/$count`, `${A_CUSTOMER}/$count`);
        const total = Number(body);
        if (!Number.isInteger(total) || total < 0) throw new BackendError({ message: `SAP answered ${A_CUSTOMER}/$count with something other than a number.`, hint: 'Check that url is the V2 service root of API_BUSINESS_PARTNER.' });
        return total;
      }
      let total = 0;
      let after: Cursor | undefined;
      for (;;) {
        // Only the filter's properties (and the key) are read for a count.
        const rows = await page({ filter, fields: ['code'], limit: options.pageSize, ...(after ? { after } : {}) });
        total += rows.length;
        if (rows.length < options.pageSize) return total;
        after = storedKey(rows[rows.length - 1]!);
      }
    },
    close: async () => undefined,
  };
}
