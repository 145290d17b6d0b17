import type { Customer } from '../customer/customer-schema.js';
import { alphaInput, normalizeCode } from '../code/normalize-code.js';
import { textRank } from './text-rank.js';
import { RELEVANCE, type ReaderSortKey, type SortField, type SortKey, type TextField } from './v1/customer-query.js';
import type { Cursor } from './v1/source-reader.js';

/**
 * The order of a search beyond the default (code, org): reader sort keys (truncated after `code`, which
 * makes the rest meaningless), or a relevance rank computed per record.
 */
export interface SearchOrder {
  sort?: readonly ReaderSortKey[];
  rank?: (customer: Customer) => number | undefined;
}

/** The query parts that decide a search's order. */
export interface OrderQuery {
  sort?: readonly SortKey[];
  text?: string;
  textFields?: readonly TextField[];
}

/** The order a query asks for: `undefined` for the default code order. */
export function searchOrder(query: OrderQuery): SearchOrder | undefined {
  const { sort, text, textFields } = query;
  if (sort === undefined || sort.length === 0) return undefined;
  if (sort[0]!.field === RELEVANCE) {
    if (text === undefined || text === '') return undefined;
    return { rank: (customer) => textRank(customer, text, textFields) };
  }
  const keys: ReaderSortKey[] = [];
  for (const key of sort) {
    keys.push({ field: key.field as SortField, direction: key.direction ?? 'asc' });
    if (key.field === 'code') break;
  }
  // Ascending code alone is the default order.
  return keys.length === 1 && keys[0]!.field === 'code' && keys[0]!.direction === 'asc' ? undefined : { sort: keys };
}

/** A record's value for a sort key: `null` when absent (records never hold blank text). */
export function sortValue(customer: Pick<Customer, SortField>, field: SortField): string | null {
  const value = customer[field];
  return value === undefined || value === '' ? null : value;
}

/** The keys of `sort` that carry values in a cursor (all but `code`, which is the tie-break's direction). */
export function valueKeys(sort: readonly ReaderSortKey[]): ReaderSortKey[] {
  return sort.filter((key) => key.field !== 'code');
}

/** Direction of the (code, org) tie-break: that of a `code` key, else ascending. */
export function tieDirection(sort: readonly ReaderSortKey[] | undefined): 'asc' | 'desc' {
  return sort?.find((key) => key.field === 'code')?.direction ?? 'asc';
}

/**
 * `after` cursors are either a plain code (resume after that code) or `~` + base64url JSON
 * `{ "c": code, "o": org, "s": seen }` when more than the code is part of the position: an org (Kingdee
 * use-orgs, SAP sales areas), rows of one key already passed, or a code that does not survive being typed
 * back (empty, surrounding spaces).
 */
export function encodeCursor(cursor: Cursor): string {
  const { code, org, seen, values, tier } = cursor;
  if (org === undefined && seen === undefined && values === undefined && tier === undefined && code !== '' && !code.startsWith('~') && normalizeCode(code) === code) return code;
  return `~${Buffer.from(JSON.stringify({ c: code, o: org, s: seen, v: values, t: tier }), 'utf8').toString('base64url')}`;
}

