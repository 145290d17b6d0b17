import { isCustcodeError } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { parseKingdeeOptions } from './kingdee-options.js';

const webApi = { url: 'http://erp.example.com/k3cloud/', acctId: '123', username: 'api' };
const failure = (options: unknown) => {
  try {
    parseKingdeeOptions(options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a ConfigError');
};

describe('Kingdee options', () => {
  it('defaults the locale to 2052 and the WebAPI page to 2000 rows', () => {
    const parsed = parseKingdeeOptions({ name: 'k3', product: 'k3cloud', webApi, password: 'p' });
    expect(parsed.locale).toBe(2052);
    expect(parsed.webApi?.pageRows).toBe(2000);
  });

  it('refuses pages above the 2000-row WebAPI limit', () => {
    expect(isCustcodeError(failure({ name: 'k3', product: 'k3cloud', webApi: { ...webApi, pageRows: 2001 }, password: 'p' }), 'CONFIG_INVALID')).toBe(true);
  });

  it('needs exactly one of connection and webApi, and webApi only for K/3 Cloud', () => {
    expect(failure({ name: 'k3', product: 'k3cloud' }).message).toContain('exactly one');
    expect(failure({ name: 'k3', product: 'k3wise', webApi, password: 'p' }).message).toContain('K/3 Cloud only');
    expect(failure({ name: 'k3', product: 'k3cloud', webApi }).message).toContain('password');
  });

  it('never repeats a secret value in its message', () => {
    const error = failure({ name: 'k3', product: 'k3cloud', webApi: { ...webApi, appSecret: 'Very-Secret-1' }, password: 'Other-Secret-2' });
    expect(error.message).not.toContain('Very-Secret-1');
    expect(error.message).not.toContain('Other-Secret-2');
  });
});
