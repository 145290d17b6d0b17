import { isCustcodeError } from '@custcode/core';
import { expect, it } from 'vitest';
import { EXISTS_MAPPING, GOLDEN_MAPPING } from '../../test/golden-mappings.js';
import { validateMapping } from './validate-mapping.js';

const configError = (action: () => void) => {
  try {
    action();
  } catch (error) {
    return isCustcodeError(error, 'CONFIG_INVALID') ? (error as Error).message : 'other error';
  }
  return 'no error';
};

it('accepts mappings whose references all name a table alias', () => {
  expect(() => validateMapping(GOLDEN_MAPPING, 'u8')).not.toThrow();
  expect(() => validateMapping(EXISTS_MAPPING, 'ebs')).not.toThrow();
});

it('refuses an unknown alias and malformed names before any SQL is sent', () => {
  expect(configError(() => validateMapping({ ...GOLDEN_MAPPING, mnemonic: 'x.cCusMnemCode' }, 'u8'))).toContain('alias "x"');
  expect(configError(() => validateMapping({ ...GOLDEN_MAPPING, code: 'c.' }, 'u8'))).toContain('not a valid');
  expect(configError(() => validateMapping({ ...GOLDEN_MAPPING, table: 'dbo.Cus\ntomer' }, 'u8'))).toContain('not a valid');
});
