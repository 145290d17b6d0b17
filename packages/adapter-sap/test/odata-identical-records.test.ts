import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, startODataEmulator, type ODataEmulator } from '@custcode/adapter-sap/emulator';
import type { Customer, CustomerSource } from '@custcode/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedKna1 } from './seed-kna1.js';

const withoutRaw = ({ raw: _raw, ...customer }: Customer) => customer;
async function all(source: CustomerSource): Promise<Customer[]> {
  const records: Customer[] = [];
  for await (const customer of source.search({})) records.push(customer);
  return records;
}

// The same tables behind both transports: KNA1/KNB1/KNVV for RFC_READ_TABLE, and API_BUSINESS_PARTNER's view of them.
// The service has no account group or region texts, so RFC runs with texts: false (codes on both sides).
describe.each(['none', 'company-code', 'sales-area'] as const)('RFC and OData give identical records for the whole seed (%s)', (orgScope) => {
  const { tables } = seedKna1({ orgScope });
  let emulator: ODataEmulator;
  beforeAll(async () => {
    emulator = await startODataEmulator(tables, { serverPageSize: 7 });
  });
  afterAll(() => emulator.close());

  const rfc = () => createSapSource({ name: 'sap', client: createRfcEmulator(tables, { seed: 5 }), orgScope, texts: false, pageSize: 17, keyWindow: 40 });
  const odata = () => createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: { basic: { user: 'ODATA_USER', password: 'password' } }, orgScope, pageSize: 17 });

  it('streams the same records, in the same order', async () => {
    const [fromRfc, fromOData] = await Promise.all([all(rfc()), all(odata())]);
    expect(fromRfc.length).toBeGreaterThan(50);
    expect(fromOData.map(withoutRaw)).toEqual(fromRfc.map(withoutRaw));
  });

  it('looks up the same records for every code, and counts alike', async () => {
    const codes = tables.KNA1.map((row) => row.KUNNR!.replace(/^0+(?=\d+$)/, ''));
    const lookups = async (source: CustomerSource) => {
      const results: Array<{ code: string; customer?: Omit<Customer, 'raw'> }> = [];
      for await (const { code, customer } of source.getMany([...codes, 'NOPE'])) results.push({ code, ...(customer ? { customer: withoutRaw(customer) } : {}) });
      return results;
    };
    const [fromRfc, fromOData] = await Promise.all([lookups(rfc()), lookups(odata())]);
    expect(fromRfc.filter((result) => result.customer).length).toBe(codes.length);
    expect(fromOData).toEqual(fromRfc);
    for (const filter of [{}, { status: 'deleted' as const }, { name: '北京' }, { codePrefix: '10' }]) {
      expect(await odata().count(filter), JSON.stringify(filter)).toBe(await rfc().count(filter));
    }
  });
});
