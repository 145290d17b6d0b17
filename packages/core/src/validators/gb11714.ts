import { MalformedCodeError } from '../errors/malformed-code-error.js';
import { charValue, GB11714_VALUES } from './gb-charset.js';
import { compactIdentifier } from './compact-identifier.js';
import type { IdentifierValidationOptions } from './uscc.js';
import { invalid, VALID, type ValidationIssue, type ValidationResult } from './validation-result.js';

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Weighted sum of 8 body characters (0-9, A-Z), or -1 when one is outside that set. */
function gb11714Sum(text: string, from = 0): number {
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    const value = charValue(GB11714_VALUES, text, from + index);
    if (value < 0) return -1;
    sum += value * (GB11714_WEIGHTS[index] as number);
  }
  return sum;
}

const GB11714_CHECKS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'];

/** The check character for the 8 characters of `text` from `from`, or undefined (no allocation: for hot loops). */
export function gb11714CheckAt(text: string, from: number): string | undefined {
  const sum = from >= 0 && from + 8 <= text.length ? gb11714Sum(text, from) : -1;
  return sum < 0 ? undefined : GB11714_CHECKS[(11 - (sum % 11)) % 11];
}

/** The 9th character of a 组织机构代码 (GB 11714-1997): 11 − Σ mod 11, with 10 → X and 11 → 0. */
export function gb11714CheckCharacter(body8: string): string {
  const sum = body8.length === 8 ? gb11714Sum(body8) : -1;
  if (sum < 0) {
    throw new MalformedCodeError({
      message: `An organisation code body must be 8 characters from 0-9 and A-Z; got ${JSON.stringify(body8.slice(0, 40))}.`,
      hint: 'Pass the first 8 characters of the code, upper case.',
    });
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Validates a 组织机构代码 such as `60003734-1` (the hyphen is optional). */
export function validateGb11714(code: string, options: IdentifierValidationOptions = {}): ValidationResult {
  const { text, origin } = options.compact === false ? { text: code, origin: undefined } : compactIdentifier(code);
  const at = (index: number): number => (origin ? (origin[index] ?? code.length) : index);
  if (text.length !== 9) {
    return invalid([{
      kind: 'length',
      message: `An organisation code (GB 11714) has 9 characters; this one has ${text.length}.`,
      position: at(Math.min(text.length, 9)),
    }]);
  }
  const errors: ValidationIssue[] = [];
  for (let index = 0; index < 8; index++) {
    if (charValue(GB11714_VALUES, text, index) < 0) {
      errors.push({
        kind: 'charset',
        message: `Character ${index + 1} ${JSON.stringify(text[index])} is not allowed in an organisation code (only 0-9 and A-Z).`,
        position: at(index),
      });
    }
  }
  const last = text[8] as string;
  if (!/^[0-9X]$/.test(last)) {
    errors.push({ kind: 'charset', message: `The check character ${JSON.stringify(last)} must be a digit or X.`, position: at(8) });
  }
  if (errors.length > 0) return invalid(errors);
  const expected = gb11714CheckCharacter(text.slice(0, 8));
  if (last !== expected) {
    return invalid([{
      kind: 'check',
      message: `The check character is ${JSON.stringify(last)}; GB 11714-1997 gives ${JSON.stringify(expected)} for the first 8 characters.`,
      position: at(8),
    }]);
  }
  return VALID;
}
