import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustcodeError } from '../errors/custcode-error.js';
import { alphaInput, alphaOutput, MAX_CODE_LENGTH, normalizeCode, parseCodeInput } from './normalize-code.js';

const malformed = (input: string) => {
  try {
    parseCodeInput(input);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('normalizeCode', () => {
  it('turns full-width digits, letters and punctuation into half-width', () => {
    expect(normalizeCode('ＫＨ２０２４０１')).toBe('KH202401');
    expect(normalizeCode('Ｃ－１００')).toBe('C-100');
  });

  it('trims spaces, tabs, ideographic spaces and line breaks around the code, keeps inner ones', () => {
    expect(normalizeCode('  KH01\t')).toBe('KH01');
    expect(normalizeCode('\u3000KH01\u3000')).toBe('KH01');
    expect(normalizeCode('\r\nKH01\n')).toBe('KH01');
    expect(normalizeCode(' A B ')).toBe('A B');
  });

  it('removes zero-width characters anywhere', () => {
    expect(normalizeCode('\u200BKH\u200C01\u200D\uFEFF')).toBe('KH01');
    expect(normalizeCode('KH\u206001')).toBe('KH01');
  });

  it('keeps case: codes are case-sensitive in some ERPs', () => {
    expect(normalizeCode('kh01')).toBe('kh01');
  });

  it('composes a letter and its accent even with a zero-width character between them', () => {
    expect(normalizeCode('A\u200B\u0301')).toBe('\u00C1');
  });

  it('is idempotent (property)', () => {
    const pieces = fc.constantFrom('A', 'k', '1', '１', 'Ｋ', ' ', '\u3000', '\u200B', '\uFEFF', '\u0301', '\u0308', '-', '北', '\u00A0');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        expect(normalizeCode(normalizeCode(text))).toBe(normalizeCode(text));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('parseCodeInput', () => {
  it('returns the normalised code', () => {
    expect(parseCodeInput(' ＫＨ０１ ')).toBe('KH01');
  });

  it('rejects empty and blank codes with MalformedCodeError', () => {
    for (const input of ['', '   ', '\u3000', '\u200B']) {
      const error = malformed(input);
      expect(isCustcodeError(error, 'CODE_MALFORMED'), JSON.stringify(input)).toBe(true);
      expect((error as Error).message).toMatch(/empty/);
    }
  });

  it('rejects control characters inside the code, with a hint', () => {
    for (const input of ['A\u0000B', 'A\tB', 'A\nB', 'A\u007FB']) {
      const error = malformed(input);
      expect(isCustcodeError(error, 'CODE_MALFORMED'), JSON.stringify(input)).toBe(true);
      expect((error as { hint?: string }).hint).toMatch(/control|tabs|NUL/i);
    }
  });

  it('accepts up to MAX_CODE_LENGTH characters and rejects longer input', () => {
    expect(parseCodeInput('x'.repeat(MAX_CODE_LENGTH))).toHaveLength(MAX_CODE_LENGTH);
    const error = malformed('x'.repeat(MAX_CODE_LENGTH + 1));
    expect(isCustcodeError(error, 'CODE_MALFORMED')).toBe(true);
    expect((error as Error).message).toContain(String(MAX_CODE_LENGTH + 1));
  });

  it('does not repeat a 10,000-character input in its message', () => {
    expect((malformed('y'.repeat(10_000)) as Error).message.length).toBeLessThan(200);
  });
});

describe('SAP ALPHA conversion', () => {
  it('pads all-digit codes to 10 characters on input', () => {
    expect(alphaInput('12345')).toBe('0000012345');
    expect(alphaInput('0000012345')).toBe('0000012345');
    expect(alphaInput('1')).toBe('0000000001');
  });

  it('leaves alphanumeric codes and over-long digit strings unchanged', () => {
    expect(alphaInput('C-100')).toBe('C-100');
    expect(alphaInput('KH2024')).toBe('KH2024');
    expect(alphaInput('123456789012')).toBe('123456789012');
    expect(alphaInput('12 34')).toBe('12 34');
  });

  it('honours a custom length', () => {
    expect(alphaInput('42', 6)).toBe('000042');
  });

  it('strips leading zeros on output, keeping one zero for an all-zero code', () => {
    expect(alphaOutput('0000012345')).toBe('12345');
    expect(alphaOutput('0000000000')).toBe('0');
    expect(alphaOutput('12345')).toBe('12345');
    expect(alphaOutput('00C-1')).toBe('00C-1');
  });

  it('round-trips: output(input(x)) = x without zeros, input(output(x)) = x padded', () => {
    for (const code of ['1', '1000', '0000001000', '9999999999', 'C-100', 'kh01']) {
      expect(alphaInput(alphaOutput(alphaInput(code)))).toBe(alphaInput(code));
      expect(alphaOutput(alphaInput(code))).toBe(alphaOutput(code));
    }
  });
});
