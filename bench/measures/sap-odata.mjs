/**
 * SAP over OData: a full scan of 100k customers through the API_BUSINESS_PARTNER emulator (server pages of
 * 100 under a $top of 500), counting HTTP requests against the minimum ⌈rows / server page⌉ per entity set
 * read; and 10k lookups, counting requests (OR-lists within the 4 096-character URL limit).
 */
import { sampleCustomerStream } from '@custcode/sample';
import { createSapSource } from '@custcode/adapter-sap';
import { seedSapTables, startODataEmulator } from '@custcode/adapter-sap/emulator';

export const SAP_ODATA_ROWS = 100_000;
const SERVER_PAGE = 100;
const PAGE = 500;
const LOOKUPS = 10_000;
const auth = { basic: { user: 'ODATA_USER', password: 'password' } };

async function open() {
  const { tables } = seedSapTables(Array.from(sampleCustomerStream(SAP_ODATA_ROWS, 1)));
  const emulator = await startODataEmulator(tables, { serverPageSize: SERVER_PAGE });
  const source = createSapSource({ name: 'bench', transport: 'odata', url: emulator.url, auth, pageSize: PAGE });
  return { tables, emulator, source };
}

const bySet = (emulator) => {
  const counts = {};
  for (const request of emulator.requests) counts[request.resource] = (counts[request.resource] ?? 0) + 1;
  return counts;
};

export async function prepareScan() {
  const { emulator, source } = await open();
  return async () => {
    let rows = 0;
    for await (const _customer of source.search()) rows++;
    const counts = bySet(emulator);
    await emulator.close();
    return { rows, requests: emulator.requestCount, customerRequests: counts.A_Customer ?? 0, partnerRequests: counts.A_BusinessPartner ?? 0, minimumPerSet: Math.ceil(rows / SERVER_PAGE), sets: 2 };
  };
}

export async function prepareLookups() {
  const { tables, emulator, source } = await open();
  // Every 10th customer: 10k codes spread over the whole key range, as a user's list would be.
  const codes = tables.KNA1.filter((_row, index) => index % 10 === 0).slice(0, LOOKUPS).map((row) => row.KUNNR.replace(/^0+(?=\d+$)/, ''));
  return async () => {
    let found = 0;
    for await (const { customer } of source.getMany(codes)) if (customer) found++;
    const counts = bySet(emulator);
    await emulator.close();
    return { codes: codes.length, found, requests: emulator.requestCount, customerRequests: counts.A_Customer ?? 0, partnerRequests: counts.A_BusinessPartner ?? 0 };
  };
}
