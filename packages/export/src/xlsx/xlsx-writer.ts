import ExcelJS from 'exceljs';
import type { Customer } from '@custcode/core';
import { cellText, DEFAULT_EXPORT_FIELDS, type ExportField, type ExportOptions, headerOf } from '../export-fields.js';
import { untilDrained } from '../write-chunk.js';

/** Data rows per sheet: Excel's 1,048,576 rows minus the header row. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

export interface XlsxExportOptions extends ExportOptions {
  /** Sheet name (default `customers`, or `客户` with Chinese headers); later sheets get ` (2)`, ` (3)`. */
  sheetName?: string;
  /** Data rows per sheet before a new sheet starts (default and maximum XLSX_MAX_DATA_ROWS). */
  rowsPerSheet?: number;
}

/** Column widths in characters; Chinese text counts double. */
const WIDTHS: Partial<Record<ExportField, number>> = {
  code: 16, name: 42, shortName: 20, taxId: 22, phone: 16, contact: 12, address: 44,
  category: 14, region: 12, status: 10, createdAt: 20, updatedAt: 20, org: 14, source: 12, erp: 16,
};

/** Rows between two checks of the zip stream's back-pressure (about 100 KB of sheet XML). */
const YIELD_EVERY = 500;

/**
 * The one style object of every data cell and row. exceljs looks a style up by object identity first:
 * a shared object costs one WeakMap hit per cell, where a fresh `{}` per cell costs a full style lookup.
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

/**
 * Writes customers as an XLSX workbook with exceljs's streaming writer: constant memory, a bold header row,
 * a frozen pane under it, set column widths, new sheets past Excel's row limit. Ends the output.
 */
export async function writeXlsx(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: XlsxExportOptions = {}): Promise<number> {
  const fields = options.fields ?? DEFAULT_EXPORT_FIELDS;
  async function* rows() {
    for await (const customer of customers) yield fields.map((field) => cellText(customer, field, options.headers));
  }
  return writeXlsxTable(fields.map((field) => headerOf(field, options.headers)), rows(), output, {
    sheetName: options.sheetName ?? (options.headers === 'zh' ? '客户' : 'customers'),
    widths: fields.map((field) => WIDTHS[field] ?? 16),
    ...(options.rowsPerSheet === undefined ? {} : { rowsPerSheet: options.rowsPerSheet }),
    ...(options.onRow ? { onRow: options.onRow } : {}),
  });
}

/** A cell of a table: text, a number (a score stays a number in Excel), or empty. */
export type XlsxCell = string | number | null | undefined;

export interface XlsxTableOptions {
  /** Sheet name; later sheets get ` (2)`, ` (3)`. */
  sheetName: string;
  /** Column widths in characters (default 16 each). */
  widths?: readonly number[];
  /** Data rows per sheet before a new sheet starts (default and maximum XLSX_MAX_DATA_ROWS). */
  rowsPerSheet?: number;
  onRow?: (rows: number) => void;
}

/**
 * Writes any table as an XLSX workbook the way customer exports are written (streamed, bold frozen header,
 * widths, new sheets past Excel's row limit). Text cells are string cells: Excel never runs them as formulas.
 * Ends the output.
 */
export async function writeXlsxTable(header: readonly string[], rows: Iterable<readonly XlsxCell[]> | AsyncIterable<readonly XlsxCell[]>, output: NodeJS.WritableStream, options: XlsxTableOptions): Promise<number> {
  const rowsPerSheet = Math.min(options.rowsPerSheet ?? XLSX_MAX_DATA_ROWS, XLSX_MAX_DATA_ROWS);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output as never, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | undefined;
  let sheetCount = 0;
  let sheetRows = 0;
  let count = 0;

  const startSheet = () => {
    sheetCount += 1;
    sheetRows = 0;
    sheet = workbook.addWorksheet(sheetCount === 1 ? options.sheetName : `${options.sheetName} (${sheetCount})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = header.map((_, index) => ({ key: `c${index}`, width: options.widths?.[index] ?? 16 }));
    const headerRow = sheet.addRow([...header]);
    headerRow.font = { bold: true };
    headerRow.commit();
    return sheet;
  };

  for await (const cells of rows) {
    if (!sheet || sheetRows >= rowsPerSheet) {
      sheet?.commit();
      startSheet();
    }
    const row = sheet!.addRow(cells.map((cell) => cell ?? ''));
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN_STYLE; // not in exceljs's types
    for (let column = 1; column <= header.length; column++) row.getCell(column).style = PLAIN_STYLE;
    row.commit();
    sheetRows += 1;
    count += 1;
    options.onRow?.(count);
    if (count % YIELD_EVERY === 0) await relieve(sheet!, output);
  }
  if (!sheet) startSheet();
  sheet!.commit();
  await workbook.commit();
  return count;
}

/** What exceljs's streaming writer keeps inside (not typed): a sheet's XML goes to a buffer piped into the zip entry. */
interface SheetInternals {
  stream?: { pipes?: unknown[] };
}

interface WritableInternals extends NodeJS.EventEmitter {
  destroyed?: boolean;
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
}

/**
 * Waits while the zip stream is behind. exceljs writes a sheet's XML into the zip entry's input
 * without looking at its back-pressure, so unless we wait for that input to drain, rows pile up in
 * memory whenever zlib or the output is slower than the source. The output's own back-pressure
 * reaches the zip input through pipes; it is checked too in case the zip input is not reachable. An output
 * closed meanwhile fails the export.
 */
async function relieve(sheet: ExcelJS.Worksheet, output: NodeJS.WritableStream): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const writable = output as unknown as WritableInternals;
  // A reader that went away (an HTTP client hanging up) destroys the output: nothing drains any more.
  if (writable.destroyed) return untilDrained(writable, output);
  const zipInput = (sheet as unknown as SheetInternals).stream?.pipes?.[0] as WritableInternals | undefined;
  if (zipInput && needsDrain(zipInput)) await untilDrained(zipInput, output);
  if (needsDrain(writable)) await untilDrained(writable, output);
}

function needsDrain(stream: WritableInternals): boolean {
  return stream.writableNeedDrain ?? stream._writableState?.needDrain ?? false;
}
