import { normalizeCode } from '../code/normalize-code.js';
import type { Customer } from '../customer/customer-schema.js';
import { toStoredCode } from '../source/cursor.js';
import { matchesFilter } from '../source/match-filter.js';
import { TEXT_FIELDS, type CustomerFilter, type TextField } from '../source/v1/customer-query.js';
import type { SourceDescription } from '../source/v1/source-description.js';
import type { ConformanceContext } from './conformance-options.js';

type CodeForm = SourceDescription['codeForm'];

/** Binary (UTF-16 code unit) order, the order of utf8mb4_bin, PostgreSQL "C" and SAP for these codes. */
export const binaryCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortKey(customer: Customer, codeForm: CodeForm): [string, string] {
  return [toStoredCode(customer.code, codeForm), customer.org ?? ''];
}

export function orderCustomers(customers: readonly Customer[], codeForm: CodeForm): Customer[] {
  return [...customers].sort((a, b) => {
    const [codeA, orgA] = sortKey(a, codeForm);
    const [codeB, orgB] = sortKey(b, codeForm);
    return binaryCompare(codeA, codeB) || binaryCompare(orgA, orgB);
  });
}

/** Rows of `expected` that a lookup of `input` (as a user typed it) must find. */
export function expectedForCode(context: ConformanceContext, input: string): Customer[] {
  const codeForm = context.description().codeForm;
  const key = toStoredCode(normalizeCode(input), codeForm);
  return context.expected().filter((customer) => toStoredCode(customer.code, codeForm) === key);
}

/** `matchesFilter`, except that a source without pinyin search matches `text` on code and names only. */
export function referenceMatch(customer: Customer, filter: CustomerFilter, description: SourceDescription): boolean {
  if (description.pinyinSearch !== 'none' || filter.text === undefined || filter.text === '') return matchesFilter(customer, filter);
  const { text, textFields = TEXT_FIELDS, ...rest } = filter;
  const needle = text.toLowerCase();
  const has = (field: TextField) => textFields.includes(field) && customer[field] !== undefined && customer[field].toLowerCase().includes(needle);
  return matchesFilter(customer, rest) && (has('code') || has('name') || has('shortName'));
}

export function expectedSearch(context: ConformanceContext, filter: CustomerFilter): Customer[] {
  return context.ordered().filter((customer) => referenceMatch(customer, filter, context.description()));
}

/** A record without `raw` and without keys whose value is undefined, for comparisons. */
export function withoutRaw(customer: Customer): Omit<Customer, 'raw'> {
  const { raw: _raw, ...rest } = customer;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as Omit<Customer, 'raw'>;
}

/** `code|org`, for readable failure messages. */
export const rowKey = (customer: Customer | undefined) => (customer === undefined ? '(none)' : `${customer.code}|${customer.org ?? ''}`);

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** ASCII to full-width forms (`KH01` → `ＫＨ０１`), as typed with a Chinese input method. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
}

/** Whether the promise rejected; returns the error or undefined. */
export async function rejectionOf(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Strings that break naive SQL, LIKE patterns and RFC option lines. */
export const HOSTILE_STRINGS: ReadonlyArray<{ label: string; value: string }> = [
  { label: 'SQL injection', value: "' OR 1=1 --" },
  { label: 'percent', value: '%' },
  { label: 'underscore', value: '_' },
  { label: 'backslash', value: '\\' },
  { label: 'single quote', value: "'" },
  { label: 'double quote', value: '"' },
  { label: 'NUL character', value: 'A\u0000B' },
  { label: '10,000 characters', value: 'x'.repeat(10_000) },
];
