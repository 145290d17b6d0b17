import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../demo/demo-command.js';
import { runInProcess } from '../../../test/test-io.js';

describe('custcode report (demo SQLite databases)', () => {
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'custcode-report-cli-'));
    const sink = new PassThrough().resume();
    const exitCode = await runDemo({ stdout: sink, stderr: sink, stdin: Readable.from(['']), stderrIsTTY: false, env: {}, cwd: directory }, { dir: directory, json: true, count: 300 });
    expect(exitCode).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('classification of U8 in HTML: the U8 class codes (cCCCode) and class names, a chart', async () => {
    const run = await runInProcess(['report', 'u8', '--template', 'classification', '--out', 'classes.html', '--json'], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'html', template: 'classification', sources: ['u8'], tables: 1 });
    const html = readFileSync(join(directory, 'classes.html'), 'utf8');
    expect(html).toContain('分类编码 Class code');
    expect(html).toContain('经销商');
    expect(html).toMatch(/<svg[^>]*data-chart="u8-classes"/);
  });

  it('summary of two ERPs side by side in XLSX, filtered, no temporary file left', async () => {
    const run = await runInProcess(['report', '--source', 'u8', '--source', 'k3', '--template', 'summary', '--status', 'active', '--out', 'summary.xlsx'], { cwd: directory });
    expect(run.stderr).toMatch(/wrote the summary report of u8, k3 to summary.xlsx \(xlsx\)/);
    expect(run.exitCode).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(directory, 'summary.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('compare-comparison');
    const comparison = workbook.getWorksheet('compare-comparison')!;
    expect(comparison.getRow(1).values).toEqual([undefined, '指标 Figure', 'u8 (yonyou-u8)', 'k3 (kingdee-k3cloud)']);
    // Only active customers were read.
    expect(comparison.getRow(5).values).toEqual([undefined, '停用 Blocked', 0, 0]);
    const overview = workbook.worksheets[0]!;
    expect(overview.getColumn(2).values).toContain('status = active');
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('growth as PDF with Chinese text (pdftotext), and detail with chosen fields', async () => {
    expect((await runInProcess(['report', 'ebs', '--template', 'growth', '--out', 'growth.pdf'], { cwd: directory })).exitCode).toBe(0);
    const { stdout } = await promisify(execFile)('pdftotext', [join(directory, 'growth.pdf'), '-']);
    expect(stdout).toContain('客户增长报表');
    expect(stdout).toContain('每月新增与停用');
    const detail = await runInProcess(['report', 'clients', '--template', 'detail', '--fields', 'code,name,status', '--format', 'pdf', '--out', 'detail.pdf', '--json'], { cwd: directory });
    expect(detail.exitCode).toBe(0);
    const text = (await promisify(execFile)('pdftotext', [join(directory, 'detail.pdf'), '-'])).stdout;
    expect(text).toContain('客户明细表');
    expect(text).toContain('客户名称');
    // A company name of the demo's CSV file (dist. 有限公司), as drawn in the PDF.
    expect(text).toMatch(/[\u4e00-\u9fff]{2,}有限(责任)?公司/);
  });

  it('usage errors exit 2 with a hint', async () => {
    const unknownFormat = await runInProcess(['report', 'u8', '--template', 'summary', '--out', 'x.docx'], { cwd: directory });
    expect(unknownFormat.exitCode).toBe(2);
    expect(unknownFormat.stderr).toMatch(/Cannot tell the report format/);
    const fieldsOnSummary = await runInProcess(['report', 'u8', '--template', 'summary', '--fields', 'code', '--out', 'x.html'], { cwd: directory });
    expect(fieldsOnSummary.stderr).toMatch(/--fields applies to the detail template only/);
    const noSource = await runInProcess(['report', '--template', 'summary', '--out', 'x.html'], { cwd: directory });
    expect(noSource.exitCode).toBe(2);
    expect(noSource.stderr).toMatch(/No source given/);
  });
});
