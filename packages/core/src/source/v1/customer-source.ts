import type { Customer } from '../../customer/customer-schema.js';
import type { ErpKind } from '../../customer/erp-kind.js';
import type { CustomerFilter, CustomerQuery, LookupOptions, ProjectedCustomer, QueryField } from './customer-query.js';
import type { SourceDescription } from './source-description.js';

/** One answer of `getMany`: the code as asked and the record, or `undefined` when there is none. */
export interface LookupResult {
  code: string;
  customer: Customer | undefined;
}

/** A customer as it is now and as it was at a past moment, rebuilt from the ERP's change log. */
export interface CustomerRevision {
  current: Customer;
  /** `current` with every logged change since the moment undone (fields the log does not cover keep their current value). */
  before: Customer;
}

/** What `revisions` is asked: customers (any usual code form) and the moment to rebuild them at. */
export interface RevisionOptions extends LookupOptions {
  /** `YYYY-MM-DD[THH:mm[:ss]]` in the ERP's time zone, as `updatedSince`. */
  since: string;
}

/**
 * The contract every adapter's source satisfies. The CLI and every feature work only through it.
 * Read-only, always.
 */
export interface CustomerSource {
  readonly specificationVersion: 'v1';
  readonly name: string;
  readonly erp: ErpKind;
  /** Finds one customer by code, in any usual form (spaces, full-width digits, SAP with or without zeros). */
  get(code: string, options?: LookupOptions): Promise<Customer | undefined>;
  /** Looks up any number of codes, batched under the backend's limits; one result per code, in input order. */
  getMany(codes: Iterable<string> | AsyncIterable<string>, options?: LookupOptions): AsyncIterable<LookupResult>;
  /**
   * Streams matching customers ordered by code (then org), in constant memory. With `fields`, each record
   * carries exactly those fields and the identity fields (`source`, `erp`, `code`, `org` when set), and the
   * source reads only what they need.
   */
  search<Field extends QueryField>(query: Omit<CustomerQuery, 'fields'> & { fields: readonly Field[] }): AsyncIterable<ProjectedCustomer<Field>>;
  search(query?: CustomerQuery): AsyncIterable<Customer>;
  count(query?: CustomerFilter): Promise<number>;
  /**
   * Optional (sources whose `changeTracking` is `change-documents`): the records of `codes` now and as they
   * were at `since`, for those changed since; batched like `getMany`. Codes without changes are left out.
   */
  revisions?(codes: Iterable<string>, options: RevisionOptions): Promise<CustomerRevision[]>;
  describe(): SourceDescription;
  close(): Promise<void>;
}
