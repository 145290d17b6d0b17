import { GB11714_VALUES, charValue } from '@custcode/core/validators';
import { gb11714CheckAt } from '@custcode/core/validators';
import { usccCheckAt } from '@custcode/core/validators';
import type { CheckAlgorithm } from './rule-types.js';

export interface CheckDefinition {
  /** Characters the check itself takes. */
  width: number;
  /** Characters a check may be made of (for charset errors and the generated regex). */
  alphabet: string;
  /** How many characters before the check it reads; undefined = everything before it. */
  window?: number;
  /**
   * The check text for `text[from, end)`, or undefined when that text cannot carry this check
   * (characters outside the algorithm's alphabet where they are not simply skipped).
   */
  compute(text: string, from: number, end: number): string | undefined;
  en: string;
  zh: string;
}

const DIGIT_STRINGS = Array.from({ length: 10 }, (_, index) => String(index));
const TWO_DIGIT_STRINGS = Array.from({ length: 100 }, (_, index) => String(index).padStart(2, '0'));
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function digitAt(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : -1;
}

// Luhn and mod 10 read the digits only: letters and separators before the check are skipped.
function luhn(text: string, from: number, end: number): string {
  let sum = 0;
  let double = true;
  for (let index = end - 1; index >= from; index--) {
    const digit = digitAt(text, index);
    if (digit < 0) continue;
    sum += double ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
    double = !double;
  }
  return DIGIT_STRINGS[(10 - (sum % 10)) % 10] as string;
}

function mod10(text: string, from: number, end: number): string {
  let sum = 0;
  for (let index = from; index < end; index++) {
    const digit = digitAt(text, index);
    if (digit >= 0) sum += digit;
  }
  return DIGIT_STRINGS[sum % 10] as string;
}

// ISO 7064 MOD 11-2 (pure): digits, check 0-9 or X.
function mod112(text: string, from: number, end: number): string {
  let sum = 0;
  for (let index = from; index < end; index++) {
    const digit = digitAt(text, index);
    if (digit >= 0) sum = ((sum + digit) * 2) % 11;
  }
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : (DIGIT_STRINGS[check] as string);
}

// ISO 7064 MOD 37,36 (hybrid): 0-9A-Z in, 0-9A-Z out; other characters make the code unverifiable.
function mod3736(text: string, from: number, end: number): string | undefined {
  let check = 18;
  for (let index = from; index < end; index++) {
    const value = charValue(GB11714_VALUES, text, index);
    if (value < 0) return undefined;
    check = ((((check || 36) * 2) % 37) + value) % 36;
  }
  return ALNUM[(1 - (((check || 36) * 2) % 37) + 36) % 36];
}

// ISO 7064 MOD 97-10: letters count as two digits (A=10 … Z=35), as in IBAN.
function mod97(text: string, from: number, end: number): string | undefined {
  let remainder = 0;
  for (let index = from; index < end; index++) {
    const value = charValue(GB11714_VALUES, text, index);
    if (value < 0) return undefined;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return TWO_DIGIT_STRINGS[98 - ((remainder * 100) % 97)];
}

const usccWindow = (text: string, from: number): string | undefined => usccCheckAt(text, from);
const gb11714Window = (text: string, from: number): string | undefined => gb11714CheckAt(text, from);

export const CHECK_DEFINITIONS: Record<CheckAlgorithm, CheckDefinition> = {
  luhn: { width: 1, alphabet: '0123456789', compute: luhn, en: 'a Luhn check digit over the digits before it', zh: '前面各位数字的 Luhn 校验位' },
  mod10: { width: 1, alphabet: '0123456789', compute: mod10, en: 'a check digit: the sum of the digits before it, mod 10', zh: '校验位：前面各位数字之和除以 10 的余数' },
  'iso7064-11-2': { width: 1, alphabet: '0123456789X', compute: mod112, en: 'an ISO 7064 MOD 11-2 check character (0-9 or X) over the digits before it', zh: '前面各位数字的 ISO 7064 MOD 11-2 校验码（0-9 或 X）' },
  'iso7064-37-36': { width: 1, alphabet: ALNUM, compute: mod3736, en: 'an ISO 7064 MOD 37,36 check character (0-9, A-Z) over everything before it', zh: '前面全部字符的 ISO 7064 MOD 37,36 校验码（0-9、A-Z）' },
  mod97: { width: 2, alphabet: '0123456789', compute: mod97, en: 'two ISO 7064 MOD 97-10 check digits over everything before them', zh: '前面全部字符的 ISO 7064 MOD 97-10 两位校验码' },
  gb11714: { width: 1, alphabet: '0123456789X', window: 8, compute: gb11714Window, en: 'a GB 11714 check character over the 8 characters before it', zh: '前 8 位的 GB 11714 校验码' },
  uscc: { width: 1, alphabet: '0123456789ABCDEFGHJKLMNPQRTUWXY', window: 17, compute: usccWindow, en: 'a GB 32100 check character over the 17 characters before it', zh: '前 17 位的 GB 32100 校验码' },
};
