const zeroWidth = /[\u200B-\u200D\u2060\uFEFF]/g;
const plainAscii = /^[\x21-\x7E]*$/;

/** Whether every character is an ASCII digit. */
export function isAllDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (character < 48 || character > 57) return false;
  }
  return true;
}

/**
 * The code made comparable: NFKC (full-width to half-width), zero-width characters removed, trimmed,
 * upper case. Plain ASCII codes (almost all of them) skip the Unicode work.
 */
export function comparableCode(code: string): string {
  return (plainAscii.test(code) ? code : code.normalize('NFKC').replace(zeroWidth, '').trim()).toUpperCase();
}

/**
 * The duplicate key: a comparable code without SAP ALPHA leading zeros (all-digit codes only), so
 * `0000012345`, `12345` and `１２３４５` collide. '' for an empty code.
 */
export function withoutAlphaZeros(comparable: string): string {
  if (comparable.charCodeAt(0) !== 48 || !isAllDigits(comparable)) return comparable;
  let start = 0;
  while (start < comparable.length - 1 && comparable.charCodeAt(start) === 48) start++;
  return comparable.slice(start);
}