export function decodeCursor(after: string): Cursor {
  if (after.startsWith('~')) {
    try {
      const parsed = JSON.parse(Buffer.from(after.slice(1), 'base64url').toString('utf8')) as { c?: unknown; o?: unknown; s?: unknown; v?: unknown; t?: unknown };
      if (typeof parsed.c === 'string') {
        const values = Array.isArray(parsed.v) && parsed.v.every((value) => value === null || typeof value === 'string') ? (parsed.v as (string | null)[]) : undefined;
        return {
          code: parsed.c,
          ...(typeof parsed.o === 'string' ? { org: parsed.o } : {}),
          ...(Number.isSafeInteger(parsed.s) && (parsed.s as number) > 0 ? { seen: parsed.s as number } : {}),
          ...(values === undefined ? {} : { values }),
          ...(Number.isSafeInteger(parsed.t) && (parsed.t as number) >= 0 ? { tier: parsed.t as number } : {}),
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

/** A record's key as the backend orders it: its stored code, then its org (first its rank or sort values, in an ordered search). */
export function keyOf(customer: Pick<Customer, 'code' | 'org'>, codeForm: 'as-is' | 'sap-alpha', order?: SearchOrder): Cursor {
  const key: Cursor = { code: toStoredCode(customer.code, codeForm), ...(customer.org === undefined ? {} : { org: customer.org }) };
  if (order?.rank) key.tier = order.rank(customer as Customer) ?? 0;
  if (order?.sort) key.values = valueKeys(order.sort).map((sortKey) => sortValue(customer as Customer, sortKey.field));
  return key;
}

/**
 * Unicode code point order: what binary collations (utf8mb4_bin, PostgreSQL "C", SQLite) give. It differs
 * from UTF-16 code unit order only past U+FFFF (𠮷 sorts after Ａ, though its surrogates are below).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const [x, y] = [a.charCodeAt(index), b.charCodeAt(index)];
    if (x === y) continue;
    // Surrogates (D800–DFFF) go above the rest of the BMP (E000–FFFF), which moves down to make room.
    const rank = (unit: number) => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);
    return rank(x) < rank(y) ? -1 : 1;
  }
  return a.length - b.length === 0 ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * The order of an ordered search (what `compareCursors` is for the default one): tier, then sort values
 * (absent last in either direction), then (code, org) in the tie-break's direction.
 */
export function compareOrdered(a: Cursor, b: Cursor, order: SearchOrder | undefined): number {
  if (order?.rank && a.tier !== b.tier) return (a.tier ?? 0) - (b.tier ?? 0);
  if (order?.sort) {
    const keys = valueKeys(order.sort);
    for (let index = 0; index < keys.length; index++) {
      const [left, right] = [a.values?.[index] ?? null, b.values?.[index] ?? null];
      if (left === right) continue;
      if (left === null) return 1;
      if (right === null) return -1;
      return compareCodePoints(left, right) * (keys[index]!.direction === 'desc' ? -1 : 1);
    }
  }
  return compareCursors(a, b) * (tieDirection(order?.sort) === 'desc' ? -1 : 1);
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

const sameKey = (a: Cursor, b: Cursor, order?: SearchOrder) => compareOrdered(a, b, order) === 0;

/**
 * The position right after the last of `rows`, a page read after `previous`: its key, and how many rows
 * of that key were handed on (so that a source whose rows can share a key, such as a file with several
 * empty codes, resumes in the middle of them). `previous` when `rows` is empty.
 */
export function positionAfter(rows: readonly Pick<Customer, 'code' | 'org'>[], codeForm: 'as-is' | 'sap-alpha', previous?: Cursor, order?: SearchOrder): Cursor | undefined {
  const last = rows.at(-1);
  if (last === undefined) return previous;
  const key = keyOf(last, codeForm, order);
  let seen = 0;
  while (seen < rows.length && sameKey(keyOf(rows[rows.length - 1 - seen]!, codeForm, order), key, order)) seen++;
  if (seen === rows.length && previous?.seen !== undefined && sameKey(previous, key, order)) seen += previous.seen;
  return { ...key, seen };
}

/**
 * `positionAfter` as a cursor string: what a paged API hands out as the next page's `after`. A sorted or
 * relevance search passes its query (`sort`, `text`, `textFields` as the source applied them): the cursor
 * then carries the last row's sort values or rank tier, read from the rows (which must hold the sort fields).
 */
export function cursorAfter(rows: readonly Pick<Customer, 'code' | 'org'>[], codeForm: 'as-is' | 'sap-alpha' = 'as-is', previous?: string, query?: OrderQuery): string | undefined {
  const order = query === undefined ? undefined : searchOrder(query);
  const position = positionAfter(rows, codeForm, previous === undefined ? undefined : decodeCursor(previous), order);
  return position === undefined ? undefined : encodeCursor(position);
}
