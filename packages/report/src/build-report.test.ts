import { describe, expect, it } from 'vitest';
import { createMemorySource } from '@custcode/core';
import type { Customer } from '@custcode/core';
import { buildReport } from './build-report.js';
import { sampleReportSource } from '@custcode/sample';

const customer = (code: string, extra: Partial<Customer>): Customer => ({ source: 'm', erp: 'yonyou-u8', code, name: `客户${code}`, status: 'active', raw: {}, ...extra });

describe('buildReport', () => {
  const small = () =>
    createMemorySource({
      name: 'm',
      erp: 'yonyou-u8',
      customers: [
        customer('001', { category: '批发', region: '北京', createdAt: '2024-01-05T10:00:00', raw: { cCCCode: '01' } }),
        customer('002', { category: '华北批发', region: '北京', createdAt: '2024-01-20T10:00:00', raw: { cCCCode: '0101' } }),
        customer('003', { category: '零售', region: '上海', createdAt: '2024-03-02T10:00:00', status: 'blocked', updatedAt: '2024-05-01T09:00:00', raw: { cCCCode: '02' } }),
        customer('004', { category: '零售', region: '上海', createdAt: '2024-03-09T10:00:00', status: 'deleted', raw: { cCCCode: '02', dEndDate: '2024-04-30' } }),
      ],
    });

  it('summary: counts and shares by status, category, region and org, with audit figures', async () => {
    const report = await buildReport([{ source: small() }], { template: 'summary', generatedAt: '2026-01-01T00:00:00' });
    const tables = Object.fromEntries(report.sections[0]!.tables.map((table) => [table.name, table]));
    expect(tables.status!.rows).toEqual([['正常 Active', 2, '50.0%'], ['停用 Blocked', 1, '25.0%'], ['删除 Deleted', 1, '25.0%']]);
    expect(tables.region!.rows).toEqual([['上海', 2, '50.0%'], ['北京', 2, '50.0%']]);
    expect(tables.quality!.rows.find((row) => String(row[0]).includes('Duplicate'))).toEqual(['重复编号 Duplicate codes', 0, '0.0%']);
  });

  it('classification: class codes from raw, nested classes indented, status columns', async () => {
    const report = await buildReport([{ source: small() }], { template: 'classification' });
    const table = report.sections[0]!.tables[0]!;
    expect(table.rows).toEqual([
      ['01', '批发', 1, 1, 0, 0, '25.0%'],
      ['  0101', '华北批发', 1, 1, 0, 0, '25.0%'],
      ['02', '零售', 2, 0, 1, 1, '50.0%'],
    ]);
    expect(table.totals).toEqual(['合计 Total', '', 4, 2, 1, 1, '100.0%']);
  });

  it('growth: new per month, blocked by updatedAt (noted as approximate), deleted by dEndDate', async () => {
    const report = await buildReport([{ source: small() }], { template: 'growth' });
    const section = report.sections[0]!;
    expect(section.tables[0]!.rows).toEqual([
      ['2024-01', 2, 0, 0, 2],
      ['2024-02', 0, 0, 0, 2],
      ['2024-03', 2, 0, 0, 4],
      ['2024-04', 0, 0, 1, 4],
      ['2024-05', 0, 1, 0, 4],
      ['2024 小计 Subtotal', 4, 1, 1, 4],
    ]);
    expect(section.notes.join('\n')).toMatch(/approximated by the last modification/);
    expect(section.charts[0]!.series.map((series) => series.name)).toEqual(['新增 new', '停用 blocked', '删除 deleted']);
  });

  it('detail: chosen fields, filters in words, totals, capped rows noted', async () => {
    const report = await buildReport([{ source: small() }], { template: 'detail', fields: ['code', 'name', 'status'], filter: { region: '上海' }, maxRows: 1 });
    expect(report.filters).toEqual(['region = 上海']);
    const table = report.sections[0]!.tables[0]!;
    expect(table.columns).toEqual(['客户编号', '客户名称', '状态']);
    expect(table.rows).toEqual([['003', '客户003', '停用 Blocked']]);
    expect(report.sections[0]!.notes.join('\n')).toMatch(/1 more match/);
  });

  it('several sources: one section each and a side-by-side comparison', async () => {
    const report = await buildReport([{ source: sampleReportSource('u8', 300, 1) }, { source: sampleReportSource('k3', 200, 2, 'kingdee-k3cloud') }], { template: 'summary' });
    expect(report.sections.map((section) => section.source)).toEqual(['u8', 'k3']);
    const comparison = report.comparison!.tables[0]!;
    expect(comparison.columns).toEqual(['指标 Figure', 'u8 (yonyou-u8)', 'k3 (kingdee-k3cloud)']);
    expect(comparison.rows[0]).toEqual(['客户总数（行） Customers (rows)', 300, 200]);
  });

  it('refuses an unknown template with a typed error', async () => {
    await expect(buildReport([{ source: small() }], { template: 'pivot' as never })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
