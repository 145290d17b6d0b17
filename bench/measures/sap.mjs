/**
 * SAP: a KNA1 scan of 100k customers through the RFC_READ_TABLE emulator, counting RFC calls against
 * the minimum ⌈rows/page⌉ × ⌈width/512⌉ (width = the KNA1 fields the source reads, page = its page size):
 * every field (row 7), or projected to code, name and taxId (row 7p).
 */
import { sampleCustomerStream } from '@custcode/sample';
import { createSapSource } from '@custcode/adapter-sap';
import { createRfcEmulator, SAP_DICTIONARY, seedSapTables } from '@custcode/adapter-sap/emulator';

export const SAP_ROWS = 100_000;
const PAGE = 500;
const LINE = 512;

export const PROJECTED_FIELDS = ['code', 'name', 'taxId'];

/** `fields`: the projection of the search (undefined: every field). */
export function prepare(fields) {
  const { tables } = seedSapTables(Array.from(sampleCustomerStream(SAP_ROWS, 1)));
  const emulator = createRfcEmulator(tables, { seed: 7 });
  const source = createSapSource({ name: 'bench', client: emulator, pageSize: PAGE });
  return async () => {
    let rows = 0;
    for await (const _customer of source.search(fields === undefined ? {} : { fields })) rows++;
    const kna1 = SAP_DICTIONARY.get('KNA1').fields;
    const dataCalls = emulator.calls.filter((call) => call.table === 'KNA1' && !call.noData && call.fields.length > 1);
    const read = new Set(dataCalls.flatMap((call) => call.fields));
    const width = kna1.filter((field) => read.has(field.name)).reduce((sum, field) => sum + field.length, 0);
    const minimum = Math.ceil(rows / PAGE) * Math.ceil(width / LINE);
    const byKind = { kna1Data: dataCalls.length, kna1KeysOnly: 0, metadata: 0, other: 0 };
    for (const call of emulator.calls) {
      if (call.noData) byKind.metadata++;
      else if (call.table === 'KNA1' && call.fields.length <= 1) byKind.kna1KeysOnly++;
      else if (call.table !== 'KNA1') byKind.other++;
    }
    await source.close();
    return { rows, rfcCalls: emulator.callCount, minimum, width, ...byKind, ...(fields === undefined ? {} : { fields: fields.join(',') }) };
  };
}
