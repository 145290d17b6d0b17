import type { Customer } from '@custcode/core';
import { afterEach, describe, expect, it } from 'vitest';
import { customerFromRow } from '../src/webapi/bd-customer-fields.js';
import { WEBAPI_SERVICES } from '../src/webapi/webapi-services.js';
import { startWebApiFixture, type WebApiFixture } from './k3cloud-webapi-fixture.js';

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};
const fieldKeys = (fixture: WebApiFixture) =>
  fixture.emulator.calls.filter((call) => call.service === WEBAPI_SERVICES.executeBillQuery).map((call) => String((call.body as { data: Record<string, unknown> }).data.FieldKeys));
const key = (customer: Record<string, unknown>) => `${String(customer.code)}|${String(customer.org ?? '')}`;
const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
/** The expected projected record, from the seed's expected record: asked and identity fields that have a value. */
const picked = (customer: Customer, fields: readonly string[]) =>
  Object.fromEntries(Object.entries(customer).filter(([name, value]) => value !== undefined && name !== 'raw' && ['source', 'erp', 'code', 'org', ...fields].includes(name)));

let fixture: WebApiFixture | undefined;
afterEach(async () => {
  await fixture?.emulator.close();
  fixture = undefined;
});

describe('K/3 Cloud WebAPI projection', () => {
  it('code,name,taxId: FieldKeys FNumber,FName,FTAXREGISTERCODE,FUseOrgId on every call, records as seeded', async () => {
    fixture = await startWebApiFixture();
    const records = await collect(fixture.source().search({ fields: ['code', 'name', 'taxId'] }));
    expect(records.sort(byKey)).toEqual(fixture.expected.map((customer) => picked(customer, ['name', 'taxId'])).sort(byKey));
    const sent = fieldKeys(fixture);
    expect(sent.length).toBeGreaterThan(1);
    expect(new Set(sent)).toEqual(new Set(['FNumber,FName,FTAXREGISTERCODE,FUseOrgId']));
  });

  it('category asks for the group name and number; status for the two status keys; raw for every key', async () => {
    fixture = await startWebApiFixture();
    const source = fixture.source();
    const categories = await collect(source.search({ fields: ['category'] }));
    expect(categories.sort(byKey)).toEqual(fixture.expected.map((customer) => picked(customer, ['category'])).sort(byKey));
    expect(new Set(fieldKeys(fixture))).toEqual(new Set(['FNumber,FGroup.FName,FGroup.FNumber,FUseOrgId']));

    fixture.emulator.calls.length = 0;
    const statuses = await collect(source.search({ fields: ['status'] }));
    expect(statuses.sort(byKey)).toEqual(fixture.expected.map((customer) => picked(customer, ['status'])).sort(byKey));
    expect(new Set(fieldKeys(fixture))).toEqual(new Set(['FNumber,FDocumentStatus,FForbidStatus,FUseOrgId']));

    fixture.emulator.calls.length = 0;
    const raw = await collect(source.search({ fields: ['raw'], limit: 3 }));
    expect(raw.every((customer) => customer.raw?.FCUSTID !== undefined && customer.raw?.FCreateOrgId !== undefined)).toBe(true);
    expect(fieldKeys(fixture)[0]!.split(',')).toHaveLength(17);
  });

  it('filters on unasked fields still apply: their keys are read, the records carry only the asked fields', async () => {
    fixture = await startWebApiFixture();
    const source = fixture.source();
    const region = fixture.expected.find((customer) => customer.region !== undefined)!.region!;
    const found = await collect(source.search({ region, status: 'active', fields: ['code'] }));
    const expected = fixture.expected.filter((customer) => customer.region === region && customer.status === 'active');
    expect(expected.length).toBeGreaterThan(0);
    expect(found.sort(byKey)).toEqual(expected.map((customer) => picked(customer, [])).sort(byKey));
    expect(new Set(fieldKeys(fixture))).toEqual(new Set(['FNumber,FPROVINCIAL.FDataValue,FPROVINCIAL.FNumber,FDocumentStatus,FForbidStatus,FUseOrgId']));
    // Odd records keep their code as stored under projection too (a leading space, several orgs of one code).
    const all = await collect(source.search({ fields: ['code'] }));
    expect(all.map(key).sort()).toEqual(fixture.expected.map(key).sort());
  });
});

describe('K/3 Cloud WebAPI rows read by key', () => {
  it('a malformed value is a SchemaMismatchError naming its key among the keys asked for', () => {
    expect(customerFromRow(['KH1', 'Name', 100001], 'k3api', ['FNumber', 'FName', 'FUseOrgId'])).toEqual({
      source: 'k3api', erp: 'kingdee-k3cloud', code: 'KH1', name: 'Name', status: 'active', org: '100001', raw: { FNumber: 'KH1', FUseOrgId: 100001 },
    });
    const error = (() => {
      try {
        customerFromRow(['KH1', 'Name', 'not-an-id'], 'k3api', ['FNumber', 'FName', 'FUseOrgId']);
      } catch (caught) {
        return caught as { code?: string; message: string; missing?: string[]; available?: string[] };
      }
      return undefined;
    })();
    expect(error?.code).toBe('SCHEMA_MISMATCH');
    expect(error?.message).toContain('FUseOrgId');
    expect(error?.available).toEqual(['FNumber', 'FName', 'FUseOrgId']);
    expect(() => customerFromRow(['KH1', 'Name'], 'k3api', ['FNumber', 'FName', 'FUseOrgId'])).toThrow(/array of 3 values/);
  });
});
