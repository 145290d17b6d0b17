import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { renderReportHtml } from './html/render-report-html.js';
import { writeReportPdf } from './pdf/write-report-pdf.js';
import { REPORT_TEMPLATES, type ReportDocument, type ReportTemplate } from './report-types.js';
import { sampleReportSource } from '@custcode/sample';
import { writeReportXlsx } from './xlsx/write-report-xlsx.js';

/** Charts each template draws, by kind. */
const CHART_KINDS: Record<ReportTemplate, string[]> = { detail: [], summary: ['pie', 'bar'], classification: ['bar'], growth: ['line'] };

let directory: string;
const reports = new Map<ReportTemplate, ReportDocument>();
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'custcode-report-'));
  for (const template of REPORT_TEMPLATES) {
    reports.set(template, await buildReport([{ source: sampleReportSource('u8', 400, 5) }, { source: sampleReportSource('k3', 250, 6, 'kingdee-k3cloud') }], { template, maxRows: 300 }));
  }
});
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function writeFile(file: string, write: (output: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const path = join(directory, file);
  await write(createWriteStream(path));
  return path;
}

/** Chinese text from the first table's data (customer or class names), or its header when the data is numbers (growth). */
const firstChineseName = (report: ReportDocument) => {
  const table = report.sections[0]!.tables[0]!;
  const chinese = (cell: unknown) => typeof cell === 'string' && /[\u4e00-\u9fff]{2,}/.test(cell);
  const found = table.rows.flat().find(chinese) ?? table.columns.find(chinese);
  return String(found).trim().split(' ')[0]!;
};

describe.each(REPORT_TEMPLATES)('report template %s', (template) => {
  it('HTML: one page, both sources side by side, inline SVG charts of the right kind, Chinese text', () => {
    const report = reports.get(template)!;
    const html = renderReportHtml(report);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<div class="side-by-side">');
    expect(html).toContain('data-source="u8"');
    expect(html).toContain('data-source="k3"');
    expect(html).toContain(report.title);
    expect(html).toContain(firstChineseName(report));
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    if (CHART_KINDS[template].includes('pie')) expect(html).toMatch(/<path class="slice" d="M/);
    if (CHART_KINDS[template].includes('bar')) expect(html).toMatch(/<g class="bar">/);
    if (CHART_KINDS[template].includes('line')) expect(html).toMatch(/<g class="series"><title>新增 new<\/title><path d="M[\d.]+,[\d.]+ L/);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(CHART_KINDS[template].length);
  });

  it('XLSX: an overview sheet and one sheet per table, read back with exceljs', async () => {
    const report = reports.get(template)!;
    const path = await writeFile(`${template}.xlsx`, (output) => writeReportXlsx(report, output));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const tableCount = report.sections.reduce((sum, section) => sum + section.tables.length, 0) + (report.comparison?.tables.length ?? 0);
    expect(workbook.worksheets).toHaveLength(tableCount + 1);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe(report.title);
    const table = report.sections[0]!.tables[0]!;
    const sheet = workbook.worksheets.find((candidate) => candidate.name === `u8-${table.name}`)!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...table.columns]);
    expect(sheet.getRow(2).values).toEqual([undefined, ...table.rows[0]!]);
    expect(sheet.rowCount).toBe(1 + table.rows.length + (table.totals ? 1 : 0));
  });

  it('PDF: Chinese text extractable with pdftotext, charts drawn', async () => {
    const report = reports.get(template)!;
    const path = await writeFile(`${template}.pdf`, (output) => writeReportPdf(report, output));
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', path, '-'], { maxBuffer: 32 * 1024 * 1024 });
    expect(stdout).toContain(report.title.split(' ')[0]);
    expect(stdout).toContain(firstChineseName(report));
    for (const chart of report.sections[0]!.charts) expect(stdout).toContain(chart.title.split(' ')[0]);
  });
});

describe('report HTML escaping', () => {
  it('escapes names, class names and titles from the data', async () => {
    const { createMemorySource } = await import('@custcode/core');
    const hostile = '<img src=x onerror=alert(1)>&"\'';
    const source = createMemorySource({ name: 'evil<src>', customers: [{ source: 'evil', erp: 'file', code: 'X1', name: hostile, category: hostile, status: 'active', raw: {} }] });
    for (const template of REPORT_TEMPLATES) {
      const html = renderReportHtml(await buildReport([{ source }], { template, title: `${hostile} report` }));
      expect(html, template).not.toContain('<img');
      expect(html, template).toContain('evil&lt;src&gt;');
    }
  });
});
