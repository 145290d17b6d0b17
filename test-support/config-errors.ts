import { isCustcodeError } from '@custcode/core';
import { expect } from 'vitest';
import { thrownBy } from './error-cases.js';

/**
 * Each case's options must make `create` throw a ConfigError whose message names the key (`''`: any
 * message) and never contains `secret`, which the cases may pass as a password or a wrong value.
 */
export function expectConfigErrors(create: (options: unknown) => unknown, cases: Array<[options: unknown, key: string]>, secret = 'S3cr3t-pw'): void {
  for (const [options, key] of cases) {
    const error = thrownBy(() => create(options));
    expect(isCustcodeError(error, 'CONFIG_INVALID'), String(error)).toBe(true);
    expect((error as Error).message).toContain(key);
    expect((error as Error).message).not.toContain(secret);
  }
}
