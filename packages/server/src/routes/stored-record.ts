import { type Customer } from '@custcode/core';
import { compareCursors, cursorOf, decodeCursor, encodeCursor } from '@custcode/core/adapter';
import type { GuardedSource } from '@custcode/access';

/** At most this many rows are read past the start position looking for one stored record. */
export const MAX_STORED_RECORD_SCAN = 10_000;

/** A record's key as the source orders it (stored code, org), exactly, without normalising the code. */
const storedKey = (customer: Pick<Customer, 'code' | 'org'>, codeForm: 'as-is' | 'sap-alpha') => decodeCursor(cursorOf(customer, codeForm));

/**
 * The record stored under exactly `code` (spaces, full-width characters, the empty code kept) and `org`
 * (without an org: the first row of that code in any org, as an audit finding names it); `occurrence` picks
 * among rows sharing that key (a file with several empty codes). `get` cannot do this:
 * it normalises what a person types, so `" KH20210032"` would find `KH20210032`.
 *
 * It reads the source's own (code, org) order from just before the key: after the code minus its last
 * character, so a backend comparing trailing spaces loosely still starts early enough; the empty code from
 * the start. It stops at the first row whose code no longer shares that prefix, or after
 * MAX_STORED_RECORD_SCAN rows. The guarded source applies the caller's row filters and masks.
 */
export async function findStoredRecord(source: GuardedSource, code: string, org: string | undefined, occurrence = 0): Promise<Customer | undefined> {
  const codeForm = source.describe().codeForm;
  const target = storedKey({ code, ...(org === undefined ? {} : { org }) }, codeForm);
  const blank = target.code.trim() === '';
  const prefix = blank ? '' : target.code.trimEnd().slice(0, -1);
  const after = prefix === '' ? undefined : encodeCursor({ code: prefix });
  const lowerPrefix = prefix.toLowerCase();
  let read = 0;
  let seen = 0;
  for await (const row of source.search(after === undefined ? {} : { after })) {
    const key = storedKey(row, codeForm);
    if (blank ? key.code.trim() !== '' : !key.code.toLowerCase().startsWith(lowerPrefix)) return undefined;
    const sameOrg = org === undefined || compareCursors(key, target) === 0;
    if (key.code === target.code && sameOrg && seen++ === occurrence) return row;
    if (++read >= MAX_STORED_RECORD_SCAN) return undefined;
  }
  return undefined;
}
