import { MalformedCodeError } from '../errors/malformed-code-error.js';
import { charValue, USCC_ALPHABET, USCC_VALUES } from './gb-charset.js';
import { compactIdentifier } from './compact-identifier.js';
import { invalid, VALID, type ValidationIssue, type ValidationResult } from './validation-result.js';

// GB 32100-2015: weight of position i (1-based) is 3^(i-1) mod 31.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_LENGTH = 18;

/** Weighted sum of the 17 characters from `from`, or -1 when one is outside the USCC alphabet. */
function usccSum(text: string, from = 0): number {
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const value = charValue(USCC_VALUES, text, from + index);
    if (value < 0) return -1;
    sum += value * (USCC_WEIGHTS[index] as number);
  }
  return sum;
}

/** The check character for the 17 characters of `text` from `from`, or undefined (no allocation: for hot loops). */
export function usccCheckAt(text: string, from: number): string | undefined {
  const sum = from >= 0 && from + 17 <= text.length ? usccSum(text, from) : -1;
  return sum < 0 ? undefined : USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The 18th character of a 统一社会信用代码 for its first 17 characters (GB 32100-2015). */
export function usccCheckCharacter(body17: string): string {
  const sum = body17.length === 17 ? usccSum(body17) : -1;
  if (sum < 0) {
    throw new MalformedCodeError({
      message: `A USCC body must be 17 characters from ${USCC_ALPHABET}; got ${JSON.stringify(body17.slice(0, 40))}.`,
      hint: 'Pass the first 17 characters of the code, upper case, without I, O, Z, S or V.',
    });
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

export interface IdentifierValidationOptions {
  /** Strip spaces and hyphens and upper-case before checking (default true); positions still refer to the input. */
  compact?: boolean;
}

/**
 * Validates a 统一社会信用代码: 18 characters of `0-9 A-H J-N P Q R T U W X Y`, positions 3-8 (region) digits,
 * and the mod-31 check character. Position 1 may be a letter (N, Y, A…), unlike python-stdnum.
 */
export function validateUscc(code: string, options: IdentifierValidationOptions = {}): ValidationResult {
  // Fast path for an already compact, valid code: no copies, no allocation.
  if (code.length === USCC_LENGTH && isCompactValid(code)) return VALID;
  const { text, origin } = options.compact === false ? { text: code, origin: undefined } : compactIdentifier(code);
  const at = (index: number): number => (origin ? (origin[index] ?? code.length) : index);
  if (text.length !== USCC_LENGTH) {
    return invalid([{
      kind: 'length',
      message: `A USCC has 18 characters; this one has ${text.length}.`,
      position: at(Math.min(text.length, USCC_LENGTH)),
    }]);
  }
  const errors: ValidationIssue[] = [];
  for (let index = 0; index < USCC_LENGTH; index++) {
    const character = text[index] as string;
    if (charValue(USCC_VALUES, text, index) < 0) {
      errors.push({
        kind: 'charset',
        message: `Character ${index + 1} ${JSON.stringify(character)} is not allowed in a USCC (only 0-9 and A-Z without I, O, Z, S, V).`,
        position: at(index),
      });
    } else if (index >= 2 && index < 8 && (character < '0' || character > '9')) {
      errors.push({
        kind: 'segment',
        message: `Characters 3-8 of a USCC are the region code and must be digits; character ${index + 1} is ${JSON.stringify(character)}.`,
        position: at(index),
      });
    }
  }
  if (errors.length > 0) return invalid(errors);
  const expected = usccCheckCharacter(text.slice(0, 17));
  if (text[17] !== expected) {
    return invalid([{
      kind: 'check',
      message: `The check character is ${JSON.stringify(text[17])}; GB 32100-2015 gives ${JSON.stringify(expected)} for the first 17 characters.`,
      position: at(17),
    }]);
  }
  return VALID;
}

function isCompactValid(code: string): boolean {
  for (let index = 2; index < 8; index++) {
    const charCode = code.charCodeAt(index);
    if (charCode < 48 || charCode > 57) return false;
  }
  return charValue(USCC_VALUES, code, 17) >= 0 && usccCheckAt(code, 0) === code[17];
}
