/** How a code is built: its template, leading non-digit prefix and trailing digit run. */
export interface CodeShape {
  /** Digits replaced by `9`, everything else kept: `KH2024-0012` → `KH9999-9999`. */
  template: string;
  /** Characters before the first digit, as stored. */
  prefix: string;
  /** Everything before the trailing digit run (the counter key when no rule is given). */
  head: string;
  /** The trailing digit run, '' when the code does not end in digits. */
  digits: string;
}

const anyDigit = /[0-9]/g;

function isDigitCode(character: number): boolean {
  return character >= 48 && character <= 57;
}

/** Splits a code into its shape (runs for every record: one native replace and two short scans). */
export function codeShape(code: string): CodeShape {
  let prefixEnd = 0;
  while (prefixEnd < code.length && !isDigitCode(code.charCodeAt(prefixEnd))) prefixEnd++;
  let runStart = code.length;
  while (runStart > 0 && isDigitCode(code.charCodeAt(runStart - 1))) runStart--;
  return {
    template: prefixEnd === code.length ? code : code.replace(anyDigit, '9'),
    prefix: code.slice(0, prefixEnd),
    head: code.slice(0, runStart),
    digits: code.slice(runStart),
  };
}

/** Character classes used to explain a charset deviation. */
export function characterClass(character: string): string {
  const point = character.codePointAt(0) ?? 0;
  if (point >= 48 && point <= 57) return 'digit';
  if (point >= 65 && point <= 90) return 'upper';
  if (point >= 97 && point <= 122) return 'lower';
  if (point === 32) return 'space';
  if (point < 128) return `'${character}'`;
  if (point >= 0xff01 && point <= 0xff5e) return 'full-width';
  return 'non-ascii';
}

/** Length of the leading non-digit part (no allocation: runs for every record). */
export function prefixLength(code: string): number {
  let end = 0;
  while (end < code.length && !isDigitCode(code.charCodeAt(end))) end++;
  return end;
}

/** Start of the trailing digit run; `code.length` when the code does not end in a digit. */
export function digitRunStart(code: string): number {
  let start = code.length;
  while (start > 0 && isDigitCode(code.charCodeAt(start - 1))) start--;
  return start;
}

/** The number written by the digits from `start` to `end` (at most 15 digits, exact in a double). */
export function digitValue(code: string, start: number, end = code.length): number {
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + (code.charCodeAt(index) - 48);
  return value;
}

/** `text.slice(0, length)`, reusing `previous` when it is that same slice (consecutive codes share prefixes). */
export function sharedSlice(previous: string, text: string, length: number): string {
  return previous.length === length && text.startsWith(previous) ? previous : text.slice(0, length);
}

/** Whether two codes have the same template (digits at the same places, other characters equal), without building it. */
export function sameTemplate(code: string, other: string): boolean {
  if (code.length !== other.length) return false;
  for (let index = 0; index < code.length; index++) {
    const a = code.charCodeAt(index);
    const b = other.charCodeAt(index);
    if (a !== b && !(isDigitCode(a) && isDigitCode(b))) return false;
  }
  return true;
}
