import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '../errors/custcode-error.js';
import { parseCustomerQuery } from './parse-customer-query.js';
import { MAX_FILTER_TEXT_LENGTH } from './v1/customer-query.js';

function refusal(query: unknown, fieldName?: (key: string) => string): Error & { hint?: string } {
  try {
    parseCustomerQuery(query, fieldName);
  } catch (error) {
    expect(isCustcodeError(error, 'QUERY_UNSUPPORTED'), JSON.stringify(query)).toBe(true);
    return error as Error & { hint?: string };
  }
  throw new Error(`${JSON.stringify(query)} was accepted`);
}

describe('parseCustomerQuery', () => {
  it('refuses impossible dates in every date filter, naming the field and the problem', () => {
    for (const createdTo of ['2024-13-01', '0000-00-00', '2024-02-30', '2024-01-01T25:00']) {
      const error = refusal({ createdTo });
      expect(error.message).toMatch(/^Invalid search query at "createdTo": ".*" is not a date: /);
      expect(error.hint).toContain('YYYY-MM-DD');
    }
    expect(refusal({ createdFrom: '2024-13-01' }).message).toBe('Invalid search query at "createdFrom": "2024-13-01" is not a date: there is no month 13.');
    expect(refusal({ updatedSince: '2024-02-30' }).message).toContain('2024-02 has no day 30');
  });

  it('names a field as the caller knows it', () => {
    expect(refusal({ createdTo: '2024-13-01' }, (key) => `--${key}`).message).toBe('Invalid --createdTo: "2024-13-01" is not a date: there is no month 13.');
  });

  it(`bounds every text filter at ${MAX_FILTER_TEXT_LENGTH} characters`, () => {
    for (const key of ['text', 'codePrefix', 'name', 'phone', 'category', 'region', 'org']) {
      expect(parseCustomerQuery({ [key]: '北'.repeat(MAX_FILTER_TEXT_LENGTH) })).toEqual({ [key]: '北'.repeat(MAX_FILTER_TEXT_LENGTH) });
      const error = refusal({ [key]: 'x'.repeat(50_000) });
      expect(error.message).toBe(`Invalid search query at "${key}": at most ${MAX_FILTER_TEXT_LENGTH} characters are accepted.`);
      expect(error.hint).toContain(`at most ${MAX_FILTER_TEXT_LENGTH} characters`);
    }
  });
});
