import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { compileRule } from '@custcode/rules';
import { createMemorySequenceStore } from '@custcode/rules';
import { audit } from './audit.js';
import { buildFixPlan, fixPlanCsv } from './fix-plan.js';

const customer = (code: string, name: string, extra: Partial<Customer> = {}): Customer => ({
  source: 'test', erp: 'file', code, name, status: 'active', raw: {}, ...extra,
});
const numbered = (prefix: string, count: number, width: number) =>
  Array.from({ length: count }, (_, index) => customer(`${prefix}${String(index + 1).padStart(width, '0')}`, `公司${prefix}${index}`));

describe('buildFixPlan', () => {
  it('continues the inferred series when there is no rule', async () => {
    const report = await audit([...numbered('C', 40, 5), customer('C00007', '重复'), customer('', '无编号', { raw: { id: 9 } })], { nearDuplicates: false });
    const rows = await buildFixPlan(report);
    expect(rows.map((row) => [row.action, row.code, row.proposedCode, row.keepCode, row.rowId])).toEqual([
      ['recode-duplicate', 'C00007', 'C00041', 'C00007', ''],
      ['assign-code', '', 'C00042', '', '9'],
    ]);
  });

  it('uses the rule on a preview store: after the data, after the real store, which is not consumed', async () => {
    const rule = compileRule('KH{YYYY}{seq:3}');
    const report = await audit([...numbered('KH2026', 12, 3), customer('KH2026005', '重复'), customer('', 'a'), customer('', 'b')], { rule, nearDuplicates: false });
    const real = createMemorySequenceStore({ KH2026: { next: 50, held: [], free: [] } });
    const rows = await buildFixPlan(report, { rule, store: real, date: '2026-03-01T10:00:00' });
    expect(rows.map((row) => row.proposedCode)).toEqual(['KH2026050', 'KH2026051', 'KH2026052']);
    expect(await real.peek('KH2026', { start: 1, step: 1, max: 999 }, 1, 'fast')).toEqual([50]);
    const fresh = await buildFixPlan(report, { rule, date: '2026-03-01T10:00:00' });
    expect(fresh.map((row) => row.proposedCode)).toEqual(['KH2026013', 'KH2026014', 'KH2026015']);
  });

  it('says why no code could be proposed instead of failing', async () => {
    const report = await audit([customer('X', 'a'), customer('X', 'b')]);
    const [row] = await buildFixPlan(report);
    expect(row).toMatchObject({ action: 'recode-duplicate', proposedCode: '' });
    expect(row!.reason).toContain('pass a rule');
  });

  it('lists near-duplicate groups as merge candidates and writes CSV with a BOM', async () => {
    const report = await audit([customer('KH000001', '北京星辰科技有限公司'), customer('KH000002', '星辰科技（北京）有限公司')]);
    const csv = fixPlanCsv(await buildFixPlan(report));
    expect(csv).toBe('\uFEFFaction,code,proposed_code,keep_code,name,row_id,org,reason,score\nmerge-candidate,KH000002,,KH000001,星辰科技（北京）有限公司,,,same-name,1\n');
  });
});
