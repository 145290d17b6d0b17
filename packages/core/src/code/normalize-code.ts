import { MalformedCodeError } from '../errors/malformed-code-error.js';

/** Longest code accepted as input; longer strings are rejected before they reach a backend. */
export const MAX_CODE_LENGTH = 200;

const printableAscii = /^[\x20-\x7E]*$/;
const zeroWidth = /[\u200B-\u200D\u2060\uFEFF]/g;
const controlCharacters = /[\u0000-\u001F\u007F]/;

/**
 * The code as a person typed or pasted it, made comparable: NFKC (full-width digits and letters to
 * half-width, ideographic space to space), zero-width characters removed, surrounding spaces trimmed.
 * Case is kept: codes are case-sensitive in some ERPs.
 */
export function normalizeCode(input: string): string {
  // Printable ASCII is its own NFKC form and holds no zero-width character: the common case, kept cheap.
  if (printableAscii.test(input)) return input.trim();
  // Zero-width characters go first: one between a letter and its accent would otherwise block composition.
  return input.replace(zeroWidth, '').normalize('NFKC').trim();
}

/**
 * Whether a code starts with a prefix — the one rule for `codePrefix` in searches and in role row filters.
 * The code is the one a user sees (`Customer.code`: SAP ALPHA output form, `0000012345` is `12345`), as the
 * ERP holds it: a stored leading space or full-width letters are part of it. The prefix is normalised like any
 * typed code (`normalizeCode`: full-width to half-width, zero-width removed, trimmed). Case is ignored, as in
 * every text filter.
 */
export function codeHasPrefix(code: string, prefix: string): boolean {
  return code.toLowerCase().startsWith(normalizeCode(prefix).toLowerCase());
}

/** `normalizeCode`, then rejects what cannot be a code: empty, control characters, over 200 characters. */
export function parseCodeInput(input: string): string {
  // Printable ASCII (the usual code) is already normalised bar spaces and holds no control character.
  if (printableAscii.test(input)) {
    const trimmed = input.trim();
    if (trimmed !== '' && trimmed.length <= MAX_CODE_LENGTH) return trimmed;
  }
  const code = normalizeCode(input);
  if (code === '') {
    throw new MalformedCodeError({ message: 'The customer code is empty.', hint: 'Pass a non-empty code such as KH202401.' });
  }
  if (controlCharacters.test(code)) {
    throw new MalformedCodeError({
      message: `The customer code ${JSON.stringify(code.slice(0, 40))} contains control characters.`,
      hint: 'Remove tabs, NUL or line breaks from the code.',
    });
  }
  if (code.length > MAX_CODE_LENGTH) {
    throw new MalformedCodeError({
      message: `The customer code is ${code.length} characters long; at most ${MAX_CODE_LENGTH} are accepted.`,
      hint: 'Check that a whole line or file was not passed as one code.',
    });
  }
  return code;
}

const allDigits = /^\d+$/;

/** SAP CONVERSION_EXIT_ALPHA_INPUT: all-digit codes right-aligned and zero-padded to `length`; others unchanged. */
export function alphaInput(code: string, length = 10): string {
  return allDigits.test(code) && code.length <= length ? code.padStart(length, '0') : code;
}

/** SAP CONVERSION_EXIT_ALPHA_OUTPUT: leading zeros stripped from all-digit codes (`0000000000` → `0`). */
export function alphaOutput(code: string): string {
  return allDigits.test(code) ? code.replace(/^0+(?=\d)/, '') : code;
}
