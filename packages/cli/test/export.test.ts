import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCjkFont } from '@custcode/export/pdf';
import { CLIENTS_CSV, clientsConfig } from './fixtures.js';
import { extractPdfText } from './pdf-text.js';
import { runInProcess, tempProject } from './test-io.js';

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject(clientsConfig());
  project.write('clients.csv', CLIENTS_CSV);
});
afterAll(() => project.cleanup());
const run = (args: string[], tty = false) => runInProcess(args, { cwd: project.directory, tty });
const file = (name: string) => join(project.directory, name);
const leftovers = () => readdirSync(project.directory).filter((name) => name.endsWith('.tmp'));

describe('export', () => {
  it('writes CSV with a UTF-8 BOM and Chinese headers, format from the extension', async () => {
    const result = await run(['export', 'clients', '--out', 'out.csv', '--headers', 'zh', '--fields', 'code,name,status']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('exported 5 customers to out.csv (csv)');
    const bytes = readFileSync(file('out.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes.subarray(3).toString('utf8'))).toEqual([
      ['客户编号', '客户名称', '状态'],
      ['C001', '北京鑫恒泰科技有限公司', '正常'],
      ['C002', 'Acme Trading Ltd', '停用'],
      ['C003', '上海浦东发展有限公司', '正常'],
      ['C004', '广州测试贸易公司', '删除'],
      ['C010', '深圳前海科技有限公司', '正常'],
    ]);
  });

  it('writes GBK CSV for legacy tools', async () => {
    const result = await run(['export', 'clients', '--out', 'gbk.csv', '--encoding', 'gbk', '--status', 'active', '--fields', 'code,name']);
    expect(result.exitCode).toBe(0);
    const text = iconv.decode(readFileSync(file('gbk.csv')), 'gbk');
    expect(parse(text)).toEqual([['code', 'name'], ['C001', '北京鑫恒泰科技有限公司'], ['C003', '上海浦东发展有限公司'], ['C010', '深圳前海科技有限公司']]);
  });

  it('writes XLSX with a header row, frozen pane and the Chinese names', async () => {
    const result = await run(['export', 'clients', '--out', 'out.xlsx', '--headers', 'zh', '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file: file('out.xlsx'), format: 'xlsx', rows: 5 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('out.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('客户编号');
    expect(sheet.getRow(1).getCell(2).value).toBe('客户名称');
    expect(sheet.getRow(2).getCell(2).value).toBe('北京鑫恒泰科技有限公司');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes JSON and NDJSON, with a view choosing rows and fields', async () => {
    expect((await run(['export', 'clients', '--out', 'all.json'])).exitCode).toBe(0);
    const all = JSON.parse(readFileSync(file('all.json'), 'utf8')) as Array<{ code: string; raw: object }>;
    expect(all).toHaveLength(5);
    expect(all[0]).toMatchObject({ code: 'C001', erp: 'file', raw: { 客户编号: 'C001' } });
    expect((await run(['export', 'clients', '--view', 'changed', '--out', 'changed.data', '--format', 'ndjson'])).exitCode).toBe(0);
    const lines = readFileSync(file('changed.data'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { code: 'C001', name: '北京鑫恒泰科技有限公司', updatedAt: '2025-01-10T09:00:00' },
      { code: 'C003', name: '上海浦东发展有限公司', updatedAt: '2025-02-01T00:00:00' },
      { code: 'C010', name: '深圳前海科技有限公司', updatedAt: '2025-03-05T18:30:00' },
    ]);
  });

  it('shows a progress bar only when stderr is a terminal', async () => {
    const tty = await run(['export', 'clients', '--out', 'p.json'], true);
    expect(tty.stderr).toMatch(/5\/5 rows .* rows\/s ETA/);
    const piped = await run(['export', 'clients', '--out', 'q.json']);
    expect(piped.stderr).not.toContain('rows/s');
  });

  it('rejects an unknown format, field or encoding with exit 2 and writes nothing', async () => {
    const extension = await run(['export', 'clients', '--out', 'out.txt']);
    expect(extension.exitCode).toBe(2);
    expect(extension.stderr).toContain('Cannot tell the export format');
    const field = await run(['export', 'clients', '--out', 'f.csv', '--fields', 'code,nmae']);
    expect(field.exitCode).toBe(2);
    expect(field.stderr).toContain('Unknown export field "nmae"');
    expect(existsSync(file('f.csv'))).toBe(false);
    const missingDirectory = await run(['export', 'clients', '--out', 'no/such/dir/x.csv']);
    expect(missingDirectory.exitCode).toBe(2);
    expect(missingDirectory.stderr).toContain('the directory does not exist');
  });

  it('leaves no partial file when the export fails', async () => {
    const result = await run(['export', 'clients', '--out', 'broken.pdf', '--font', file('no-such-font.ttf')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Font file not found');
    expect(existsSync(file('broken.pdf'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

const noFont = findCjkFont() ? undefined : 'no CJK font installed (apt-get install fonts-wqy-microhei)';
if (noFont) console.warn(`PDF export test skipped: ${noFont}`);

describe.skipIf(noFont)('export pdf', () => {
  it('writes a landscape PDF whose text holds the Chinese names', async () => {
    const result = await run(['export', 'clients', '--out', 'out.pdf', '--headers', 'zh']);
    expect(result.exitCode).toBe(0);
    const bytes = readFileSync(file('out.pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const names = ['客户编号', '北京鑫恒泰科技有限公司', '上海浦东发展有限公司', '深圳前海科技有限公司', 'Acme Trading Ltd'];
    // Our own reading of the content stream through the font's ToUnicode map...
    const parsed = extractPdfText(bytes);
    for (const name of names) expect(parsed).toContain(name);
    expect(parsed).toMatch(/第\s?1\s?\/\s?1\s?页/);
    // ...and poppler's, when it is installed.
    let text: string | undefined;
    try {
      text = execFileSync('pdftotext', ['-layout', file('out.pdf'), '-'], { encoding: 'utf8' });
    } catch {
      console.warn('pdftotext (poppler-utils) not installed: the PDF text was checked by parsing its content stream only');
    }
    if (text !== undefined) {
      for (const name of names) expect(text).toContain(name);
      expect(text).toMatch(/第\s?1\s?\/\s?1\s?页/);
    }
  });
});
