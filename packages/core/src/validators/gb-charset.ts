/** Characters of GB 32100-2015 in value order: I, O, Z, S and V are not used. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Value of each character code (0-127) in `USCC_ALPHABET`, or -1. */
export const USCC_VALUES: Int8Array = buildTable(USCC_ALPHABET);

/** GB 11714-1997 body characters: 0-9 then A-Z (values 0-35). */
export const GB11714_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const GB11714_VALUES: Int8Array = buildTable(GB11714_ALPHABET);

function buildTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let index = 0; index < alphabet.length; index++) table[alphabet.charCodeAt(index)] = index;
  return table;
}

/** Value of the character at `index` in `table`, or -1 when it is not in the alphabet. */
export function charValue(table: Int8Array, text: string, index: number): number {
  const charCode = text.charCodeAt(index);
  return charCode < 128 ? (table[charCode] ?? -1) : -1;
}
