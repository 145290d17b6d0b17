import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { createMemorySource } from '@custcode/core';
import { createMemorySequenceStore } from '@custcode/rules';
import { stringify } from 'csv-stringify/sync';
import { CROSSWALK_COLUMNS, crosswalkCsv, crosswalkCsvChunks, crosswalkJsonChunks } from './crosswalk-file.js';
import { migrate } from './migrate.js';
import { migrateOnDisk } from './migrate-on-disk.js';
import { compareForOrder, keyOf } from './migration-key.js';
import type { MigratedRecord, MigrateOptions, MigrationDecisionInput } from './migration-types.js';

const RULE = 'KH{YYYY}{seq:4}';
const CUSTOMERS = 3000;

/**
 * A source with every case the decisions take: codes the rule accepts (kept) and others (generated), no code
 * (keyed by row id), one customer in two orgs, the same row read twice, unsorted input, repeated names
 * (near-duplicates), categories the value map knows and one it does not, customers without a creation date.
 */
function generatedCustomers(): Customer[] {
  const customers: Customer[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const n = (i * 7919) % CUSTOMERS; // a shuffled order
    // Codes outside ASCII, where UTF-8 and UTF-16 order differ (surrogate pairs, full-width letters).
    const odd = ['Ａ', '😀', 'ȁ', 'Ă'][n % 4]!;
    const code = n % 10 === 0 ? `KH2024${String(n).padStart(4, '0')}` : n % 97 === 0 ? '' : n % 17 === 5 ? `${odd}${n}` : `C-${String(n).padStart(5, '0')}`;
    const org = n % 50 === 1 ? '200' : '100';
    const customer: Customer = {
      source: 'old', erp: 'kingdee-k3cloud', code, org, status: n % 13 === 0 ? 'blocked' : 'active',
      name: n % 40 === 3 ? `重复贸易有限公司${n % 3}` : `客户${n}有限公司`,
      category: ['批发', '零售', '未知'][n % 3]!,
      ...(n % 11 === 0 ? {} : { createdAt: `${2020 + (n % 6)}-0${1 + (n % 9)}-15T08:00:00` }),
      raw: { FCUSTID: n + 1, FNUMBER: code },
    };
    customers.push(customer);
    if (n % 50 === 1) customers.push({ ...customer, org: '100' });
    if (n % 333 === 2) customers.push({ ...customer });
  }
  return customers;
}

const target = createMemorySource({
  name: 'new', erp: 'kingdee-k3cloud',
  customers: ['KH20240010', 'KH20240020', 'KH20240500', 'KH20210003', 'KH20220001', 'KH20220002', 'KH20250007'].map((code) => ({ source: 'new', erp: 'kingdee-k3cloud', code, name: `目标${code}`, status: 'active' as const, raw: {} })),
});

const decisions: MigrationDecisionInput[] = [
  { oldCode: 'KH20240010', decision: 'new' },
  { oldCode: 'KH20240500', decision: 'merge', into: 'KH20240500' },
  { oldCode: 'C-00007', decision: 'merge', into: 'C-00008' },
  { oldCode: 'C-00009', decision: 'keep' },
  { oldCode: 'C-00011', decision: 'merge', into: 'NOWHERE' },
  { oldCode: 'C-00043', decision: 'separate' },
  { oldCode: 'NOT-THERE', decision: 'new' },
];

/** Both ways over a memory source (it streams by code), or over the customers as they are (`unsorted`). */
async function bothWays(options: Omit<MigrateOptions, 'store'>, customers: Customer[], unsorted = false) {
  const source = unsorted ? customers : createMemorySource({ name: 'old', erp: 'kingdee-k3cloud', customers });
  const inMemory = await migrate(source, { ...options, store: createMemorySequenceStore() });
  const onDisk = await migrateOnDisk(source, { ...options, store: createMemorySequenceStore() });
  try {
    return { inMemory, onDisk: { rows: [...onDisk.rows], records: [...onDisk.records], summary: onDisk.summary } };
  } finally {
    onDisk.close();
  }
}

