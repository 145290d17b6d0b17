/**
 * Reads a layout's hand-written rows back through its adapter on one backend and compares the answer
 * with the hand-written records (test-support/expected-records): a misread column fails here even when
 * the adapter and its own seeder agree with each other.
 */
import type { Customer, CustomerSource } from '@custcode/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoldenEntry, MatrixBackend } from './matrix-backend.js';

const withoutRaw = ({ raw: _raw, ...rest }: Customer): Omit<Customer, 'raw'> => rest;
/** Raw values compared as text: the drivers return BIGINT columns as strings, SQLite and the emulators as numbers. */
const asText = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, value === null || value === undefined ? null : String(value)]));
const byCodeAndOrg = (left: Omit<Customer, 'raw'>, right: Omit<Customer, 'raw'>) =>
  left.code === right.code ? (left.org ?? '').localeCompare(right.org ?? '') : left.code < right.code ? -1 : 1;

export function testExpectedRecords(entry: GoldenEntry, backend: MatrixBackend): void {
  const { records } = entry;
  const title = `expected records: ${records.layout} on ${backend.name}`;
  if (backend.unavailable) console.warn(`[backend matrix] ${title} not run: ${backend.unavailable}`);

  describe.skipIf(backend.unavailable !== undefined)(`${title}${backend.unavailable ? ` (unavailable: ${backend.unavailable})` : ''}`, () => {
    let opened: { source: CustomerSource; teardown?(): Promise<void> } | undefined;
    let read: Customer[] = [];
    const find = (code: string, org: string | undefined) => read.find((customer) => customer.code === code && customer.org === org);

    beforeAll(async () => {
      opened = await entry.open(backend, records);
      for await (const customer of opened.source.search({})) read.push(customer);
    });
    afterAll(async () => {
      await opened?.source.close();
      await opened?.teardown?.();
    });

    it('search returns exactly the hand-written records (every field but raw)', () => {
      expect(read.map(withoutRaw).sort(byCodeAndOrg)).toEqual([...records.customers].sort(byCodeAndOrg));
    });

    it('raw carries the ERP columns as read', () => {
      for (const check of records.rawChecks) {
        const raw = find(check.code, check.org)?.raw ?? {};
        // Keys case-insensitively: K/3 Cloud's WebAPI names its columns by form field keys (FUseOrgId for FUSEORGID).
        const value = (key: string) => Object.entries(raw).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
        const read = Object.fromEntries(Object.keys(check.raw).map((key) => [key, value(key)]));
        expect(asText(read), `${check.code} ${check.org ?? ''}`).toEqual(asText(check.raw));
      }
    });

    it('get without an org finds each looked-up code in the documented record', async () => {
      for (const lookup of records.lookups ?? []) {
        const customer = await opened!.source.get(lookup.code);
        expect(customer && withoutRaw(customer), lookup.code).toEqual(
          records.customers.find((record) => record.code === lookup.code.trim() && record.org === lookup.org),
        );
      }
    });
  });
}
