import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Customer, createMemorySource } from '@custcode/core';
import { findCjkFont } from '@custcode/export';
import { sampleReportSource } from '@custcode/sample';
import { buildReport } from './build-report.js';
import { renderReportHtml } from './html/render-report-html.js';
import { writeReportPdf } from './pdf/write-report-pdf.js';

const customer = (code: string, createdAt: string, extra: Partial<Customer> = {}): Customer => ({ source: 'k3', erp: 'kingdee-k3cloud', code, name: `客户${code}`, status: 'active', createdAt, raw: {}, ...extra });

describe('growth report', () => {
  it('lists quiet months as zero and closes each year with a subtotal', async () => {
    const source = createMemorySource({ name: 'g', customers: [customer('A1', '2023-11-05'), customer('A2', '2023-11-20'), customer('A3', '2024-02-01'), customer('A4', '2024-02-03', { status: 'blocked', updatedAt: '2024-03-01' })] });
    const report = await buildReport([{ source }], { template: 'growth' });
    const table = report.sections[0]!.tables[0]!;
    expect(table.rows).toEqual([
      ['2023-11', 2, 0, 0, 2],
      ['2023-12', 0, 0, 0, 2],
      ['2023 小计 Subtotal', 2, 0, 0, 2],
      ['2024-01', 0, 0, 0, 2],
      ['2024-02', 2, 0, 0, 4],
      ['2024-03', 0, 1, 0, 4],
      ['2024 小计 Subtotal', 2, 1, 0, 4],
    ]);
    expect(table.totals).toEqual(['合计 Total', 4, 1, 0, 4]);
    // The chart's x axis has the quiet months too, and its lines carry markers.
    const html = renderReportHtml(report);
    expect(report.sections[0]!.charts[0]!.series[0]!.points.map((point) => point.label)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
    expect(html).toMatch(/<td>2023 小计 Subtotal<\/td><td class="number">2<\/td>/);
    expect(html).toMatch(/<circle class="marker"/);
    expect(html).toMatch(/stroke-dasharray="6 3"/);
  });
});

describe('detail report in HTML', () => {
  it('pages a long list: one page open, the others closed, totals under the last', async () => {
    const report = await buildReport([{ source: sampleReportSource('u8', 500, 5) }], { template: 'detail', maxRows: 450 });
    const html = renderReportHtml(report);
    const pages = [...html.matchAll(/<details class="page"( open)?><summary>([^<]*)<\/summary>/g)];
    expect(pages.map((page) => page[1] === ' open')).toEqual([true, false, false]);
    expect(pages.map((page) => page[2])).toEqual(['第 1 / 3 页 Page 1 of 3 · 1–200', '第 2 / 3 页 Page 2 of 3 · 201–400', '第 3 / 3 页 Page 3 of 3 · 401–450']);
    expect(html.match(/<tfoot>/g)).toHaveLength(1);
    expect(html.indexOf('<tfoot>')).toBeGreaterThan(html.indexOf('data-page="3"'));
    expect(html.match(/<tr><td/g)).toHaveLength(450 + 1);
  });

  it('keeps a short list in one table', async () => {
    const html = renderReportHtml(await buildReport([{ source: sampleReportSource('u8', 50, 5) }], { template: 'detail' }));
    expect(html).not.toContain('<details');
  });
});

describe('rows versus distinct codes', () => {
  it('says so when a code is counted once per org, and says nothing when rows are codes', async () => {
    const multiOrg = createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: [customer('KH1', '2024-01-01', { org: '100' }), customer('KH1', '2024-01-01', { org: '200' }), customer('KH2', '2024-01-02', { org: '100' })] });
    for (const template of ['summary', 'detail'] as const) {
      const html = renderReportHtml(await buildReport([{ source: multiOrg }], { template }));
      expect(html, template).toContain('计数按行：3 行（每个组织一行）对应 2 个不同编号');
      expect(html, template).toContain('Counts are rows: 3 rows (one per code and org) hold 2 distinct codes.');
    }
    const single = createMemorySource({ name: 'u8', customers: [customer('KH1', '2024-01-01'), customer('KH2', '2024-01-02')] });
    expect(renderReportHtml(await buildReport([{ source: single }], { template: 'summary' }))).not.toContain('distinct codes');
  });

  it('puts rows and distinct codes side by side when comparing sources', async () => {
    const a = createMemorySource({ name: 'a', customers: [customer('X', '2024-01-01', { org: '1' }), customer('X', '2024-01-01', { org: '2' })] });
    const b = createMemorySource({ name: 'b', customers: [customer('Y', '2024-01-01')] });
    const report = await buildReport([{ source: a }, { source: b }], { template: 'summary' });
    const rows = report.comparison!.tables[0]!.rows;
    expect(rows.find((row) => row[0] === '客户总数（行） Customers (rows)')).toEqual(['客户总数（行） Customers (rows)', 2, 1]);
    expect(rows.find((row) => row[0] === '不同编号 Distinct codes')).toEqual(['不同编号 Distinct codes', 1, 1]);
  });
});

describe('status terms', () => {
  it('calls blocked customers 停用 in reports, as the console and exports do', async () => {
    const source = createMemorySource({ name: 's', customers: [customer('B1', '2024-01-01', { status: 'blocked' })] });
    const html = renderReportHtml(await buildReport([{ source }], { template: 'summary' }));
    expect(html).toContain('停用 Blocked');
    expect(html).not.toContain('冻结');
  });
});

const noFont = findCjkFont() ? undefined : 'report PDF page tests skipped: no CJK font installed (apt-get install fonts-wqy-microhei)';
if (noFont) console.warn(noFont);
describe.skipIf(noFont)('report PDF pages', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'custcode-report-pages-'));
  });
  afterAll(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('numbers every page 第 x / y 页, with the date and the filters, and prints Chinese status values', async () => {
    const report = await buildReport([{ source: sampleReportSource('u8', 400, 5) }], { template: 'detail', filter: { status: ['active', 'blocked'] }, maxRows: 300, generatedAt: '2026-03-04T05:06:07' });
    const path = join(directory, 'detail.pdf');
    await writeReportPdf(report, createWriteStream(path));
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-'], { maxBuffer: 32 * 1024 * 1024 });
    const pages = stdout.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page).toContain(`第 ${index + 1} / ${pages.length} 页`);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain('2026-03-04T05:06:07');
      expect(page).toContain('status = active, blocked');
    });
    expect(stdout).toContain('正常 Active');
    expect(stdout).toContain('停用 Blocked');
    expect(stdout).toMatch(/合计 Total [\d,]+/);
  });
});
