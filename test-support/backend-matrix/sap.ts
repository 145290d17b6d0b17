/** SAP (KNA1/KNB1/KNVV read through RFC_READ_TABLE) in the backend matrix: it runs on the RFC emulator only. */
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, seedSapTables, type SapOrgScope, type SapTables } from '@custcode/adapter-sap/emulator';
import { canonicalCustomers, CONFORMANCE_PASSWORD } from '@custcode/core/testing';
import { createRfcTransport } from '../../packages/adapter-sap/src/rfc/rfc-transport.js';
import { seedKna1 } from '../../packages/adapter-sap/test/seed-kna1.js';
import { failingImport, refusingNodeRfc, sapSourceWithNodeRfc } from '../../packages/adapter-sap/test/test-sources.js';
import { SAP_EXPECTED_RECORDS } from '../expected-records/sap-kna1.js';
import type { GoldenEntry, MatrixEntry } from './matrix-backend.js';

const connectionParameters = { ashost: '10.0.0.9', sysnr: '00', client: '100', user: 'RFC_READER', passwd: CONFORMANCE_PASSWORD };

function sapEntry(orgScope: SapOrgScope): MatrixEntry {
  return {
    label: `sap (${orgScope})`,
    layout: 'sap-kna1',
    runsOn: ['sap-rfc-emulator'],
    conformance: () => ({
      async setup() {
        const { tables, expected } = seedKna1({ orgScope, sourceName: 'sap' });
        // Small pages and key windows make every stream cross many windows of unsorted, capped results.
        const source = createSapSource({ name: 'sap', client: createRfcEmulator(tables, { seed: 7 }), orgScope, pageSize: 23, keyWindow: 40 });
        return { source, expected };
      },
      errorCases: {
        badCredentials: () =>
          sapSourceWithNodeRfc(
            { name: 'sap', connectionParameters },
            refusingNodeRfc({ code: 2, codeString: 'RFC_LOGON_FAILURE', message: `Name or password is incorrect (repeat logon) passwd=${CONFORMANCE_PASSWORD}` }),
          ).count(),
        unreachable: () =>
          sapSourceWithNodeRfc(
            { name: 'sap', connectionParameters },
            refusingNodeRfc({ code: 1, codeString: 'RFC_COMMUNICATION_FAILURE', message: 'partner 10.0.0.9:sapgw00 not reached' }),
          ).count(),
        missingDriver: () => sapSourceWithNodeRfc({ name: 'sap', connectionParameters }, failingImport('ERR_MODULE_NOT_FOUND')).count(),
      },
      readOnly: () =>
        createRfcTransport({ client: createRfcEmulator({ KNA1: [], KNB1: [], KNVV: [] }), functionModule: 'RFC_READ_TABLE' }).call(
          'BAPI_CUSTOMER_CREATEFROMDATA1',
          { PI_PERSONALDATA: { LASTNAME: 'X' } },
          { table: '', fields: [] },
        ),
    }),
  };
}

export const SAP_ENTRIES: MatrixEntry[] = [
  ...(['none', 'company-code', 'sales-area'] as const).map(sapEntry),
  // An RFC user who may read KNA1 (and the change documents) but not the text tables (no S_TABU_NAM for
  // T005U/T077X): every answer holds the region and category codes instead of their names, on every path.
  {
    label: 'sap without rights on the text tables',
    layout: 'sap-kna1',
    runsOn: ['sap-rfc-emulator'],
    conformance: () => ({
      async setup() {
        const asCode = (value: { code: string } | undefined) => value && { code: value.code, name: value.code };
        const seeds = canonicalCustomers().map((customer) => ({ ...customer, region: asCode(customer.region), category: asCode(customer.category) }));
        const { tables, expected } = seedSapTables(seeds, { sourceName: 'sap' });
        const client = createRfcEmulator(tables, { seed: 11, user: 'RFC_READER', authorizations: { RFC_READER: { tables: ['KNA1', 'CDHDR', 'CDPOS'] } } });
        return { source: createSapSource({ name: 'sap', client, pageSize: 23, keyWindow: 40 }), expected };
      },
    }),
  },
];

export const SAP_GOLDEN: GoldenEntry[] = [
  {
    records: SAP_EXPECTED_RECORDS,
    runsOn: ['sap-rfc-emulator'],
    // The emulator holds the hand-written rows as the tables; one record per company code (KNB1).
    open: async (_backend, records) => ({
      source: createSapSource({ name: 'sap', client: createRfcEmulator(records.tables as unknown as SapTables, { seed: 3 }), orgScope: 'company-code', pageSize: 2, keyWindow: 2 }),
    }),
  },
];
