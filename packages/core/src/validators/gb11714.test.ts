import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GB11714_ALPHABET } from './gb-charset.js';
import { gb11714CheckCharacter, validateGb11714 } from './gb11714.js';
import { VALID_USCC_VECTORS } from './uscc-vectors.fixture.js';

describe('validateGb11714', () => {
  it('computes the worked example 60003734 → 1', () => {
    expect(gb11714CheckCharacter('60003734')).toBe('1');
    expect(validateGb11714('60003734-1').valid).toBe(true);
  });

  // anchors.md §3.3: positions 9-17 of the python-stdnum USCC vectors are valid organisation codes.
  it.each(VALID_USCC_VECTORS)('accepts the embedded code of %s', (uscc) => {
    expect(validateGb11714(uscc.slice(8, 17)).valid).toBe(true);
  });

  it('rejects a wrong check character, bad characters and length', () => {
    expect(validateGb11714('600037342').errors).toEqual([expect.objectContaining({ kind: 'check', position: 8 })]);
    expect(validateGb11714('6000-3734').errors[0]?.kind).toBe('length');
    expect(validateGb11714('60003#341').errors).toEqual([expect.objectContaining({ kind: 'charset', position: 5 })]);
  });

  it('maps 10 to X and 11 to 0', () => {
    const checks = new Set<string>();
    fc.assert(fc.property(fc.array(fc.constantFrom(...GB11714_ALPHABET.split('')), { minLength: 8, maxLength: 8 }), (body) => {
      const check = gb11714CheckCharacter(body.join(''));
      checks.add(check);
      return /^[0-9X]$/.test(check) && validateGb11714(body.join('') + check).valid;
    }), { numRuns: 500 });
    expect(checks.has('X') && checks.has('0')).toBe(true);
  });
});
