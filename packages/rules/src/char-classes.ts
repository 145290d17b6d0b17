import { USCC_ALPHABET } from '@custcode/core/validators';
import type { CharClass } from './rule-types.js';

/** Which characters one position accepts: ASCII by table, anything beyond by a flag. */
export interface CharSet {
  table: Uint8Array;
  nonAscii: boolean;
  /** For messages: `digits`, `letters A-Z`… */
  label: string;
}

function charSet(characters: string, label: string, nonAscii = false): CharSet {
  const table = new Uint8Array(128);
  for (let index = 0; index < characters.length; index++) table[characters.charCodeAt(index)] = 1;
  return { table, nonAscii, label };
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const CHAR_SETS: Record<CharClass, CharSet> = {
  digits: charSet(DIGITS, 'a digit'),
  letters: charSet(LETTERS, 'an upper-case letter A-Z'),
  alnum: charSet(DIGITS + LETTERS, 'a digit or upper-case letter'),
  'uscc-char': charSet(USCC_ALPHABET, 'a character of 0-9A-Z without I, O, Z, S, V'),
};

/** Field values: any printable character except spaces. */
let printable = '';
for (let code = 33; code < 127; code++) printable += String.fromCharCode(code);
export const FIELD_CHARS: CharSet = charSet(printable, 'a printable character', true);

export function literalSet(character: string): CharSet {
  return charSet(character, JSON.stringify(character));
}

export function accepts(set: CharSet, text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? set.table[code] === 1 : set.nonAscii;
}

/** A regex character class for a set (ASCII part enumerated). */
export function regexClass(set: CharSet): string {
  let body = '';
  for (let code = 0; code < 128; code++) {
    if (set.table[code] === 1) body += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return `[${body}${set.nonAscii ? '\\u0080-\\uffff' : ''}]`;
}
