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
export { toIsoDateTime, filterStart, filterEndExclusive, dateInputProblem, DATE_INPUT_FORMAT, MIN_DATE_INPUT_YEAR } from './customer/iso-date.js';

// Source contract (v1) and the builder adapters use
export { customerQuerySchema, MAX_FILTER_TEXT_LENGTH, TEXT_FIELDS, type CustomerQuery, type CustomerFilter, type LookupOptions, type TextField } from './source/v1/customer-query.js';
export type { CustomerSource, LookupResult } from './source/v1/customer-source.js';
export type { SourceDescription, OrgScope, RawColumns } from './source/v1/source-description.js';
export type { SourceDriver, Cursor } from './source/v1/source-driver.js';
export {
  secretRefSchema,
  type SecretRef,
  type AdapterDescriptor,
  type AdapterContext,
  type AdapterTesting,
  type AuthorizationCheck,
  type AuthorizationReport,
  type SeedFixture,
  type SeededFixture,
  type SourceTarget,
} from './source/v1/adapter-descriptor.js';
export { createCustomerSource } from './source/create-customer-source.js';
export { parseCustomerQuery } from './source/parse-customer-query.js';
export { parseStatusList } from './source/parse-status-list.js';
export type { RetryOptions } from './source/retry.js';
export { createMemorySource, type MemorySourceOptions } from './source/memory-source.js';
export { CUSTOMER_PAGES, pagedStream, pagesOf, type PagedCustomers } from './source/customer-pages.js';
export { matchesFilter, matchesText, statusList } from './source/match-filter.js';
export { cursorOf, cursorAfter, encodeCursor, decodeCursor, compareCursors } from './source/cursor.js';

// Codes and text
export { normalizeCode, parseCodeInput, alphaInput, alphaOutput, codeHasPrefix, MAX_CODE_LENGTH } from './code/normalize-code.js';
export { pinyinInitials, isPinyinQuery } from './text/pinyin-initials.js';
export type { SeedCustomer } from './sample/seed-customer.js';

// Errors
export * from './errors/index.js';

// Helpers for adapter packages
export { importOptional, isModuleNotFound } from './internal/import-optional.js';
export { parseOptions, type ParseOptionsContext } from './internal/parse-options.js';
export { redactUrl, redactUrls, redactSecrets, redactStrings, urlSecrets } from './internal/redact.js';
export { parseWholeNumber } from './internal/whole-number.js';

// Identifier validators
export { usccCheckCharacter, validateUscc, gb11714CheckCharacter, validateGb11714, type IdentifierValidationOptions, type ValidationErrorKind, type ValidationIssue, type ValidationResult } from './validators/index.js';

// Export writers (XLSX and PDF behind the subpaths @custcode/core/export/xlsx and /pdf)
export {
  DEFAULT_EXPORT_FIELDS,
  ZH_HEADERS,
  headerOf,
  parseExportFields,
  writeCsv,
  escapeFormula,
  unescapeFormula,
  writeJson,
  writeNdjson,
  CSV_ENCODINGS,
  type ExportField,
  type ExportHeaders,
  type ExportOptions,
  type CsvEncoding,
  type CsvExportOptions,
  type CsvCellOptions,
  type JsonExportOptions,
  writeExport,
  EXPORT_FORMATS,
  type ExportFormat,
  type WriteExportOptions,
} from './export/index.js';

// Numbering rules and sequence stores
export * from './rules/index.js';

// Sample data: the canonical conformance set, seeding helpers, generated demo/bench data
export { canonicalCustomers } from './sample/canonical-customers.js';
export { projectSeedCustomer, seedOrgs, type ProjectSeedOptions } from './sample/project-seed-customer.js';
export { generateSampleCustomers, type SampleData, type SampleOptions } from './sample/generate-sample-customers.js';
export { sampleCustomerStream } from './sample/sample-sequence.js';
export type { PlantedProblems, DuplicateVariant, NearDuplicateReason as PlantedNearDuplicateReason } from './sample/planted-problems.js';
export type { SampleGarbleKind } from './sample/garble.js';

// Data-quality audit, its HTML report and fix plan
export { audit, type AuditOptions, type AuditRule } from './audit/audit.js';
export {
  FINDING_KINDS, type AuditInput, type AuditRecord, type AuditReport, type AuditSummary, type FindingKind, type DuplicateFinding,
  type MissingFinding, type GapFinding, type FormatViolationFinding, type GarbledFinding, type GarbleKind, type InvalidTaxIdFinding,
  type NearDuplicateFinding, type NearDuplicateReason, type SerialCoverage,
} from './audit/audit-types.js';
export type { NearDuplicateOptions } from './audit/near-duplicates.js';
export { companyNameKey, type CompanyNameKey } from './audit/company-name.js';
export { renderAuditHtml, type AuditHtmlOptions } from './audit/html/render-audit-html.js';
export { buildFixPlan, fixPlanCsv, type FixAction, type FixPlanOptions, type FixPlanRow } from './audit/fix-plan.js';

// Migration between ERPs: crosswalk, conflicts, value translations, import layouts
export * from './migrate/index.js';

// Access control: roles, masking, row filters, the access log
export {
  ACCESS_COMMANDS, MASKABLE_FIELDS, MASK_STYLES, accessPolicySchema, apiKeySchema, grantSchema, roleSchema, rowFilterSchema, userSchema, accessLogConfigSchema,
  type AccessCommand, type AccessPolicy, type AccessUserConfig, type ApiKeyRef, type Grant, type MaskableField, type MaskStyle, type Role, type RowFilter,
} from './access/access-policy-schema.js';
export { decideAccess, policyEnabled, roleOf, type AccessDecision, type AccessRequest } from './access/decide-access.js';
export { maskValue, DEFAULT_MASK_STYLES } from './access/mask-value.js';
export { maskCustomer, maskRulesOf, type MaskRules } from './access/mask-customer.js';
export { authorize, guardSource, type AccessView, type GuardedSource, type GuardOptions } from './access/guard-source.js';
export { ROW_FILTER_FIELDS, withinRowFilter } from './access/row-filter.js';
export { narrowedTextFields } from './access/masked-text.js';
export {
  capLoggedQuery, capLoggedText, createFileAccessLog, createMemoryAccessLog, MAX_LOGGED_TEXT, readAccessLog, parseSince,
  type AccessLog, type AccessLogCommand, type AccessLogEntry, type AccessLogFilter,
} from './access/access-log.js';
export { authenticateApiKey, hashApiKey } from './access/api-key.js';

// Reports (HTML, XLSX, PDF; exceljs and pdfkit load only when those formats are written), change tracking, smart search
export * from './report/index.js';
export * from './changes/index.js';
export * from './ask/index.js';
