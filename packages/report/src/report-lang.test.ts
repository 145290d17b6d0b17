import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Customer, createMemorySource } from '@custcode/core';
import { CATALOGUE } from '@custcode/core/messages';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, describeFilter } from './build-report.js';
import { renderReportHtml } from './html/render-report-html.js';
import { writeReportPdf } from './pdf/write-report-pdf.js';
import { REPORT_TEMPLATES } from './report-types.js';
import { writeReportXlsx } from './xlsx/write-report-xlsx.js';

const customer = (code: string, name: string, fields: Partial<Customer>): Customer => ({ source: 'crm', erp: 'file', code, name, status: 'active', raw: {}, ...fields });

/** Customers with Latin data: in an English report no Chinese character may come from anywhere but the words. */
const latin = [
  customer('C001', 'Acme Trading', { category: 'Retail', region: 'North', org: '100', createdAt: '2023-11-02T09:00:00', updatedAt: '2023-11-02T09:00:00' }),
  customer('C001', 'Acme Trading', { category: 'Retail', region: 'North', org: '200', createdAt: '2023-11-02T09:00:00', updatedAt: '2023-11-02T09:00:00' }),
  customer('C002', 'Blue Lake Foods', { category: 'Wholesale', region: 'South', org: '100', status: 'blocked', createdAt: '2024-02-10T10:00:00', updatedAt: '2024-03-15T10:00:00' }),
  customer('C003', 'Cedar Pharma', { category: 'Retail', region: 'East', org: '100', status: 'deleted', createdAt: '2024-03-05T08:00:00', updatedAt: '2024-03-20T08:00:00' }),
  customer('C004', 'Delta Works', { region: 'East', org: '100' }),
];
/** The same shape with Chinese data, for the Chinese report. */
const chinese = latin.map((entry, index) => ({ ...entry, name: ['上海悦蓝驰医药', '上海悦蓝驰医药', '鑫宇霖光电', '立奥铂建材', '北京恒通'][index]!, category: entry.category && '批发', region: '华东' }));

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'custcode-report-lang-'));
});
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** What a reader sees: the text of the page without tags, styles and attributes. */
const visibleText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');

