// Customer model
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
export { toIsoDateTime } from './customer/iso-date.js';

// Source contract (v1) and the builder adapters use
export { customerQuerySchema, type CustomerQuery, type CustomerFilter, type LookupOptions } from './source/v1/customer-query.js';
export type { CustomerSource, LookupResult } from './source/v1/customer-source.js';
export type { SourceDescription, OrgScope } from './source/v1/source-description.js';
export type { SourceDriver, Cursor } from './source/v1/source-driver.js';
export { createCustomerSource, parseCustomerQuery } from './source/create-customer-source.js';
export { createMemorySource, type MemorySourceOptions } from './source/memory-source.js';
export { matchesFilter, matchesText } from './source/match-filter.js';
export { cursorOf, encodeCursor, decodeCursor } from './source/cursor.js';

// Codes and text
export { normalizeCode, parseCodeInput, alphaInput, alphaOutput, MAX_CODE_LENGTH } from './code/normalize-code.js';
export { pinyinInitials } from './text/pinyin-initials.js';
export type { SeedCustomer } from './sample/seed-customer.js';

// Errors
export * from './errors/index.js';

// Helpers for adapter packages
export { importOptional } from './internal/import-optional.js';
export { redactUrl, redactSecrets } from './internal/redact.js';
