import type { Customer } from '../../customer/customer-schema.js';
import type { ErpKind } from '../../customer/erp-kind.js';
import type { CustomerFilter, CustomerQuery, LookupOptions } from './customer-query.js';
import type { SourceDescription } from './source-description.js';

/** One answer of `getMany`: the code as asked and the record, or `undefined` when there is none. */
export interface LookupResult {
  code: string;
  customer: Customer | undefined;
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
  /** Streams matching customers ordered by code (then org), in constant memory. */
  search(query?: CustomerQuery): AsyncIterable<Customer>;
  count(query?: CustomerFilter): Promise<number>;
  describe(): SourceDescription;
  close(): Promise<void>;
}
