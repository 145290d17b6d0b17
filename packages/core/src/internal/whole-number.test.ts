import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from './whole-number.js';

describe('parseWholeNumber', () => {
  it('reads decimal digits', () => {
    expect(parseWholeNumber('0')).toBe(0);
    expect(parseWholeNumber('100')).toBe(100);
    expect(parseWholeNumber('007')).toBe(7);
    expect(parseWholeNumber('999999999999999')).toBe(999_999_999_999_999);
  });

  it('refuses what Number() would also take', () => {
    for (const text of ['', ' ', '1e3', '0x10', '0b1', '0o7', '1.5', '1.0', '-1', '+1', ' 12', '12 ', '1_000', 'Infinity', 'NaN', '１２', '9'.repeat(16)]) {
      expect(parseWholeNumber(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
