/** Why a code is not valid. Shared by the identifier validators and compiled numbering rules. */
export type ValidationErrorKind = 'length' | 'charset' | 'segment' | 'date' | 'check';

export interface ValidationIssue {
  kind: ValidationErrorKind;
  /** One sentence in English saying what is wrong and what was expected. */
  message: string;
  /** 0-based index of the first offending character in the code (for `length`: where the code should end or ends). */
  position: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

export const VALID: Readonly<ValidationResult> = Object.freeze({ valid: true, errors: Object.freeze([]) as unknown as ValidationIssue[] });

export function invalid(errors: ValidationIssue[]): ValidationResult {
  return { valid: false, errors };
}
