import { canonicalCustomers, CONFORMANCE_PASSWORD, testCustomerSource } from '@custcode/core/testing';
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, seedSapTables, type SapOrgScope } from '@custcode/adapter-sap/emulator';
import { createRfcTransport } from '../src/rfc/rfc-transport.js';
import { seedKna1 } from './seed-kna1.js';
import { failingImport, refusingNodeRfc, sapSourceWithNodeRfc } from './test-sources.js';

const connectionParameters = { ashost: '10.0.0.9', sysnr: '00', client: '100', user: 'RFC_READER', passwd: CONFORMANCE_PASSWORD };

for (const orgScope of ['none', 'company-code', 'sales-area'] as SapOrgScope[]) {
  testCustomerSource({
    name: `sap (${orgScope}) on the RFC_READ_TABLE emulator`,
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
  });
}

// An RFC user who may read KNA1 but not the text tables (no S_TABU_NAM for T005U/T077X): every answer holds
// the region and category codes instead of their names, on every path.
testCustomerSource({
  name: 'sap on the RFC_READ_TABLE emulator, without rights on the text tables',
  async setup() {
    const asCode = (value: { code: string } | undefined) => value && { code: value.code, name: value.code };
    const seeds = canonicalCustomers().map((customer) => ({ ...customer, region: asCode(customer.region), category: asCode(customer.category) }));
    const { tables, expected } = seedSapTables(seeds, { sourceName: 'sap' });
    const client = createRfcEmulator(tables, { seed: 11, user: 'RFC_READER', authorizations: { RFC_READER: { tables: ['KNA1'] } } });
    return { source: createSapSource({ name: 'sap', client, pageSize: 23, keyWindow: 40 }), expected };
  },
});