async function pdfText(file: string, write: (output: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const path = join(directory, file);
  await write(createWriteStream(path));
  return (await promisify(execFile)('pdftotext', ['-layout', path, '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout;
}

/** English words of the catalogue that the Chinese report would show if a term did not switch. */
const ENGLISH_TERMS = ['Total', 'Subtotal', 'Month', 'Blocked', 'Active', 'Deleted', 'Share', 'Count', 'Sources', 'Generated', 'Filters', 'Page', 'Customers', 'Comparison', 'Classes', 'Overview'];

describe.each(REPORT_TEMPLATES)('report --lang, template %s', (template) => {
  it('en: every word English — no Chinese character in the HTML page or the PDF text when the data has none', async () => {
    const source = createMemorySource({ name: 'crm', customers: latin });
    const other = createMemorySource({ name: 'erp2', customers: latin.slice(1) });
    const report = await buildReport([{ source }, { source: other }], { template, lang: 'en', filter: { status: ['active', 'blocked', 'deleted'] } });
    expect(report.title).toBe(CATALOGUE.en[`report.title.${template}`]);
    const html = renderReportHtml(report);
    expect(html).toContain('<html lang="en">');
    expect(visibleText(html)).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    const text = await pdfText(`${template}-en.pdf`, (output) => writeReportPdf(report, output));
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    expect(text).toContain('Status = Active, Blocked, Deleted');
  });

  it('zh: every word Chinese — none of the English terms in the HTML page or the PDF text', async () => {
    const source = createMemorySource({ name: 'crm', customers: chinese });
    const other = createMemorySource({ name: 'erp2', customers: chinese.slice(1) });
    const report = await buildReport([{ source }, { source: other }], { template, lang: 'zh-CN', filter: { status: 'blocked' } });
    expect(report.title).toBe(CATALOGUE['zh-CN'][`report.title.${template}`]);
    const html = visibleText(renderReportHtml(report));
    const text = await pdfText(`${template}-zh.pdf`, (output) => writeReportPdf(report, output));
    for (const page of [html, text]) {
      for (const term of ENGLISH_TERMS) expect(page, term).not.toMatch(new RegExp(`\\b${term}\\b`));
      expect(page).toContain('状态 = 停用');
    }
    expect(text).toMatch(/第\s*1\s*\/\s*\d+\s*页/);
  });
});

describe('report language details', () => {
  it('months read 2024年3月 in Chinese, Mar 2024 in English and 2024-03 in both; subtotals per year in the language', async () => {
    const source = createMemorySource({ name: 'crm', customers: latin });
    const rows = async (lang?: 'zh-CN' | 'en') => (await buildReport([{ source }], { template: 'growth', ...(lang ? { lang } : {}) })).sections[0]!.tables[0]!.rows.map((row) => row[0]);
    expect(await rows('zh-CN')).toEqual(['2023年11月', '2023年12月', '2023 小计', '2024年1月', '2024年2月', '2024年3月', '2024 小计']);
    expect(await rows('en')).toEqual(['Nov 2023', 'Dec 2023', '2023 Subtotal', 'Jan 2024', 'Feb 2024', 'Mar 2024', '2024 Subtotal']);
    expect(await rows()).toEqual(['2023-11', '2023-12', '2023 小计 Subtotal', '2024-01', '2024-02', '2024-03', '2024 小计 Subtotal']);
  });

  it('detail: headers and status words in the language; rows vs distinct codes said in one language', async () => {
    const source = createMemorySource({ name: 'crm', customers: latin });
    const zh = await buildReport([{ source }], { template: 'detail', lang: 'zh-CN', fields: ['code', 'name', 'status'] });
    expect(zh.sections[0]!.tables[0]!.columns).toEqual(['客户编号', '客户名称', '状态']);
    expect(zh.sections[0]!.tables[0]!.rows.map((row) => row[2])).toEqual(['正常', '正常', '停用', '删除', '正常']);
    expect(zh.sections[0]!.notes).toContain('计数按行：5 行（每个组织一行）对应 4 个不同编号');
    const en = await buildReport([{ source }], { template: 'detail', lang: 'en', fields: ['code', 'name', 'status'] });
    expect(en.sections[0]!.tables[0]!.columns).toEqual(['Code', 'Name', 'Status']);
    expect(en.sections[0]!.tables[0]!.rows.map((row) => row[2])).toEqual(['Active', 'Active', 'Blocked', 'Deleted', 'Active']);
    expect(en.sections[0]!.notes).toContain('Counts are rows: 5 rows (one per code and org) hold 4 distinct codes.');
  });

  it('XLSX: the overview sheet and table headers in the chosen language', async () => {
    const source = createMemorySource({ name: 'crm', customers: latin });
    const path = join(directory, 'summary-zh.xlsx');
    await writeReportXlsx(await buildReport([{ source }], { template: 'summary', lang: 'zh-CN' }), createWriteStream(path));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets[0]!.name).toBe('概要');
    expect(workbook.worksheets[0]!.getColumn(1).values).toEqual(expect.arrayContaining(['生成时间', '数据源', '筛选条件']));
    expect(workbook.worksheets.find((sheet) => sheet.name === 'status')!.getRow(1).values).toEqual([undefined, '状态', '数量', '占比']);
  });

  it('filters in words: the query keys bilingual (as before), field names and status words in one language', () => {
    const filter = { status: 'blocked' as const, codePrefix: 'KH', region: '01' };
    expect(describeFilter(filter)).toEqual(['status = blocked', 'codePrefix = KH', 'region = 01']);
    expect(describeFilter(filter, 'zh-CN')).toEqual(['状态 = 停用', '编号前缀 = KH', '地区 = 01']);
    expect(describeFilter(filter, 'en')).toEqual(['Status = Blocked', 'Code prefix = KH', 'Region = 01']);
  });
});
