// @custcode/core: the contract every adapter implements and every feature reads through.
// Helpers for writing adapters and features are at @custcode/core/adapter, tax-id validators at
// @custcode/core/validators, the canonical fixtures at @custcode/core/fixtures, the conformance suite at
// @custcode/core/testing.

// The Customer record
export { ERP_KINDS, type ErpKind } from './customer/erp-kind.js';
export {
  customerSchema,
  CUSTOMER_FIELDS,
  CUSTOMER_STATUSES,
  CUSTOMER_TEXT_FIELDS,
  type Customer,
  type CustomerField,
  type CustomerStatus,
  type CustomerTextField,
} from './customer/customer-schema.js';

// Queries
export { customerQuerySchema, TEXT_FIELDS, type CustomerQuery, type CustomerFilter, type LookupOptions, type TextField } from './source/v1/customer-query.js';
export type { ProjectedCustomer } from './source/v1/customer-query.js';
export { parseCustomerQuery } from './source/parse-customer-query.js';

// CustomerSource v1, and the two ways to build one
export type { CustomerSource, CustomerRevision, LookupResult, RevisionOptions } from './source/v1/customer-source.js';
export type { SourceDescription, OrgScope, RawColumns } from './source/v1/source-description.js';
export type { SourceReader, SourceDriver, Cursor } from './source/v1/source-reader.js';
export { createCustomerSource } from './source/create-customer-source.js';
export { createMemorySource } from './source/memory-source.js';

// One descriptor per ERP product, read by the CLI's registry
export {
  secretRefSchema,
  type SecretRef,
  type AdapterDescriptor,
  type AdapterContext,
  type AdapterTesting,
  type AuthorizationCheck,
  type AuthorizationReport,
  type SourceTarget,
} from './source/v1/adapter-descriptor.js';

// Customer numbers
export { normalizeCode, parseCodeInput, alphaInput, alphaOutput, codeHasPrefix, MAX_CODE_LENGTH } from './code/normalize-code.js';

// Typed errors
export * from './errors/index.js';
