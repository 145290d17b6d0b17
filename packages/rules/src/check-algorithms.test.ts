import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_DEFINITIONS } from './check-algorithms.js';
import type { CheckAlgorithm } from './rule-types.js';

const compute = (algorithm: CheckAlgorithm, text: string) => CHECK_DEFINITIONS[algorithm].compute(text, 0, text.length);

describe('check algorithms', () => {
  // Vectors from arthurdejong/python-stdnum (LGPL-2.1): tests/test_iso7064.doctest and the module doctests.
  it('ISO 7064 MOD 11-2 (python-stdnum test_iso7064.doctest)', () => {
    expect(compute('iso7064-11-2', '0794')).toBe('0');
    expect(compute('iso7064-11-2', '079')).toBe('X');
  });

  it('ISO 7064 MOD 37,36 (python-stdnum mod_37_36 doctest)', () => {
    expect(compute('iso7064-37-36', 'A12425GABC1234002')).toBe('M');
  });

  it('ISO 7064 MOD 97-10 (python-stdnum mod_97_10 doctest: calc_check_digits of the number with 00 appended)', () => {
    expect(compute('mod97', '99991234567890121414')).toBe('90');
    expect(compute('mod97', '4354111611551114')).toBe('31');
  });

  it('Luhn: 7992739871 → 3 (the standard example)', () => {
    expect(compute('luhn', '7992739871')).toBe('3');
  });

  it('mod10 is the digit sum mod 10 and skips letters', () => {
    expect(compute('mod10', 'KH2026')).toBe('0');
    expect(compute('mod10', '1234')).toBe('0');
    expect(compute('mod10', '1235')).toBe('1');
  });

  it('windowed algorithms read only their window', () => {
    const uscc = CHECK_DEFINITIONS.uscc;
    expect(uscc.compute('XX91110000600037341', 2, 19)).toBe('L');
    expect(CHECK_DEFINITIONS.gb11714.compute('ab60003734', 2, 10)).toBe('1');
  });

  it.each(['luhn', 'mod10', 'iso7064-11-2', 'iso7064-37-36', 'mod97'] as const)('%s detects every single-digit substitution', (algorithm) => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4,12}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, rawPosition, shift) => {
        const position = rawPosition % body.length;
        const changed = body.slice(0, position) + String((Number(body[position]) + shift) % 10) + body.slice(position + 1);
        return compute(algorithm, changed) !== compute(algorithm, body);
      }),
    );
  });
});
