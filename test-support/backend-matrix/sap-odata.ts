/** SAP S/4HANA over OData (API_BUSINESS_PARTNER) in the backend matrix: it runs on the OData emulator (a local HTTP port). */
import { createSapSource } from '@custcode/adapter-sap';
import { seedODataService, startODataEmulator, type ODataEntitySets, type SapOrgScope } from '@custcode/adapter-sap/emulator';
import { canonicalCustomers, CONFORMANCE_PASSWORD } from '@custcode/core/testing';
import { createODataHttpClient } from '../../packages/adapter-sap/src/odata/odata-http.js';
import { parseSapODataOptions } from '../../packages/adapter-sap/src/odata/odata-options.js';
import { SAP_ODATA_EXPECTED_RECORDS } from '../expected-records/sap-api-business-partner.js';
import type { GoldenEntry, MatrixEntry } from './matrix-backend.js';

const auth = { basic: { user: 'ODATA_USER', password: CONFORMANCE_PASSWORD } };
/** A service that answers every request with `status` and SAP's error body (which echoes the password, to check it is scrubbed). */
const answering = (status: number) => async () =>
  new Response(JSON.stringify({ error: { code: '/IWFND/CM_CONSUMER/101', message: { lang: 'en', value: `Logon failed for ODATA_USER/${CONFORMANCE_PASSWORD}` } } }), { status, headers: { 'content-type': 'application/json' } });

function odataEntry(orgScope: SapOrgScope): MatrixEntry {
  return {
    label: `sap over odata (${orgScope})`,
    layout: 'sap-kna1',
    runsOn: ['sap-odata-emulator'],
    conformance: () => ({
      async setup() {
        const { tables, lastChanged, expected } = seedODataService(canonicalCustomers(), { orgScope, sourceName: 'sap' });
        // Server pages of 9 under a $top of 23: every page follows several __next links.
        const emulator = await startODataEmulator(tables, { serverPageSize: 9, lastChanged, basic: { user: 'ODATA_USER', password: CONFORMANCE_PASSWORD } });
        const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth, orgScope, pageSize: 23, maxUrlLength: 1_600 });
        return { source, expected, teardown: () => emulator.close() };
      },
      errorCases: {
        badCredentials: () => createSapSource({ name: 'sap', transport: 'odata', url: 'http://10.0.0.9/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth, fetch: answering(401) }).count(),
        // Nothing listens on port 1.
        unreachable: () => createSapSource({ name: 'sap', transport: 'odata', url: 'http://127.0.0.1:1/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth, retries: 0 }).count(),
      },
      readOnly: () =>
        createODataHttpClient(parseSapODataOptions({ name: 'sap', transport: 'odata', url: 'http://127.0.0.1:1/sap/opu/odata/sap/API_BUSINESS_PARTNER', auth })).request('POST', 'A_Customer', 'A_Customer'),
    }),
  };
}

export const SAP_ODATA_ENTRIES: MatrixEntry[] = (['none', 'company-code', 'sales-area'] as const).map(odataEntry);

export const SAP_ODATA_GOLDEN: GoldenEntry[] = [
  {
    records: SAP_ODATA_EXPECTED_RECORDS,
    runsOn: ['sap-odata-emulator'],
    // The emulator serves the hand-written entities as they are; one record per company code (A_CustomerCompany).
    open: async (_backend, records) => {
      const emulator = await startODataEmulator(records.tables as unknown as ODataEntitySets, { serverPageSize: 2 });
      const source = createSapSource({ name: 'sap', transport: 'odata', url: emulator.url, auth: { basic: { user: 'ODATA_USER', password: 'password' } }, orgScope: 'company-code', pageSize: 3, timeZone: 'Asia/Shanghai' });
      return { source, teardown: () => emulator.close() };
    },
  },
];
