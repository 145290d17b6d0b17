// Check characters of Chinese company identifiers: 统一社会信用代码 (GB 32100) and 组织机构代码 (GB 11714),
// and the pieces the rule engine's check-character segments are built from.
export * from './validators/index.js';
export { USCC_ALPHABET, GB11714_ALPHABET, charValue, USCC_VALUES, GB11714_VALUES } from './validators/gb-charset.js';
export { usccCheckAt } from './validators/uscc.js';
export { gb11714CheckAt } from './validators/gb11714.js';
export { VALID, invalid } from './validators/validation-result.js';
