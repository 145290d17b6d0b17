import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stringify as stringifySync } from 'csv-stringify/sync';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { pagedStream } from '@custcode/core/adapter';
import { parseExportFields, writeCsv, writeJson, writeNdjson } from './index.js';
import { writeXlsx } from './xlsx/index.js';
import { findCjkFont, writePdf } from './pdf/index.js';

const customers: Customer[] = [
  { source: 's', erp: 'file', code: 'C001', name: '北京鑫恒泰科技有限公司', phone: '010-1234', status: 'active', raw: { id: 1 } },
  { source: 's', erp: 'file', code: 'C002', name: 'Acme, "Quoted" Ltd', status: 'blocked', region: '华东', raw: {} },
];
async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
const directory = mkdtempSync(join(tmpdir(), 'custcode-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function collect(): { stream: PassThrough; bytes: () => Buffer } {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream: output, bytes: () => Buffer.concat(chunks) };
}

describe('csv', () => {
  it('writes a UTF-8 BOM, a header and quoted cells', async () => {
    const { stream: output, bytes } = collect();
    expect(await writeCsv(stream(customers), output, { fields: ['code', 'name', 'status'], headers: 'zh' })).toBe(2);
    const buffer = bytes();
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(buffer.subarray(3).toString('utf8')) as string[][];
    expect(rows).toEqual([
      ['客户编号', '客户名称', '状态'],
      ['C001', '北京鑫恒泰科技有限公司', '正常'],
      ['C002', 'Acme, "Quoted" Ltd', '停用'],
    ]);
  });

  it('encodes GBK without a BOM for legacy tools', async () => {
    const { stream: output, bytes } = collect();
    await writeCsv(stream(customers), output, { fields: ['code', 'name'], encoding: 'gbk' });
    const buffer = bytes();
    expect(buffer[0]).toBe('c'.charCodeAt(0));
    expect(iconv.decode(buffer, 'gbk')).toContain('北京鑫恒泰科技有限公司');
    expect(buffer.toString('utf8')).not.toContain('北京');
  });
});

describe('csv with the formula guard off, byte for byte as csv-stringify writes it', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '北', '\t', "'", '=', '；', '+', '-', '@', '1') }),
    fc.string({ unit: 'grapheme' }),
  );
  const record = fc.record({ code: fc.string({ minLength: 1 }), name: cell, address: fc.option(cell, { nil: undefined }), contact: fc.option(cell, { nil: undefined }) });

  it('quotes and escapes every cell the same way, across pages and in GB18030', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), async (records, pageSize) => {
        const list: Customer[] = records.map((item) => ({ source: 's', erp: 'file', status: 'active', raw: {}, ...item }) as Customer);
        const fields = ['code', 'name', 'address', 'contact', 'status'] as const;
        const expected = stringifySync(
          list.map((item) => fields.map((field) => item[field] ?? '')),
          { header: true, columns: [...fields], bom: true },
        );
        const paged = pagedStream(async function* () {
          for (let start = 0; start < list.length; start += pageSize) yield list.slice(start, start + pageSize);
        });
        const utf8 = collect();
        expect(await writeCsv(paged, utf8.stream, { fields, escapeFormulas: false })).toBe(list.length);
        expect(utf8.bytes().toString('utf8')).toBe(expected);
        const legacy = collect();
        await writeCsv(stream(list), legacy.stream, { fields, encoding: 'gb18030', escapeFormulas: false });
        expect(legacy.bytes().equals(iconv.encode(expected.replace(/^\uFEFF/, ''), 'gb18030'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });


  it('gives the same bytes when an export spans many encoded pieces and writes (surrogate pairs, GB18030)', async () => {
    // 20,000 rows of about 60 characters: far past one 16K-character piece and one 128 KB write.
    const list: Customer[] = Array.from({ length: 20_000 }, (_, index) => ({
      source: 's',
      erp: 'file',
      code: `KH${String(index).padStart(8, '0')}`,
      name: index % 7 === 0 ? `𠮷野家（北京）餐饮, "分店" ${index}` : `上海悦蓝驰医药有限公司${index}`,
      address: index % 3 === 0 ? `北京市朝阳区\n第${index}号` : undefined,
      status: index % 5 === 0 ? 'blocked' : 'active',
      raw: {},
    }));
    const fields = ['code', 'name', 'address', 'status'] as const;
    const expected = stringifySync(
      list.map((item) => fields.map((field) => item[field] ?? '')),
      { header: true, columns: [...fields], bom: true },
    );
    const writes: number[] = [];
    const utf8 = collect();
    utf8.stream.on('data', (chunk: Buffer) => writes.push(chunk.length));
    expect(await writeCsv(stream(list), utf8.stream, { fields, escapeFormulas: false })).toBe(list.length);
    expect(utf8.bytes().toString('utf8')).toBe(expected);
    // Batched: a handful of writes of at least 128 KB each (the header and the last one may be smaller).
    expect(writes.length).toBeLessThan(Buffer.byteLength(expected) / 131_072 + 3);
    expect(writes.slice(1, -1).every((length) => length >= 131_072)).toBe(true);
    const legacy = collect();
    await writeCsv(stream(list), legacy.stream, { fields, encoding: 'gb18030', escapeFormulas: false });
    expect(legacy.bytes().equals(iconv.encode(expected.replace(/^\uFEFF/, ''), 'gb18030'))).toBe(true);
  });
  it('rejects, without an unhandled error event, when the output fails mid-export', async () => {
    let writes = 0;
    const failing = new Writable({
      highWaterMark: 64,
      write(_chunk, _encoding, callback) {
        writes += 1;
        callback(writes === 2 ? new Error('disk full') : null);
      },
    });
    const many = Array.from({ length: 5000 }, (_, index) => ({ ...customers[0]!, code: `C${index}` }));
    await expect(writeCsv(stream(many), failing)).rejects.toThrow(/disk full/);
  });
});

