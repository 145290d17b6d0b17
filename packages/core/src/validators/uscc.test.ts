import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '../errors/index.js';
import { USCC_ALPHABET } from './gb-charset.js';
import { INVALID_USCC_VECTORS, SPACED_USCC_VECTOR, VALID_USCC_VECTORS } from './uscc-vectors.fixture.js';
import { usccCheckCharacter, validateUscc } from './uscc.js';

describe('validateUscc', () => {
  it.each(VALID_USCC_VECTORS)('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true, errors: [] });
  });

  it.each(INVALID_USCC_VECTORS)('rejects $code ($kind)', ({ code, kind }) => {
    const result = validateUscc(code);
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.kind)).toContain(kind);
  });

  it('accepts check character 0 (the npm stdnum bug)', () => {
    expect(usccCheckCharacter('91152201078376286')).toBe('0');
  });

  it('computes the worked example: Σ = 538 gives L', () => {
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
  });

  it('compacts spaces and hyphens but points at the input position', () => {
    expect(validateUscc(SPACED_USCC_VECTOR).valid).toBe(true);
    expect(validateUscc(SPACED_USCC_VECTOR, { compact: false }).errors[0]?.kind).toBe('length');
    const wrong = validateUscc('91 110000 600037341N');
    expect(wrong.errors).toEqual([expect.objectContaining({ kind: 'check', position: 19 })]);
  });

  it('accepts a letter in position 1 (N, Y) unlike python-stdnum', () => {
    const body = 'N1110000600037341';
    expect(validateUscc(body + usccCheckCharacter(body)).valid).toBe(true);
  });

  it('reports every forbidden character with its position', () => {
    const result = validateUscc('9111000060003IOZSV');
    expect(result.errors.filter((error) => error.kind === 'charset').map((error) => error.position)).toEqual([13, 14, 15, 16, 17]);
  });

  it('requires digits in the region code (positions 3-8)', () => {
    const body = '91A10000600037341';
    const result = validateUscc(body + usccCheckCharacter(body));
    expect(result.errors).toEqual([expect.objectContaining({ kind: 'segment', position: 2 })]);
  });

  it('throws a typed error for a bad body', () => {
    expect(() => usccCheckCharacter('123')).toThrow(/17 characters/);
    let thrown: unknown;
    try {
      usccCheckCharacter('9111000060003741I');
    } catch (error) {
      thrown = error;
    }
    expect(isCustcodeError(thrown, 'CODE_MALFORMED')).toBe(true);
  });
});

const uscChar = fc.constantFrom(...USCC_ALPHABET.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));
const usccBody = fc
  .tuple(fc.array(uscChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(uscChar, { minLength: 9, maxLength: 9 }))
  .map(([head, region, rest]) => [...head, ...region, ...rest].join(''));

describe('validateUscc properties', () => {
  it('accepts every code built with its check character', () => {
    fc.assert(fc.property(usccBody, (body) => validateUscc(body + usccCheckCharacter(body)).valid));
  });

  it('rejects any single-character change', () => {
    fc.assert(
      fc.property(usccBody, fc.nat(17), fc.integer({ min: 1, max: 30 }), (body, position, shift) => {
        const code = body + usccCheckCharacter(body);
        const original = USCC_ALPHABET.indexOf(code[position] as string);
        const replacement = USCC_ALPHABET[(original + shift) % 31] as string;
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        return !validateUscc(changed).valid;
      }),
    );
  });
});
