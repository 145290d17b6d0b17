import { describe, expect, it } from 'vitest';
import { blankToUndefined, definedFields } from './seed-values.js';

describe('seed values', () => {
  it('blank text is no value; other text is kept as is', () => {
    expect(blankToUndefined(undefined)).toBeUndefined();
    expect(blankToUndefined('')).toBeUndefined();
    expect(blankToUndefined(' \t')).toBeUndefined();
    expect(blankToUndefined(' 华为 ')).toBe(' 华为 ');
  });

  it('definedFields drops null and undefined but keeps empty strings', () => {
    expect(definedFields({ taxId: undefined, phone: null, shortName: '', name: 'acme' })).toEqual({ shortName: '', name: 'acme' });
  });
});
