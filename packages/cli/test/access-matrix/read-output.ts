import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Customer } from '@custcode/core';

/** Records of a JSON array or NDJSON text. */
export function jsonRecords(text: string): Customer[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.startsWith('[') ? (JSON.parse(trimmed) as Customer[]) : trimmed.split('\n').map((line) => JSON.parse(line) as Customer);
}

/** Rows of a CSV export with English headers, as objects by header (a UTF-8 BOM is dropped). */
export function csvRows(text: string): Array<Record<string, string>> {
  return parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

/** Every sheet of a workbook as rows of objects by the sheet's first row (its headers). */
export async function xlsxRows(file: string | Buffer): Promise<Array<Record<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof file === 'string' ? readFileSync(file) : file) as unknown as ArrayBuffer);
  const rows: Array<Record<string, string>> = [];
  workbook.eachSheet((sheet) => {
    let headers: string[] | undefined;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)));
      if (headers === undefined) headers = values;
      else rows.push(Object.fromEntries(headers.map((header, index) => [header, values[index] ?? ''])));
    });
  });
  return rows;
}

/** All text of a workbook, one cell a line. */
export async function xlsxText(file: string | Buffer): Promise<string> {
  return (await xlsxRows(file)).flatMap((row) => [...Object.keys(row), ...Object.values(row)]).join('\n');
}

/** The text of a PDF, as pdftotext reads it. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Whether `code` stands as a whole token in free text (not inside a longer code or number). */
export function hasToken(text: string, code: string): boolean {
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}
