import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Customer } from '../../customer/customer-schema.js';
import { cellText, DEFAULT_EXPORT_FIELDS, type ExportField, type ExportOptions, headerOf } from '../export-fields.js';

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

/** Rows between two checks of the output's back-pressure. */
const YIELD_EVERY = 500;

/**
 * Writes customers as an XLSX workbook with exceljs's streaming writer: constant memory, a bold header row,
 * a frozen pane under it, set column widths, new sheets past Excel's row limit. Ends the output.
 */
export async function writeXlsx(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: XlsxExportOptions = {}): Promise<number> {
  const fields = options.fields ?? DEFAULT_EXPORT_FIELDS;
  const rowsPerSheet = Math.min(options.rowsPerSheet ?? XLSX_MAX_DATA_ROWS, XLSX_MAX_DATA_ROWS);
  const baseName = options.sheetName ?? (options.headers === 'zh' ? '客户' : 'customers');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output as never, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | undefined;
  let sheetCount = 0;
  let sheetRows = 0;
  let rows = 0;

  const startSheet = () => {
    sheetCount += 1;
    sheetRows = 0;
    sheet = workbook.addWorksheet(sheetCount === 1 ? baseName : `${baseName} (${sheetCount})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = fields.map((field) => ({ key: field, width: WIDTHS[field] ?? 16 }));
    const header = sheet.addRow(fields.map((field) => headerOf(field, options.headers)));
    header.font = { bold: true };
    header.commit();
    return sheet;
  };

  for await (const customer of customers) {
    if (!sheet || sheetRows >= rowsPerSheet) {
      sheet?.commit();
      startSheet();
    }
    sheet!.addRow(fields.map((field) => cellText(customer, field))).commit();
    sheetRows += 1;
    rows += 1;
    options.onRow?.(rows);
    if (rows % YIELD_EVERY === 0) await relieve(output);
  }
  if (!sheet) startSheet();
  sheet!.commit();
  await workbook.commit();
  return rows;
}

/** Lets the zip stream flush and waits while the output is full, so memory does not grow with the row count. */
async function relieve(output: NodeJS.WritableStream): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const writable = output as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  if (writable.writableNeedDrain) await once(output as NodeJS.EventEmitter, 'drain');
}
