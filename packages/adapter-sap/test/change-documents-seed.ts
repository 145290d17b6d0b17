import { addChangeDocuments, type SeedChange, type SapOrgScope } from '@custcode/adapter-sap/emulator';
import { seedKna1 } from './seed-kna1.js';

/** The change feed's date: after every creation in the canonical data set (the last is 2029-08-01). */
export const SINCE = '2030-03-01T12:00';

/** Changes made to customers created in 2019, some after SINCE and some before it. */
export const SEED_CHANGES: SeedChange[] = [
  { code: 'KH2023010002', at: '2030-03-02T10:15:00', set: { NAME1: '上海明辉医药股份有限公司', TELF1: '021-55550000' } },
  { code: 'KH2023010003', at: '2030-03-03T11:00:00', set: { LOEVM: 'X' }, tcode: 'XD06' },
  { code: 'KH2023010004', at: '2030-03-04T08:00:00', set: { SPERR: '', AUFSD: '' }, tcode: 'XD05' },
  // The same day as SINCE, but before its time; and months before: neither is a change since.
  { code: 'KH2023010005', at: '2030-03-01T08:00:00', set: { TELF1: '0512-1234567' } },
  { code: 'KH2023010007', at: '2029-12-01T09:00:00', set: { NAME1: '北京华信建材集团有限公司' } },
  // An org-level deletion flag: company code 2000 of a customer extended to 1000, 2000 and 3000.
  { code: 'KH2023010001', at: '2030-03-05T09:00:00', table: 'KNB1', org: '2000', set: { LOEVM: 'X' } },
  // More change documents of one customer than a key window holds (the windows cannot split at a key).
  ...Array.from({ length: 50 }, (_, index): SeedChange => ({ code: 'KH2023010008', at: `2030-03-06T${String(8 + Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00`, set: { TELF1: `021-6000${String(index).padStart(4, '0')}` } })),
];

/** The canonical tables with SEED_CHANGES applied and their change documents written. */
export function seedWithChanges(orgScope: SapOrgScope = 'none') {
  const seeded = seedKna1({ orgScope, sourceName: 'sap' });
  return { ...seeded, tables: addChangeDocuments(seeded.tables, SEED_CHANGES) };
}
