// Access control: roles, masking, row filters, the access log
export {
  ACCESS_COMMANDS, MASKABLE_FIELDS, MASK_STYLES, accessPolicySchema, apiKeySchema, grantSchema, roleSchema, rowFilterSchema, userSchema, accessLogConfigSchema,
  type AccessCommand, type AccessPolicy, type AccessUserConfig, type ApiKeyRef, type Grant, type MaskableField, type MaskStyle, type Role, type RowFilter,
} from './access-policy-schema.js';
export { decideAccess, policyEnabled, roleOf, type AccessDecision, type AccessRequest } from './decide-access.js';
export { maskValue, looksMasked, DEFAULT_MASK_STYLES } from './mask-value.js';
export { maskCustomer, maskRulesOf, type MaskRules } from './mask-customer.js';
export { authorize, guardSource, type AccessView, type GuardedSource, type GuardOptions } from './guard-source.js';
export { ROW_FILTER_FIELDS, withinRowFilter } from './row-filter.js';
export { narrowedTextFields } from './masked-text.js';
export {
  capLoggedQuery, capLoggedText, createFileAccessLog, createMemoryAccessLog, MAX_LOGGED_TEXT, readAccessLog, parseSince,
  type AccessLog, type AccessLogCommand, type AccessLogEntry, type AccessLogFilter,
} from './access-log.js';
export { authenticateApiKey, hashApiKey } from './api-key.js';