describe('json and ndjson', () => {
  it('writes a JSON array of whole records, or projected fields', async () => {
    const whole = collect();
    await writeJson(stream(customers), whole.stream);
    expect(JSON.parse(whole.bytes().toString('utf8'))).toEqual(customers);
    const empty = collect();
    await writeJson(stream([]), empty.stream);
    expect(JSON.parse(empty.bytes().toString('utf8'))).toEqual([]);
    const lines = collect();
    await writeNdjson(stream(customers), lines.stream, { fields: ['code', 'region'] });
    expect(lines.bytes().toString('utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual([{ code: 'C001' }, { code: 'C002', region: '华东' }]);
  });
});

describe('fields', () => {
  it('accepts field names and Chinese headers, and rejects unknown names', () => {
    expect(parseExportFields('code, 客户名称,phone')).toEqual(['code', 'name', 'phone']);
    expect(() => parseExportFields('code,nmae')).toThrow(/Unknown export field "nmae"/);
  });
});

describe('xlsx', () => {
  it('writes a header row, a frozen pane and splits sheets at the row limit', async () => {
    const file = join(directory, 'out.xlsx');
    const many = Array.from({ length: 5 }, (_, index) => ({ ...customers[0]!, code: `C${index}` }));
    expect(await writeXlsx(stream(many), createWriteStream(file), { headers: 'zh', rowsPerSheet: 3, fields: ['code', 'name'] })).toBe(5);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['客户', '客户 (2)']);
    const first = workbook.worksheets[0]!;
    expect(first.getRow(1).values).toEqual([undefined, '客户编号', '客户名称']);
    expect(first.getRow(2).values).toEqual([undefined, 'C0', '北京鑫恒泰科技有限公司']);
    expect(first.rowCount).toBe(4);
    expect(workbook.worksheets[1]!.rowCount).toBe(3);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

const font = findCjkFont();
const noFont = font ? undefined : 'no CJK font installed (apt-get install fonts-wqy-microhei)';
if (noFont) console.warn(`PDF export test skipped: ${noFont}`);

describe.skipIf(noFont)('pdf', () => {
  it('writes Chinese text that can be extracted again', async () => {
    const file = join(directory, 'out.pdf');
    const many = Array.from({ length: 120 }, (_, index) => ({ ...customers[0]!, code: `C${String(index).padStart(4, '0')}` }));
    expect(await writePdf(stream(many), createWriteStream(file), { headers: 'zh', title: '客户清单' })).toBe(120);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    let text: string | undefined;
    try {
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    } catch {
      console.warn('pdftotext (poppler-utils) not installed: checked the PDF header only');
    }
    if (text !== undefined) {
      expect(text).toContain('北京鑫恒泰科技有限公司');
      expect(text).toContain('客户编号');
      expect(text).toContain('C0119');
      expect(text.split('\f').filter((page) => page.includes('客户清单')).length).toBeGreaterThan(1);
    }
  });

  it('with zh headers: Chinese column names and status values, 第 x / y 页 when the row count is given', async () => {
    const file = join(directory, 'zh.pdf');
    const many = Array.from({ length: 80 }, (_, index) => ({ ...customers[1]!, code: `B${String(index).padStart(3, '0')}`, updatedAt: '2024-05-06T07:08:09' }));
    await writePdf(stream(many), createWriteStream(file), { headers: 'zh', fields: ['code', 'status', 'updatedAt'], title: '客户清单', total: many.length, generatedAt: '2026-03-04 05:06' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    // pdftotext may drop the narrow spaces between CJK glyphs: compare without spaces.
    pages.forEach((page, index) => expect(page.replace(/ /g, '')).toContain(`第${index + 1}/${pages.length}页`));
    expect(text.replace(/ /g, '')).toContain('生成时间:2026-03-0405:06');
    for (const word of ['客户编号', '状态', '修改时间', '停用']) expect(text).toContain(word);
    expect(text).not.toMatch(/\b(code|updatedAt|status|blocked|active)\b/);
  });

  it('says how to get a font when the given one does not exist', async () => {
    await expect(writePdf(stream(customers), new PassThrough(), { font: join(directory, 'missing.ttf') })).rejects.toThrow(/Font file not found/);
  });
});
