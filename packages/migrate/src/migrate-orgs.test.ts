import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { createMemorySequenceStore } from '@custcode/rules';
import { createMemorySource } from '@custcode/core';
import { crosswalkCsv, parseCrosswalk } from './crosswalk-file.js';
import { buildImportTable } from './import-layouts.js';
import { migrate } from './migrate.js';

const customer = (code: string, org: string, name: string): Customer => ({
  source: 'k3', erp: 'kingdee-k3cloud', code, name, org, status: 'active', createdAt: '2026-03-05T10:00:00', raw: { FNUMBER: code },
});

// CUST001 is distributed to two use-orgs (one row per org in the source), CUST002 to one.
const source = createMemorySource({
  name: 'k3-old', erp: 'kingdee-k3cloud',
  customers: [customer('CUST001', '100002', '杭州瑞远通科技有限公司'), customer('CUST002', '100001', '北京恒景禾贸易有限公司'), customer('CUST001', '100001', '杭州瑞远通科技有限公司')],
});
const RULE = 'KH{YYYY}{seq:4}';

describe('migrate a source that scopes customers by org', () => {
  it('gives one crosswalk row per code and org, all rows of a code with one number', async () => {
    const result = await migrate(source, { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    expect(result.rows.map((row) => [row.oldCode, row.org, row.newCode, row.decision])).toEqual([
      ['CUST001', '100001', 'KH20260001', 'generated'],
      ['CUST001', '100002', 'KH20260001', 'generated'],
      ['CUST002', '100001', 'KH20260002', 'generated'],
    ]);
    expect(result.rows[1]!.reason).toBe('the same customer as in org 100001: generated KH20260001 there');

    // A re-run reads the rows back (a number shared by one customer's orgs is no conflict) and changes nothing.
    const again = await migrate(source, { rule: RULE, store: createMemorySequenceStore(), crosswalk: parseCrosswalk(crosswalkCsv(result.rows)), nearDuplicates: false });
    expect(again.rows).toEqual(result.rows);
    expect(again.summary.carriedOver).toBe(3);
  });

  it('lays out a row per org where the target has orgs, and the customer once where it has none', async () => {
    const result = await migrate(source, { rule: RULE, store: createMemorySequenceStore(), nearDuplicates: false });
    const k3 = buildImportTable('k3cloud', result.records, { runDate: '2026-03-05' });
    const useOrg = k3.columns.indexOf('FUseOrgId');
    expect(k3.rows.map((row) => `${row[0]} ${row[useOrg]}`)).toEqual(['KH20260001 100001', 'KH20260001 100002', 'KH20260002 100001']);
    const u8 = buildImportTable('u8', result.records, { runDate: '2026-03-05' });
    expect(u8.rows.map((row) => row[0])).toEqual(['KH20260001', 'KH20260002']);
  });
});
