import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '@custcode/core';
import { loadExport } from './load-factory.js';

describe('loadExport', () => {
  it('returns an adapter factory that exists', async () => {
    expect(typeof (await loadExport('@custcode/sql', 'createGenericSqlSource', 'generic-sql'))).toBe('function');
  });

  it('says the adapter is unavailable when the package lacks the factory', async () => {
    const error = await loadExport('@custcode/sql', 'createNoSuchSource', 'imaginary-erp').catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toBe('The imaginary-erp adapter is unavailable: @custcode/sql does not export createNoSuchSource.');
  });
});
