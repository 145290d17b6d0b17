import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { createMemorySequenceStore } from '@custcode/rules';
import { createMemorySource } from '@custcode/core';
import { crosswalkCsv, parseCrosswalk } from './crosswalk-file.js';
import { migrate } from './migrate.js';

const customer = (code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
  source: 'u8', erp: 'yonyou-u8', code, name, status: 'active', createdAt: '2026-03-05T10:00:00', raw: { cCusCode: code }, ...extra,
});

const u8Customers = [
  customer('0003', '杭州瑞远通科技有限公司', { category: '批发', region: '浙江' }),
  customer('0001', '北京恒景禾贸易有限公司', { category: '零售', region: '北京' }),
  customer('KH20260002', '上海鼎辉邦物流有限公司', { category: '批发', region: '上海' }),
  customer('0002', '广州宏腾盈电子有限公司', { category: '出口', region: '广东' }),
];
const RULE = 'KH{YYYY}{seq:4}';
const target = (customers: Customer[]) => createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers });

describe('migrate', () => {
  it('generates numbers in old-code order, deterministically', async () => {
    const first = await migrate(u8Customers, { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    expect(first.rows.map((row) => [row.oldCode, row.newCode, row.decision])).toEqual([
      ['0001', 'KH20260001', 'generated'],
      ['0002', 'KH20260002', 'generated'],
      ['0003', 'KH20260003', 'generated'],
      ['KH20260002', 'KH20260004', 'generated'],
    ]);
    const again = await migrate([...u8Customers].reverse(), { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    expect(again.rows).toEqual(first.rows);
    expect(first.summary.decisions).toEqual({ kept: 0, generated: 4, 'merged-into': 0, conflict: 0 });
  });

  it('orders by creation date when asked', async () => {
    const dated = [customer('A1', '甲', { createdAt: '2026-05-01T00:00:00' }), customer('B1', '乙', { createdAt: '2026-01-01T00:00:00' })];
    const result = await migrate(dated, { rule: 'C{seq:3}', store: createMemorySequenceStore(), order: 'created', nearDuplicates: false });
    expect(result.rows.map((row) => `${row.oldCode}→${row.newCode}`)).toEqual(['B1→C001', 'A1→C002']);
  });

  it('is idempotent: a re-run keeps every earlier number and numbers only the new customers', async () => {
    const store = createMemorySequenceStore();
    const first = await migrate(u8Customers, { rule: RULE, store, nearDuplicates: false });
    const stored = parseCrosswalk(crosswalkCsv(first.rows));
    const second = await migrate(u8Customers, { rule: RULE, store, crosswalk: stored, nearDuplicates: false });
    expect(second.rows).toEqual(first.rows);
    expect(second.summary.carriedOver).toBe(4);

    // New customers, one sorting before all others: earlier numbers must not move.
    const grown = [...u8Customers, customer('0000', '成都博宇图软件有限公司'), customer('0009', '西安嘉航迈能源有限公司')];
    const third = await migrate(grown, { rule: RULE, store, crosswalk: parseCrosswalk(crosswalkCsv(second.rows)), nearDuplicates: false });
    const byOld = new Map(third.rows.map((row) => [row.oldCode, row.newCode]));
    for (const row of first.rows) expect(byOld.get(row.oldCode)).toBe(row.newCode);
    expect(byOld.get('0000')).toBe('KH20260005');
    expect(byOld.get('0009')).toBe('KH20260006');
    expect(third.summary.decidedNow).toBe(2);

    // Even with a fresh sequence store, numbers the crosswalk holds are passed over.
    const fresh = await migrate(grown, { rule: RULE, store: createMemorySequenceStore(), crosswalk: third.rows, nearDuplicates: false });
    expect(fresh.rows).toEqual(third.rows);
  });

  it('keeps a customer that left the source in the crosswalk so its number is never reissued', async () => {
    const first = await migrate(u8Customers, { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    const fewer = u8Customers.filter((item) => item.code !== '0001').concat(customer('0005', '新客户有限公司'));
    const next = await migrate(fewer, { rule: RULE, store: createMemorySequenceStore(), crosswalk: first.rows, nearDuplicates: false });
    expect(next.rows.find((row) => row.oldCode === '0001')).toMatchObject({ newCode: 'KH20260001', sourceStatus: 'missing' });
    expect(next.rows.find((row) => row.oldCode === '0005')?.newCode).toBe('KH20260005');
    expect(next.summary.missingFromSource).toBe(1);
  });

  it('never hands out a number the target holds and says which record holds a kept code', async () => {
    const seeded = target([
      customer('KH20260001', '已有客户一', { source: 'k3', erp: 'kingdee-k3cloud', org: '100001' }),
      customer('KH20260003', '已有客户三', { source: 'k3', erp: 'kingdee-k3cloud', org: '100001' }),
      customer('KH20260002', '上海鼎辉邦物流有限公司', { source: 'k3', erp: 'kingdee-k3cloud', org: '100001' }),
    ]);
    const result = await migrate(u8Customers, { rule: RULE, store: createMemorySequenceStore(), target: seeded, keep: true, nearDuplicates: false });
    const rows = new Map(result.rows.map((row) => [row.oldCode, row]));
    expect(rows.get('KH20260002')).toMatchObject({ decision: 'conflict', newCode: '', heldBy: 'KH20260002 上海鼎辉邦物流有限公司 (org 100001)' });
    // Numbers passed over are drawn again after the batch's target check, and still follow the old-code order.
    const generated = result.rows.filter((row) => row.decision === 'generated').map((row) => `${row.oldCode}→${row.newCode}`);
    expect(generated).toEqual(['0001→KH20260004', '0002→KH20260005', '0003→KH20260006']);
    expect(rows.get('0001')?.reason).toContain('passed over KH20260001, held by target record KH20260001 已有客户一');
    expect(result.summary.skippedNumbers).toBe(3);
    expect(result.summary.conflicts).toEqual([expect.objectContaining({ oldCode: 'KH20260002', code: 'KH20260002' })]);
    expect(result.summary.needsDecision).toBe(true);

    // The decision "new" resolves the conflict with a fresh number; "merge" into the target record takes its number.
    const unknown = await migrate(u8Customers, {
      rule: RULE, store: createMemorySequenceStore(), target: seeded, keep: true, nearDuplicates: false, crosswalk: result.rows,
      decisions: [{ oldCode: 'KH20260002', decision: 'merge', into: 'NOPE-1' }],
    });
    expect(unknown.rows.find((row) => row.oldCode === 'KH20260002')).toMatchObject({ decision: 'conflict', mergedInto: 'NOPE-1' });
    const intoTarget = await migrate(u8Customers, {
      rule: RULE, store: createMemorySequenceStore(), target: seeded, keep: true, nearDuplicates: false, crosswalk: result.rows,
      decisions: [{ oldCode: 'KH20260002', decision: 'merge', into: 'KH20260003' }],
    });
    expect(intoTarget.rows.find((row) => row.oldCode === 'KH20260002')).toMatchObject({ decision: 'merged-into', newCode: 'KH20260003', mergedInto: 'KH20260003' });
    expect(intoTarget.rows.filter((row) => row.decision === 'generated').map((row) => row.newCode)).toEqual(['KH20260004', 'KH20260005', 'KH20260006']);
    // The same customer already in the target under the same code: merge it into its own code.
    const same = await migrate(u8Customers, {
      rule: RULE, store: createMemorySequenceStore(), target: seeded, keep: true, nearDuplicates: false, crosswalk: result.rows,
      decisions: [{ oldCode: 'KH20260002', decision: 'merge', into: 'KH20260002' }],
    });
    expect(same.rows.find((row) => row.oldCode === 'KH20260002')).toMatchObject({ decision: 'merged-into', newCode: 'KH20260002', reason: expect.stringContaining('merged into target record KH20260002 上海鼎辉邦物流有限公司') });
    expect(same.summary.needsDecision).toBe(false);
    const merged = await migrate(u8Customers, {
      rule: RULE, store: createMemorySequenceStore(), target: seeded, keep: true, nearDuplicates: false, crosswalk: result.rows,
      decisions: [{ oldCode: 'KH20260002', decision: 'new' }],
    });
    const fresh = merged.rows.find((row) => row.oldCode === 'KH20260002');
    expect(fresh?.decision).toBe('generated');
    expect(fresh?.newCode).toBe('KH20260007');
  });

  it('--keep-valid keeps old codes the rule accepts and that are free, and generates the rest', async () => {
    const result = await migrate(u8Customers, { rule: RULE, store: createMemorySequenceStore(), keep: true, nearDuplicates: false });
    const rows = new Map(result.rows.map((row) => [row.oldCode, row]));
    expect(rows.get('KH20260002')).toMatchObject({ decision: 'kept', newCode: 'KH20260002' });
    expect(rows.get('0001')).toMatchObject({ decision: 'generated', newCode: 'KH20260001' });
    expect(rows.get('0001')?.reason).toContain('old code not kept: Expected the literal "KH" at position 0');
    // KH20260002 is kept, so the serial passes over it.
    expect(rows.get('0002')?.newCode).toBe('KH20260003');
    expect(result.summary.skippedNumbers).toBe(1);
  });

  it('lists values without a translation instead of dropping them, and applies the default entry', async () => {
    const result = await migrate(u8Customers, {
      rule: 'KH{category:2}{seq:3}', store: createMemorySequenceStore(), nearDuplicates: false,
      translate: { category: { 批发: 'PF', 零售: 'LS' }, org: { '*': '100001' } },
    });
    expect(result.summary.unmapped).toEqual([{ field: 'category', value: '出口', count: 1, examples: ['0002'] }]);
    const record = result.records.find((item) => item.row.oldCode === '0003');
    expect(record?.customer).toMatchObject({ category: 'PF', org: '100001', region: '浙江' });
    expect(record?.row.newCode).toBe('KHPF001');
    expect(result.records.find((item) => item.row.oldCode === '0002')?.customer?.category).toBe('出口');
    expect(result.summary.needsDecision).toBe(true);
  });

  it('flags near-duplicates for a decision and merges only what the decisions say', async () => {
    const withTwin = [...u8Customers, customer('0004', '北京恒景禾贸易有限责任公司', { category: '零售' })];
    const flagged = await migrate(withTwin, { rule: RULE, store: createMemorySequenceStore() });
    const rows = new Map(flagged.rows.map((row) => [row.oldCode, row]));
    expect(rows.get('0001')?.review).toMatch(/^near-duplicate of 0004 \(same-name/);
    expect(rows.get('0004')?.review).toMatch(/^near-duplicate of 0001/);
    expect(rows.get('0004')?.decision).toBe('generated');
    expect(flagged.summary.nearDuplicates).toMatchObject({ groups: 1, undecided: 1 });

    const decided = await migrate(withTwin, {
      rule: RULE, store: createMemorySequenceStore(), crosswalk: flagged.rows, decisions: [{ oldCode: '0004', decision: 'merge', into: '0001' }],
    });
    const after = new Map(decided.rows.map((row) => [row.oldCode, row]));
    expect(after.get('0004')).toMatchObject({ decision: 'merged-into', newCode: after.get('0001')?.newCode, mergedInto: '0001', review: '' });
    expect(after.get('0001')?.review).toBe('');
    expect(decided.summary.nearDuplicates.undecided).toBe(0);
    expect(decided.summary.needsDecision).toBe(false);
  });

  it('confirms every number in no-gap mode, so a re-run with a new customer continues after them', async () => {
    const store = createMemorySequenceStore();
    const rule = 'C{seq:3|mode=no-gap}';
    const first = await migrate(u8Customers, { rule, store, nearDuplicates: false });
    expect(first.rows.map((row) => row.newCode)).toEqual(['C001', 'C002', 'C003', 'C004']);
    const next = await migrate([...u8Customers, customer('0009', '新客户有限公司')], { rule, store, crosswalk: first.rows, nearDuplicates: false });
    expect(next.rows.at(-1)).toMatchObject({ oldCode: 'KH20260002', newCode: 'C004' });
    expect(next.rows.find((row) => row.oldCode === '0009')?.newCode).toBe('C005');
  });

  it('a dry run consumes no number', async () => {
    const store = createMemorySequenceStore();
    const dry = await migrate(u8Customers, { rule: RULE, store, dryRun: true, nearDuplicates: false });
    const real = await migrate(u8Customers, { rule: RULE, store, nearDuplicates: false });
    expect(dry.rows).toEqual(real.rows);
    expect(dry.summary.dryRun).toBe(true);
  });

  it('reads a source stream, and a rule without a serial makes conflicts unless the old code is kept', async () => {
    const source = createMemorySource({ name: 'sap-old', erp: 'sap', customers: [customer('0000001000', 'A'), customer('C1', 'B'), customer('C-1', 'C')] });
    const result = await migrate(source, { rule: 'sap-kunnr', store: createMemorySequenceStore(), keep: true, nearDuplicates: false });
    expect(result.summary.source).toBe('sap-old');
    expect(result.rows.map((row) => `${row.oldCode} ${row.decision}`)).toEqual(['0000001000 kept', 'C-1 conflict', 'C1 kept']);
    const strict = await migrate(source, { rule: '{digits:6}', store: createMemorySequenceStore(), keep: true, nearDuplicates: false });
    expect(strict.rows.every((row) => row.decision === 'conflict' && row.reason.includes('no {seq:N}'))).toBe(true);
  });

  it('gives a customer without a code a number keyed by its row id', async () => {
    const blank = { ...customer('', '无编码客户有限公司'), raw: { id: 77 } };
    const first = await migrate([blank], { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    expect(first.rows[0]).toMatchObject({ oldCode: '', rowId: '77', newCode: 'KH20260001' });
    const again = await migrate([blank], { rule: RULE, store: createMemorySequenceStore(), crosswalk: parseCrosswalk(crosswalkCsv(first.rows)), nearDuplicates: false });
    expect(again.summary.carriedOver).toBe(1);
  });
});
