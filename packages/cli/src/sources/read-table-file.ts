import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ConfigError } from '@custcode/core';

export type FileRow = Record<string, string | Date | undefined>;

/** Rows of a CSV or XLSX file keyed by the header row. */
export async function* readTableFile(path: string, options: { encoding?: 'utf8' | 'gbk' | 'gb18030'; sheet?: string }): AsyncGenerator<FileRow> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') yield* readXlsx(path, options.sheet);
  else if (extension === '.csv' || extension === '.txt') yield* readCsv(path, options.encoding ?? 'utf8');
  else throw new ConfigError({ message: `Cannot read ${path}: only .csv and .xlsx files are supported.`, hint: 'Save the file as CSV (UTF-8 or GBK) or XLSX.' });
}

async function* readCsv(path: string, encoding: 'utf8' | 'gbk' | 'gb18030'): AsyncGenerator<FileRow> {
  const input = createReadStream(path);
  const text = encoding === 'utf8' ? input : input.pipe(iconv.decodeStream(encoding) as unknown as NodeJS.WritableStream);
  const parser = (text as NodeJS.ReadableStream).pipe(parse({ columns: (header: string[]) => header.map((name) => name.trim()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
  for await (const record of parser) yield record as FileRow;
}

/** A cell as text (rich text, formulas and links reduced to what Excel shows), or a Date. */
function cellValue(value: ExcelJS.CellValue): string | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('text' in value) return String(value.text).trim();
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  return undefined;
}

/** Reads the whole workbook (sheet names need the workbook part, which the streaming reader gives last). */
async function* readXlsx(path: string, sheetName: string | undefined): AsyncGenerator<FileRow> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.readFile(path);
  const worksheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!worksheet) {
    throw new ConfigError({
      message: `${path} has no sheet${sheetName === undefined ? 's' : ` named "${sheetName}"`}.`,
      hint: `Sheets in the file: ${workbook.worksheets.map((sheet) => sheet.name).join(', ') || '(none)'}.`,
    });
  }
  let header: string[] | undefined;
  for (let number = 1; number <= worksheet.rowCount; number++) {
    const values = (worksheet.getRow(number).values as ExcelJS.CellValue[]).map(cellValue);
    if (!header) {
      header = Array.from(values, (value) => (value === undefined ? '' : String(value)));
      continue;
    }
    if (values.every((value) => value === undefined || value === '')) continue;
    const record: FileRow = {};
    header.forEach((column, index) => {
      if (column !== '') record[column] = values[index];
    });
    yield record;
  }
}
