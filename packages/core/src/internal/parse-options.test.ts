import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '../errors/index.js';
import { parseOptions } from './parse-options.js';

const schema = z
  .object({ name: z.string().min(1), password: z.string().optional(), nested: z.object({ size: z.number() }).optional() })
  .strict()
  .refine((options) => options.name !== 'reserved', { message: 'that name is reserved' });
const context = { what: 'Demo source options', hint: 'Pass { name }.' };

const failure = (input: unknown, extra: Partial<typeof context & { rootKey: string }> = {}) => {
  try {
    parseOptions(schema, input, { ...context, ...extra });
  } catch (error) {
    return error as Error & { hint?: string };
  }
  throw new Error('expected a ConfigError');
};

describe('parseOptions', () => {
  it('returns the parsed value', () => {
    expect(parseOptions(schema, { name: 'crm' }, context)).toEqual({ name: 'crm' });
  });

  it('names the dotted key of the first issue and carries the hint', () => {
    const error = failure({ name: 'crm', nested: { size: 'big' } });
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    expect(error.message).toMatch(/^Invalid Demo source options at "nested\.size": .+\.$/);
    expect(error.hint).toBe('Pass { name }.');
  });

  it('never echoes a value', () => {
    const error = failure({ name: 'crm', password: 'S3cr3t-pw', extra: 'S3cr3t-pw' });
    expect(error.message).not.toContain('S3cr3t-pw');
  });

  it('an issue without a path names no key, or rootKey when given', () => {
    expect(failure({ name: 'reserved' }).message).toBe('Invalid Demo source options: that name is reserved.');
    expect(failure({ name: 'reserved' }, { rootKey: 'options' }).message).toBe('Invalid Demo source options at "options": that name is reserved.');
  });
});
