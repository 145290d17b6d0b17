export { usccCheckCharacter, validateUscc, type IdentifierValidationOptions } from './uscc.js';
export { gb11714CheckCharacter, validateGb11714 } from './gb11714.js';
export type { ValidationErrorKind, ValidationIssue, ValidationResult } from './validation-result.js';
