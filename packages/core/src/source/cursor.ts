import type { Customer } from '../customer/customer-schema.js';
import { alphaInput, normalizeCode } from '../code/normalize-code.js';
import type { Cursor } from './v1/source-reader.js';

/**
 * `after` cursors are either a plain code (resume after that code) or `~` + base64url JSON
 * `{ "c": code, "o": org, "s": seen }` when more than the code is part of the position: an org (Kingdee
 * use-orgs, SAP sales areas), rows of one key already passed, or a code that does not survive being typed
 * back (empty, surrounding spaces).
 */
export function encodeCursor(cursor: Cursor): string {
  const { code, org, seen } = cursor;
  if (org === undefined && seen === undefined && code !== '' && !code.startsWith('~') && normalizeCode(code) === code) return code;
  return `~${Buffer.from(JSON.stringify({ c: code, o: org, s: seen }), 'utf8').toString('base64url')}`;
}

export function decodeCursor(after: string): Cursor {
  if (after.startsWith('~')) {
    try {
      const parsed = JSON.parse(Buffer.from(after.slice(1), 'base64url').toString('utf8')) as { c?: unknown; o?: unknown; s?: unknown };
      if (typeof parsed.c === 'string') {
        return {
          code: parsed.c,
          ...(typeof parsed.o === 'string' ? { org: parsed.o } : {}),
          ...(Number.isSafeInteger(parsed.s) && (parsed.s as number) > 0 ? { seen: parsed.s as number } : {}),
        };
      }
    } catch {
      // not one of ours: a code that starts with '~'
    }
  }
  return { code: normalizeCode(after) };
}

/** The code as the backend stores it (SAP: ALPHA input form). */
export function toStoredCode(code: string, codeForm: 'as-is' | 'sap-alpha'): string {
  return codeForm === 'sap-alpha' ? alphaInput(code) : code;
}

/** A record's key as the backend orders it: its stored code, then its org. */
export function keyOf(customer: Pick<Customer, 'code' | 'org'>, codeForm: 'as-is' | 'sap-alpha'): Cursor {
  return { code: toStoredCode(customer.code, codeForm), ...(customer.org === undefined ? {} : { org: customer.org }) };
}

/**
 * The order every source pages in: by stored code, then by org (an absent org first), comparing UTF-16
 * code units as the keyset does. Sources that sort rows themselves (memory, SAP) sort with this.
 */
export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const [orgA, orgB] = [a.org ?? '', b.org ?? ''];
  return orgA < orgB ? -1 : orgA > orgB ? 1 : 0;
}

/** The cursor that resumes a stream right after every row with the key of `customer`. */
export function cursorOf(customer: Pick<Customer, 'code' | 'org'>, codeForm: 'as-is' | 'sap-alpha' = 'as-is'): string {
  return encodeCursor(keyOf(customer, codeForm));
}

const sameKey = (a: Cursor, b: Cursor) => compareCursors(a, b) === 0;

/**
 * The position right after the last of `rows`, a page read after `previous`: its key, and how many rows
 * of that key were handed on (so that a source whose rows can share a key, such as a file with several
 * empty codes, resumes in the middle of them). `previous` when `rows` is empty.
 */
export function positionAfter(rows: readonly Pick<Customer, 'code' | 'org'>[], codeForm: 'as-is' | 'sap-alpha', previous?: Cursor): Cursor | undefined {
  const last = rows.at(-1);
  if (last === undefined) return previous;
  const key = keyOf(last, codeForm);
  let seen = 0;
  while (seen < rows.length && sameKey(keyOf(rows[rows.length - 1 - seen]!, codeForm), key)) seen++;
  if (seen === rows.length && previous?.seen !== undefined && sameKey(previous, key)) seen += previous.seen;
  return { ...key, seen };
}

/** `positionAfter` as a cursor string: what a paged API hands out as the next page's `after`. */
export function cursorAfter(rows: readonly Pick<Customer, 'code' | 'org'>[], codeForm: 'as-is' | 'sap-alpha' = 'as-is', previous?: string): string | undefined {
  const position = positionAfter(rows, codeForm, previous === undefined ? undefined : decodeCursor(previous));
  return position === undefined ? undefined : encodeCursor(position);
}
