/**
 * A count or a port typed as text: decimal digits only, as a safe integer; undefined for anything else.
 * `Number()` alone would take `1e3`, `0x10`, ` 12 ` and an empty string (0) as numbers too.
 */
export function parseWholeNumber(text: string): number | undefined {
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}
