import type { Customer } from '@custcode/core';
import { CustcodeError } from '@custcode/core';
import { NotAuthorizedError } from '@custcode/core';
import { keptFields, pagedStream, pagesOf, projector } from '@custcode/core/adapter';
import type { CustomerFilter, CustomerQuery, LookupOptions, TextField } from '@custcode/core';
import type { CustomerRevision, CustomerSource, LookupResult, RevisionOptions } from '@custcode/core';
import { type AccessLog, type AccessLogEntry, capLoggedQuery } from './access-log.js';
import type { AccessCommand, AccessPolicy, MaskableField, RowFilter } from './access-policy-schema.js';
import { type AccessDecision, decideAccess } from './decide-access.js';
import { maskCustomer } from './mask-customer.js';
import { restrictText, unmaskedTextFields } from './masked-text.js';
import { restrictLookup, restrictQuery, rowFilterFields, withinRowFilter } from './row-filter.js';

export interface GuardOptions {
  /** The config's access part; without `roles` everything is allowed (and still logged when a log is given). */
  policy: AccessPolicy | undefined;
  /** Who asks: a configured user name (CLI: --user / CUSTCODE_USER / OS user; API: the key's user). */
  user: string;
  command: AccessCommand;
  accessLog?: AccessLog;
  via?: 'cli' | 'api';
}

/** What the caller is allowed to see, for messages and for data read from elsewhere (a saved snapshot). */
export interface AccessView {
  role: string | null;
  /** Fields masked for this caller. */
  masked: MaskableField[];
  rowFilter: RowFilter | undefined;
  /** What `text` matches for this caller: a masked name or short name is left out. */
  textFields: TextField[];
  /** A record as this caller may see it: masked, or `undefined` when it is outside the row filter. */
  view(customer: Customer): Customer | undefined;
}

/** A source read through a role, and what that role sees. */
export interface GuardedSource extends CustomerSource {
  readonly access: AccessView;
}

/** Codes of a batch kept in the log entry; the total is logged too. */
const LOGGED_CODES = 20;

/**
 * Wraps a source so that everything read through it obeys the policy: the command must be granted
 * (otherwise NotAuthorizedError, logged, thrown right here), row filters narrow every search, count and
 * lookup and every returned record is checked against them again, masked fields are masked in every record
 * (and in `raw`), `text` never matches a masked name or short name, and each call is logged with the
 * number of records returned. Every consumer — tables, JSON, exports, audit, reports, the API — is covered
 * by construction.
 */
