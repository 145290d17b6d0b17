import type { Customer } from '@custcode/core';
import { createSapSource } from '@custcode/adapter-sap';
import { addChangeDocuments, createRfcEmulator } from '@custcode/adapter-sap/emulator';
import { describe, expect, it } from 'vitest';
import { SINCE, seedWithChanges } from './change-documents-seed.js';
import { seedKna1 } from './seed-kna1.js';

const collect = async <T>(items: AsyncIterable<T>) => {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
};
const codes = (customers: Customer[]) => customers.map((customer) => `${customer.code}${customer.org === undefined ? '' : `|${customer.org}`}`);
const withoutRaw = ({ raw: _raw, ...customer }: Customer) => customer;

/** Customers with a change document after SINCE (KH2023010005 and KH2023010007 were changed before it). */
const CHANGED = ['KH23010001', 'KH23010002', 'KH23010003', 'KH23010004', 'KH23010008'];

describe('updatedSince from the change documents (CDHDR, object class DEBI)', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds customers created long ago and changed since, with the records a lookup returns (shuffle ${seed})`, async () => {
      const { tables } = seedWithChanges();
      const source = createSapSource({ name: 'sap', client: createRfcEmulator(tables, { seed }), pageSize: 3, keyWindow: 40, lookupBatch: 2 });
      expect(source.describe().changeTracking).toBe('change-documents');
      const found = await collect(source.search({ updatedSince: SINCE }));
      expect(codes(found)).toEqual(CHANGED);
      for (const customer of found) expect(withoutRaw(customer)).toEqual(withoutRaw((await source.get(customer.code))!));
      expect(found.find((customer) => customer.code === 'KH23010002')).toMatchObject({ name: '上海明辉医药股份有限公司', phone: '021-55550000', createdAt: '2019-01-11T00:00:00' });
      expect(await source.count({ updatedSince: SINCE })).toBe(CHANGED.length);
    });
  }

  it('still returns customers created since (ERDAT), merged in key order with the changed ones', async () => {
    const { tables } = seedWithChanges();
    const source = createSapSource({ name: 'sap', client: createRfcEmulator(tables, { seed: 5 }), pageSize: 7, keyWindow: 40 });
    const sinceCreation = '2029-06-01';
    const found = codes(await collect(source.search({ updatedSince: sinceCreation })));
    const created = codes(await collect(source.search({ createdFrom: sinceCreation })));
    expect(created.length).toBeGreaterThan(0);
    // Changed since 2029-06-01: the five above and KH2023010007 (2029-12-01); KH2023010005 too (2030-03-01 08:00).
    expect(found).toEqual([...new Set([...created, ...CHANGED, 'KH23010005', 'KH23010007'])].sort());
  });

  it('combines updatedSince with other filters: a changed customer must match them too', async () => {
    const source = createSapSource({ name: 'sap', client: createRfcEmulator(seedWithChanges().tables), keyWindow: 40 });
    expect(codes(await collect(source.search({ updatedSince: SINCE, status: 'deleted' })))).toEqual(['KH23010003']);
    expect(codes(await collect(source.search({ updatedSince: SINCE, codePrefix: 'KH2301000', name: '明辉' })))).toEqual(['KH23010002']);
  });

  it('with company codes, returns every company code record of a customer changed at org level', async () => {
    const source = createSapSource({ name: 'sap', client: createRfcEmulator(seedWithChanges('company-code').tables, { seed: 2 }), orgScope: 'company-code', pageSize: 2, keyWindow: 40 });
    const found = await collect(source.search({ updatedSince: SINCE }));
    expect(found.filter((customer) => customer.code === 'KH23010001').map((customer) => `${customer.org} ${customer.status}`)).toEqual(['1000 active', '2000 deleted', '3000 active']);
    expect(codes(await collect(source.search({ updatedSince: SINCE, org: '2000' })))).toEqual(['KH23010001|2000', 'KH23010008|2000']);
  });

  it('reads CDHDR by the same read module, in key windows of OBJECTID with 72-character OPTIONS lines', async () => {
    const emulator = createRfcEmulator(seedWithChanges().tables, { seed: 4 });
    const source = createSapSource({ name: 'sap', client: emulator, functionModule: 'BBP_RFC_READ_TABLE', keyWindow: 40 });
    await collect(source.search({ updatedSince: SINCE }));
    const headerCalls = emulator.calls.filter((call) => call.table === 'CDHDR' && !call.noData);
    expect(headerCalls.every((call) => call.functionModule === 'BBP_RFC_READ_TABLE' && call.rowCount === 40)).toBe(true);
    expect(headerCalls[0]!.fields).toEqual(['OBJECTID', 'CHANGENR']);
    expect(headerCalls[0]!.options).toEqual([
      "( OBJECTCLAS = 'DEBI' ) AND ( ( UDATE > '20300301' ) OR ( ( UDATE =",
      " '20300301' ) AND ( UTIME >= '120000' ) ) )",
    ]);
    // KH2023010008 has 50 headers: the capped sample holds one key, so the range below it is read on its own.
    expect(headerCalls.some((call) => call.options.join('').includes("OBJECTID < 'KH23010008'"))).toBe(true);
    for (const call of emulator.calls) for (const line of call.options) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('a date without a time compares UDATE alone', async () => {
    const emulator = createRfcEmulator(seedWithChanges().tables);
    await collect(createSapSource({ name: 'sap', client: emulator }).search({ updatedSince: '2030-03-01' }));
    expect(emulator.calls.find((call) => call.table === 'CDHDR' && !call.noData)!.options).toEqual(["( OBJECTCLAS = 'DEBI' ) AND ( UDATE >= '20300301' )"]);
  });

  it('changeDocuments: false compares ERDAT only and reads no change documents', async () => {
    const emulator = createRfcEmulator(seedWithChanges().tables);
    const source = createSapSource({ name: 'sap', client: emulator, changeDocuments: false });
    expect(source.describe().changeTracking).toBe('created-column');
    expect(await collect(source.search({ updatedSince: SINCE }))).toEqual([]);
    expect(source.revisions).toBeUndefined();
    expect(emulator.calls.some((call) => call.table === 'CDHDR')).toBe(false);
  });

  it('an RFC user without display rights on CDHDR gets NotAuthorizedError for updatedSince, not a silent ERDAT answer', async () => {
    const client = createRfcEmulator(seedWithChanges().tables, { user: 'RFC_READER', authorizations: { RFC_READER: { tables: ['KNA1', 'T005U', 'T077X'] } } });
    const source = createSapSource({ name: 'sap', client });
    await expect(collect(source.search({ updatedSince: SINCE }))).rejects.toMatchObject({ code: 'NOT_AUTHORIZED', hint: expect.stringMatching(/CDHDR.*changeDocuments: false/) });
    expect(await source.get('KH23010002')).toBeDefined();
  });
});

describe('revisions from the change documents (CDPOS)', () => {
  it('rebuilds each changed customer as it was at the date: fields old → new, deletion and unblocking', async () => {
    const { tables, expected } = seedWithChanges();
    const emulator = createRfcEmulator(tables, { seed: 9 });
    const source = createSapSource({ name: 'sap', client: emulator, lookupBatch: 2 });
    const revisions = await source.revisions!(['KH23010002', 'KH23010003', 'KH23010004', 'KH23010005', 'KH23010008', 'KH23010009'], { since: SINCE });
    // The seeded records are the state before any change (the seeder wrote them; the changes came after).
    const original = (code: string) => withoutRaw(expected.find((customer) => customer.code === code)!);
    const byCode = new Map(revisions.map((revision) => [revision.current.code, revision]));
    // KH23010005 changed only before SINCE, KH23010009 never: left out.
    expect([...byCode.keys()]).toEqual(['KH23010002', 'KH23010003', 'KH23010004', 'KH23010008']);
    expect(withoutRaw(byCode.get('KH23010002')!.before)).toEqual(original('KH23010002'));
    expect(byCode.get('KH23010002')!.current).toMatchObject({ name: '上海明辉医药股份有限公司', phone: '021-55550000' });
    expect([byCode.get('KH23010003')!.before.status, byCode.get('KH23010003')!.current.status]).toEqual(['active', 'deleted']);
    expect([byCode.get('KH23010004')!.before.status, byCode.get('KH23010004')!.current.status]).toEqual(['blocked', 'active']);
    // Fifty changes of one field: the value before the first of them.
    expect([byCode.get('KH23010008')!.before.phone, byCode.get('KH23010008')!.current.phone]).toEqual([original('KH23010008').phone, '021-60000049']);
    const itemCalls = emulator.calls.filter((call) => call.table === 'CDPOS' && !call.noData);
    expect(itemCalls[0]!.fields).toEqual(['OBJECTID', 'CHANGENR', 'TABNAME', 'TABKEY', 'FNAME', 'CHNGIND', 'VALUE_OLD']);
  });

  it('an org-level change shows in the record of that company code only', async () => {
    const { tables } = seedWithChanges('company-code');
    const source = createSapSource({ name: 'sap', client: createRfcEmulator(tables), orgScope: 'company-code' });
    const revisions = await source.revisions!(['KH23010001'], { since: SINCE });
    expect(revisions.map((revision) => `${revision.current.org} ${revision.before.status} → ${revision.current.status}`)).toEqual(['1000 active → active', '2000 active → deleted', '3000 active → active']);
    expect((await source.revisions!(['KH23010001'], { since: SINCE, org: '2000' })).map((revision) => revision.current.org)).toEqual(['2000']);
  });

  it('the seeder refuses a change before the customer was created', () => {
    expect(() => addChangeDocuments(seedKna1().tables, [{ code: 'KH2023010002', at: '2018-01-01T00:00:00', set: { TELF1: '1' } }])).toThrow(/before its creation/);
  });
});
