/**
 * Rule validation of 1M codes `KH{YYYY}{seq:6}{check:luhn}` (all valid, so every character and the check
 * digit are read): custcode's compiled rule against a hand-written validator for the same rule.
 */
import { compileRule } from '@custcode/rules';

const COUNT = 1_000_000;
export const CHECKED_RULE = 'KH{YYYY}{seq:6}{check:luhn}';

function luhnDigit(text) {
  let sum = 0;
  let double = true;
  for (let index = text.length - 1; index >= 0; index--) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) continue;
    sum += double ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** Built before the clock starts (measure.mjs times only the returned run). */
export function makeCodes() {
  const codes = new Array(COUNT);
  for (let index = 0; index < COUNT; index++) {
    const body = `KH${2015 + (index % 10)}${String((index % 999_999) + 1).padStart(6, '0')}`;
    codes[index] = `${body}${luhnDigit(body)}`;
  }
  return codes;
}

export function prepareCustcode() {
  const codes = makeCodes();
  const rule = compileRule(CHECKED_RULE);
  return () => {
    let valid = 0;
    for (const code of codes) if (rule.validate(code).valid) valid++;
    if (valid !== COUNT) throw new Error(`custcode accepted ${valid} of ${COUNT} valid codes`);
    return { rows: COUNT };
  };
}

/** What a developer would write for this one rule: length, prefix, digits, a plausible year, Luhn. */
export function prepareRaw() {
  const codes = makeCodes();
  const validate = (code) => {
    if (code.length !== 13 || code.charCodeAt(0) !== 75 || code.charCodeAt(1) !== 72) return false;
    for (let index = 2; index < 13; index++) {
      const digit = code.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) return false;
    }
    if (code.charCodeAt(2) === 48 && code.charCodeAt(3) === 48 && code.charCodeAt(4) === 48 && code.charCodeAt(5) === 48) return false;
    return luhnDigit(code.slice(0, 12)) === code.charCodeAt(12) - 48;
  };
  return () => {
    let valid = 0;
    for (const code of codes) if (validate(code)) valid++;
    if (valid !== COUNT) throw new Error(`hand-written validator accepted ${valid} of ${COUNT}`);
    return { rows: COUNT };
  };
}
