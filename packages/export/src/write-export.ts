import type { Customer } from '@custcode/core';
import { type CsvExportOptions, writeCsv } from './csv-writer.js';
import { DEFAULT_EXPORT_FIELDS, type ExportField, type ExportOptions } from './export-fields.js';
import { writeJson, writeNdjson } from './json-writer.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'ndjson', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What any format takes; each writer reads the options that concern it (CSV: encoding and formulas; PDF: title and font). */
export interface WriteExportOptions extends ExportOptions, Pick<CsvExportOptions, 'encoding' | 'escapeFormulas'> {
  title?: string;
  font?: string;
  /** PDF: the rows expected (a count of the same query), for `第 x / y 页` footers. */
  total?: number;
}

/**
 * The projection to search with for an export, to spread into the query: the columns written (a tabular
 * format without chosen fields writes DEFAULT_EXPORT_FIELDS), or nothing for JSON without fields (the whole record, `raw` included).
 */
export function exportProjection(format: ExportFormat, fields: readonly ExportField[] | undefined): { fields?: readonly ExportField[] } {
  if (fields !== undefined) return { fields };
  return format === 'json' || format === 'ndjson' ? {} : { fields: DEFAULT_EXPORT_FIELDS };
}

/**
 * Writes customers in one of the export formats and returns the rows written. The XLSX and PDF writers
 * (exceljs, pdfkit) are loaded only when their format is asked for.
 */
export async function writeExport(format: ExportFormat, customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: WriteExportOptions = {}): Promise<number> {
  const { encoding, escapeFormulas, title, font, total, ...common } = options;
  switch (format) {
    case 'csv':
      return writeCsv(customers, output, { ...common, ...(encoding ? { encoding } : {}), ...(escapeFormulas === undefined ? {} : { escapeFormulas }) });
    case 'json':
      return writeJson(customers, output, common);
    case 'ndjson':
      return writeNdjson(customers, output, common);
    case 'xlsx': {
      const { writeXlsx } = await import('./xlsx/index.js');
      return writeXlsx(customers, output, common);
    }
    case 'pdf': {
      const { writePdf } = await import('./pdf/index.js');
      return writePdf(customers, output, { ...common, ...(title === undefined ? {} : { title }), ...(font ? { font } : {}), ...(total === undefined ? {} : { total }) });
    }
  }
}