export function guardSource(source: CustomerSource, options: GuardOptions): GuardedSource {
  const decision = authorize({ ...options, source: source.name });
  const { log, deny } = accessRecorder(options, source.name, decision);
  const { mask, filter } = decision;
  const rawColumns = source.describe().rawColumns ?? {};
  const textFields = unmaskedTextFields(mask);
  const visible = (customer: Customer | undefined) => (customer !== undefined && withinRowFilter(customer, filter) ? maskCustomer(customer, mask, rawColumns) : undefined);
  /** The user's query within the role: row filter added, text kept off masked fields; `undefined`: nothing can match. */
  const scope = <Query extends CustomerQuery>(query: Query) => {
    const text = restrictText(query, textFields);
    return text === undefined ? undefined : restrictQuery(text, filter);
  };

  /**
   * A projected search reads what the checks here read too: the row filter's fields, and with `raw` the
   * masked fields (a raw value is masked where it contains one). The caller gets only what it asked.
   */
  const withCheckedFields = <Query extends CustomerQuery>(query: Query): Query =>
    // Anything but a list is left to the source's query check, which refuses it.
    !Array.isArray(query.fields) ? query : { ...query, fields: [...new Set([...query.fields, ...rowFilterFields(filter), ...(query.fields.includes('raw') ? (Object.keys(mask) as MaskableField[]) : [])])] };

  /** Filtering on a masked field would reveal it one guess at a time; sorting by one would reveal its order. */
  const refuseMaskedFilters = (operation: AccessLogEntry['operation'], query: CustomerFilter & Pick<CustomerQuery, 'sort'>) => {
    for (const key of Array.isArray(query.sort) ? query.sort : []) {
      const field = (key as { field?: unknown } | null)?.field;
      if (typeof field === 'string' && mask[field as MaskableField] !== undefined) {
        deny(operation, { ...query }, `Role "${decision.role}" may not sort by ${field}: it is masked for this role.`, 'Sort by another column, or by relevance.');
      }
    }
    for (const field of ['name', 'phone'] as const) {
      if (query[field] !== undefined && mask[field] !== undefined) {
        deny(operation, { ...query }, `Role "${decision.role}" may not filter by ${field}: it is masked for this role.`, `Search by code or text instead of --${field}.`);
      }
    }
  };

  /** A revision is shown when the current record is visible; the earlier record is masked the same way. */
  const revisions = source.revisions?.bind(source);
  const guardedRevisions = revisions && {
    async revisions(codes: Iterable<string>, options: RevisionOptions): Promise<CustomerRevision[]> {
      const list = [...codes];
      const query = { codes: list.slice(0, LOGGED_CODES), codeCount: list.length, since: options.since, ...(options.org === undefined ? {} : { org: options.org }) };
      const scoped = restrictLookup(options, filter);
      try {
        const shown: CustomerRevision[] = [];
        if (scoped !== undefined) {
          for (const revision of await revisions(list, { ...scoped, since: options.since })) {
            const current = visible(revision.current);
            if (current) shown.push({ current, before: maskCustomer(revision.before, mask, rawColumns) });
          }
        }
        log({ operation: 'revisions', query, records: shown.length, outcome: 'ok' });
        return shown;
      } catch (error) {
        log({ operation: 'revisions', query, records: 0, outcome: 'error', error });
        throw error;
      }
    },
  };

  return {
    ...guardedRevisions,
    specificationVersion: 'v1',
    name: source.name,
    erp: source.erp,
    describe: () => source.describe(),
    close: () => source.close(),
    access: { role: decision.role, masked: Object.keys(mask) as MaskableField[], rowFilter: filter, textFields, view: visible },

    async get(code: string, lookup?: LookupOptions) {
      const query = { codes: [code], ...(lookup?.org === undefined ? {} : { org: lookup.org }) };
      const scoped = restrictLookup(lookup, filter);
      try {
        const customer = scoped === undefined ? undefined : visible(await source.get(code, scoped));
        log({ operation: 'get', query, records: customer ? 1 : 0, outcome: 'ok' });
        return customer;
      } catch (error) {
        log({ operation: 'get', query, records: 0, outcome: 'error', error });
        throw error;
      }
    },

    async *getMany(codes: Iterable<string> | AsyncIterable<string>, lookup?: LookupOptions): AsyncGenerator<LookupResult> {
      const seen: string[] = [];
      let total = 0;
      let records = 0;
      const recorded = async function* () {
        for await (const code of codes) {
          if (seen.length < LOGGED_CODES) seen.push(code);
          total += 1;
          yield code;
        }
      };
      const scoped = restrictLookup(lookup, filter);
      const query = () => ({ codes: seen, codeCount: total, ...(lookup?.org === undefined ? {} : { org: lookup.org }) });
      // Until the last answer is handed over, the reader may stop early (a client that went away).
      let outcome: { outcome: 'ok' | 'error' | 'aborted'; error?: unknown } = { outcome: 'aborted' };
      try {
        if (scoped === undefined) {
          for await (const code of recorded()) yield { code, customer: undefined };
          outcome = { outcome: 'ok' };
          return;
        }
        for await (const result of source.getMany(recorded(), scoped)) {
          const customer = visible(result.customer);
          if (customer) records += 1;
          yield { code: result.code, customer };
        }
        outcome = { outcome: 'ok' };
      } catch (error) {
        outcome = { outcome: 'error', error };
        throw error;
      } finally {
        log({ operation: 'getMany', query: query(), records, ...outcome });
      }
    },

    search(query: CustomerQuery = {}) {
      let records = 0;
      // Page by page when the source pages (one step per page, not per row); a plain stream one row at a time.
      async function* pages(): AsyncGenerator<Customer[]> {
        refuseMaskedFilters('search', query);
        const scoped = scope(query);
        let outcome: { outcome: 'ok' | 'error' | 'aborted'; error?: unknown } = { outcome: 'aborted' };
        try {
          if (scoped === undefined) {
            outcome = { outcome: 'ok' };
            return;
          }
          // A sorted search keeps its sort fields (the caller's cursor reads them), as the source does.
          const kept = keptFields(scoped);
          const project = Array.isArray(kept) ? projector(kept) : undefined;
          for await (const page of pagesOf(source.search(withCheckedFields(scoped)), 1)) {
            const shown: Customer[] = [];
            for (const customer of page) {
              const visibleCustomer = visible(customer);
              if (visibleCustomer) shown.push(project ? project(visibleCustomer) : visibleCustomer);
            }
            if (shown.length > 0) yield shown;
          }
          outcome = { outcome: 'ok' };
        } catch (error) {
          outcome = { outcome: 'error', error };
          throw error;
        } finally {
          log({ operation: 'search', query: { ...query }, records, ...outcome });
        }
      }
      return pagedStream(pages, (count) => {
        records += count;
      });
    },

    async count(query: CustomerFilter = {}) {
      refuseMaskedFilters('count', query);
      const scoped = scope(query);
      try {
        const count = scoped === undefined ? 0 : await source.count(scoped);
        log({ operation: 'count', query: { ...query }, records: 0, outcome: 'ok' });
        return count;
      } catch (error) {
        log({ operation: 'count', query: { ...query }, records: 0, outcome: 'error', error });
        throw error;
      }
    },
  };
}

type Allowed = Extract<AccessDecision, { allowed: true }>;

/**
 * Checks the command before anything is opened or read: returns what the role may see, or logs the
 * denial and throws NotAuthorizedError. `guardSource` calls it too; callers use it to refuse before
 * connecting to the ERP.
 */
export function authorize(options: GuardOptions & { source: string }): Allowed {
  const decision = decideAccess(options.policy, { user: options.user, source: options.source, command: options.command });
  if (!decision.allowed) return accessRecorder(options, options.source, decision).deny('open', {}, decision.reason, decision.hint);
  return decision;
}

function accessRecorder(options: GuardOptions, source: string, decision: AccessDecision) {
  const log = (entry: Pick<AccessLogEntry, 'operation' | 'query' | 'records' | 'outcome'> & { error?: unknown }) => {
    const { error, query, ...rest } = entry;
    options.accessLog?.record({
      time: new Date().toISOString(),
      user: options.user,
      role: decision.role,
      command: options.command,
      source,
      query: capLoggedQuery(query),
      ...rest,
      ...(error === undefined ? {} : { error: CustcodeError.isInstance(error) ? error.code : 'INTERNAL' }),
      ...(options.via === undefined ? {} : { via: options.via }),
    });
  };
  const deny = (operation: AccessLogEntry['operation'], query: Record<string, unknown>, message: string, hint: string): never => {
    const error = new NotAuthorizedError({ message, hint });
    log({ operation, query, records: 0, outcome: 'denied', error });
    throw error;
  };
  return { log, deny };
}
