import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { EXPORT_FORMATS, writeExport } from './write-export.js';

const customers: Customer[] = [
  { source: 's', erp: 'file', code: 'C001', name: '=HYPERLINK("x")', phone: '010-1234', status: 'active', raw: {} },
  { source: 's', erp: 'file', code: 'C002', name: '华东贸易', status: 'blocked', raw: {} },
];
async function* stream(): AsyncGenerator<Customer> {
  yield* customers;
}
async function written(format: (typeof EXPORT_FORMATS)[number], options: Parameters<typeof writeExport>[3] = {}): Promise<{ rows: number; bytes: Buffer }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const rows = await writeExport(format, stream(), output, options);
  return { rows, bytes: Buffer.concat(chunks) };
}

describe('writeExport', () => {
  it('writes CSV with the field list, headers and formula guard it is given', async () => {
    const { rows, bytes } = await written('csv', { fields: ['code', 'name'], headers: 'zh' });
    expect(rows).toBe(2);
    expect(parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))).toEqual([['客户编号', '客户名称'], ['C001', `'=HYPERLINK("x")`], ['C002', '华东贸易']]);
    const verbatim = await written('csv', { fields: ['name'], escapeFormulas: false });
    expect(verbatim.bytes.toString('utf8')).toContain('"=HYPERLINK(""x"")"');
  });

  it('writes CSV in GB18030 when asked', async () => {
    const { bytes } = await written('csv', { fields: ['name'], encoding: 'gb18030' });
    expect(bytes.includes(Buffer.from('华东贸易', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from([0xbb, 0xaa]))).toBe(true); // 华 in GB18030
  });

  it('writes JSON and NDJSON records', async () => {
    expect((JSON.parse((await written('json')).bytes.toString('utf8')) as Customer[]).map((customer) => customer.code)).toEqual(['C001', 'C002']);
    const lines = (await written('ndjson', { fields: ['code'] })).bytes.toString('utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([{ code: 'C001' }, { code: 'C002' }]);
  });

  it('loads the XLSX writer on demand and writes a workbook', async () => {
    const { rows, bytes } = await written('xlsx', { fields: ['code', 'name'] });
    expect(rows).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(3).getCell(1).value).toBe('C002');
  });
});