describe('migrateOnDisk', () => {
  // Keeping old codes draws the numbers in a second pass; without, they are drawn as the rows come.
  const cases = [
    { order: 'code', keep: true },
    { order: 'created', keep: true },
    { order: 'code', keep: false },
  ] as const;
  for (const { order, keep } of cases) {
    it(`decides the very rows migrate decides (order ${order}, keep ${keep}): kept, generated, conflicts, merges, orgs, near-duplicates, re-runs`, async () => {
      const customers = generatedCustomers();
      const options = { rule: RULE, target, keep, order, decisions: keep ? decisions : decisions.filter((item) => item.decision !== 'keep'), translate: { category: { 批发: '01', 零售: '02' } } } satisfies Omit<MigrateOptions, 'store'>;
      const first = await bothWays(options, customers.slice(0, 2000));
      expect(first.onDisk.rows).toEqual(first.inMemory.rows);

      // The second run carries the first crosswalk over; some customers have left the source since.
      const rerun = await bothWays({ ...options, crosswalk: first.inMemory.rows }, customers.slice(150));
      expect(rerun.onDisk.rows).toEqual(rerun.inMemory.rows);
      expect(rerun.onDisk.records).toEqual(rerun.inMemory.records);
      expect(rerun.onDisk.summary).toEqual(rerun.inMemory.summary);
      expect(crosswalkCsv(rerun.onDisk.rows)).toBe(crosswalkCsv(rerun.inMemory.rows));

      // The run covers what it claims to: every decision, passed-over numbers, review flags, rows that left.
      const { summary } = rerun.inMemory;
      expect(Object.entries(summary.decisions).filter(([, count]) => count > 0).map(([decision]) => decision)).toEqual(keep ? ['kept', 'generated', 'merged-into', 'conflict'] : ['generated', 'merged-into', 'conflict']);
      expect(summary.skippedNumbers).toBeGreaterThan(0);
      expect(summary.missingFromSource).toBeGreaterThan(0);
      expect(summary.carriedOver).toBeGreaterThan(0);
      expect(summary.nearDuplicates.undecided).toBeGreaterThan(0);
      expect(summary.unmapped.map((value) => value.value)).toEqual(['未知']);
      expect(summary.unknownDecisions).toEqual(['NOT-THERE']);
      expect(rerun.inMemory.rows.some((row) => row.reason.startsWith('the same customer as in org'))).toBe(true);
      // Four migrations of 2,000 customers with near-duplicates: a minute on a busy machine.
    }, 240_000);
  }

  // A source that streams in generation order (SQL sources stream by code) is taken in its order, unsorted;
  // any other is sorted in SQLite, through UTF-16 blobs only when a code has a character beyond U+FFFF.
  const orders = [
    { name: 'a source already in generation order', unsorted: false, pick: (customers: Customer[]) => [...new Map(customers.map((customer) => [keyOf(customer), customer])).values()].sort(compareForOrder('code')) },
    { name: 'unsorted customers whose codes sort alike in UTF-8 and UTF-16', unsorted: true, pick: (customers: Customer[]) => customers.filter((customer) => !/[\uD800-\uDFFF]/.test(customer.code)) },
    { name: 'unsorted customers with codes beyond U+FFFF', unsorted: true, pick: (customers: Customer[]) => customers },
  ];
  for (const { name, pick, unsorted } of orders) {
    it(`decides the very rows migrate decides for ${name}`, async () => {
      const customers = pick(generatedCustomers().slice(0, 1200));
      const options = { rule: RULE, target, keep: true, decisions, translate: { category: { 批发: '01', 零售: '02' } } } satisfies Omit<MigrateOptions, 'store'>;
      const first = await bothWays(options, customers.slice(0, 900), unsorted);
      expect(first.onDisk.rows).toEqual(first.inMemory.rows);
      const rerun = await bothWays({ ...options, crosswalk: first.inMemory.rows }, customers.slice(100), unsorted);
      expect(rerun.onDisk.rows).toEqual(rerun.inMemory.rows);
      expect(rerun.onDisk.records).toEqual(rerun.inMemory.records);
      expect(rerun.onDisk.summary).toEqual(rerun.inMemory.summary);
      expect(JSON.stringify(rerun.onDisk.rows)).toBe(JSON.stringify(rerun.inMemory.rows));
      // The slice covers customers in two orgs and codes the rule accepts.
      expect(rerun.inMemory.rows.some((row) => row.reason.startsWith('the same customer as in org'))).toBe(true);
      expect(rerun.inMemory.summary.decisions.kept).toBeGreaterThan(0);
    });
  }

  it('keeps the records as read: key order, raw values of every type, fields left out', async () => {
    const customers: Customer[] = [
      { source: 'old', erp: 'yonyou-u8', code: 'A1', name: '甲', status: 'active', raw: { id: 7, big: 12n, when: new Date('2024-01-02T03:04:05Z'), none: null, flag: true } },
      { raw: { cCusCode: 'A2', cCusName: '乙', n: -0, nested: { deep: [1, 'x'] } }, code: 'A2', name: '乙', source: 'old', erp: 'yonyou-u8', status: 'blocked', org: '' },
      { source: 'old', erp: 'yonyou-u8', code: 'A3', name: '丙', status: 'active', category: undefined, raw: { cCusCode: 'A3' } },
      { source: 'old', erp: 'yonyou-u8', code: 'A4', name: '丁', status: 'active', createdAt: '2020-01-01', raw: { cCusCode: 'A4' } },
      // Outside the Customer type (a source that does not check its records): taken as it is all the same.
      { source: 'old', erp: 'yonyou-u8', code: 'A5', name: '戊', status: 'active', category: { code: '01' } as unknown as string, raw: { id: 5 } },
      // As many keys as another record, other keys (records are stored by shape).
      { source: 'old', erp: 'yonyou-u8', code: 'A6', name: '己', status: 'active', phone: '1', raw: { a: 1, b: 2 } },
      { source: 'old', erp: 'yonyou-u8', code: 'A7', name: '庚', status: 'active', taxId: '2', raw: { b: 2, a: 1 } },
      { source: 'old', erp: 'yonyou-u8', code: 'A8', name: '辛', status: 'active', phone: '3', raw: { a: 1, b: { c: 1 } } },
    ];
    const { inMemory, onDisk } = await bothWays({ rule: RULE, nearDuplicates: false }, customers);
    expect(onDisk.records.map((record) => record.customer)).toStrictEqual(inMemory.records.map((record) => record.customer));
    const keys = (records: MigratedRecord[]) => records.map(({ customer }) => [Object.keys(customer ?? {}), Object.keys(customer?.raw ?? {})]);
    expect(keys(onDisk.records)).toEqual(keys(inMemory.records));
    expect(keys(onDisk.records)[1]).toEqual([['raw', 'code', 'name', 'source', 'erp', 'status', 'org'], ['cCusCode', 'cCusName', 'n', 'nested']]);
    expect(onDisk.rows).toStrictEqual(inMemory.rows);
  });

  it('removes its scratch database on close, and reads the rows again as often as asked before that', async () => {
    const source = createMemorySource({ name: 'old', erp: 'kingdee-k3cloud', customers: generatedCustomers().slice(0, 50) });
    const result = await migrateOnDisk(source, { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    expect([...result.rows]).toEqual([...result.rows]);
    result.close();
    expect(() => [...result.rows]).toThrow();
  });

  it('writes the crosswalk in pieces that add up to the CSV and JSON of the whole', async () => {
    const source = createMemorySource({ name: 'old', erp: 'kingdee-k3cloud', customers: generatedCustomers().slice(0, 2500) });
    const result = await migrateOnDisk(source, { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    try {
      const rows = [...result.rows];
      const whole = stringify(rows.map((row) => CROSSWALK_COLUMNS.map(([, field]) => row[field])), { header: true, columns: CROSSWALK_COLUMNS.map(([column]) => column), bom: true });
      expect([...crosswalkCsvChunks(result.rows, { escapeFormulas: false })].length).toBeGreaterThan(1);
      expect([...crosswalkCsvChunks(result.rows, { escapeFormulas: false })].join('')).toBe(whole);
      expect([...crosswalkJsonChunks(result.rows)].join('')).toBe(JSON.stringify(rows, null, 2));
      expect([...crosswalkJsonChunks([])].join('')).toBe('[]');
      expect(crosswalkCsv([])).toBe(stringify([], { header: true, columns: CROSSWALK_COLUMNS.map(([column]) => column), bom: true }));
    } finally {
      result.close();
    }
  });
});
