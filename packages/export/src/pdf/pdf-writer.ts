import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { Customer } from '@custcode/core';
import { translate } from '@custcode/core/messages';
import { cellText, type ExportField, type ExportOptions, headerOf } from '../export-fields.js';
import { type CjkFont, resolveCjkFont } from './find-cjk-font.js';
import { createTextFitter } from './text-fitter.js';

export interface PdfExportOptions extends ExportOptions {
  /** A font file with Chinese glyphs (`FILE` or `FILE#PostScriptName`); found on the machine when absent. */
  font?: string | CjkFont;
  /** Printed at the top of every page. */
  title?: string;
  /**
   * The rows that will come (a count of the same query), so that each footer can say `第 x / y 页`: the
   * writer streams page by page and cannot know it otherwise. Pages beyond it say `第 x 页`.
   */
  total?: number;
  /** Printed in each footer (default: now, as local `YYYY-MM-DD HH:mm`). */
  generatedAt?: string;
}

/** A PDF page is narrow: by default the columns a reader scans, not every field. */
export const DEFAULT_PDF_FIELDS: readonly ExportField[] = ['code', 'name', 'phone', 'contact', 'category', 'region', 'status', 'org', 'updatedAt'];

/** Relative column widths. */
const WEIGHTS: Partial<Record<ExportField, number>> = { name: 4, address: 4, shortName: 2, taxId: 2.2, code: 1.6, createdAt: 1.8, updatedAt: 1.8, phone: 1.6 };

const MARGIN = 36;
const FONT_SIZE = 8;
const ROW_HEIGHT = 14;
const A4_LANDSCAPE_HEIGHT = 595.28;

/**
 * Writes customers as a landscape A4 table with a CJK font: column headers and the title on every page,
 * page numbers in the footer. Streams page by page and waits for the output when it is full. Ends the output.
 */
export async function writePdf(customers: AsyncIterable<Customer>, output: NodeJS.WritableStream, options: PdfExportOptions = {}): Promise<number> {
  const font = resolveCjkFont(options.font);
  const fields = options.fields ?? DEFAULT_PDF_FIELDS;
  const document = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, autoFirstPage: false, info: { Title: options.title ?? 'custcode export' } });
  const finished = once(output as NodeJS.EventEmitter, 'finish');
  document.pipe(output as NodeJS.WritableStream);
  document.registerFont('cjk', font.path, font.postscriptName as string);
  document.font('cjk').fontSize(FONT_SIZE);

  let columns: Array<{ field: ExportField; x: number; width: number }> = [];
  let y = 0;
  let pageNumber = 0;

  const newPage = () => {
    document.addPage();
    pageNumber += 1;
    const { width, height } = document.page;
    const usable = width - 2 * MARGIN;
    const total = fields.reduce((sum, field) => sum + (WEIGHTS[field] ?? 1), 0);
    let x = MARGIN;
    columns = fields.map((field) => {
      const column = { field, x, width: (usable * (WEIGHTS[field] ?? 1)) / total };
      x += column.width;
      return column;
    });
    document.fontSize(11).text(options.title ?? 'custcode export', MARGIN, MARGIN - 14, { lineBreak: false });
    document.fontSize(FONT_SIZE);
    y = MARGIN + 6;
    document.rect(MARGIN, y - 2, usable, ROW_HEIGHT).fill('#e8e8e8').fillColor('black');
    for (const column of columns) cell(headerOf(column.field, options.headers), column.x, y, column.width);
    y += ROW_HEIGHT;
    // The footer sits inside the bottom margin; lift the margin so pdfkit does not start another page.
    const bottom = document.page.margins.bottom;
    document.page.margins.bottom = 0;
    const lang = options.headers === 'zh' ? 'zh-CN' : 'en';
    const page = pages !== undefined && pageNumber <= pages ? translate(lang, 'pageOf', { page: pageNumber, pages }) : translate(lang, 'pageOnly', { page: pageNumber });
    document.text(`${translate(lang, 'generated')}: ${generatedAt}`, MARGIN, height - MARGIN + 10, { width: usable, lineBreak: false });
    document.text(page, MARGIN, height - MARGIN + 10, { width: usable, align: 'right', lineBreak: false });
    document.page.margins.bottom = bottom;
  };

  const cell = (text: string, x: number, top: number, width: number) => {
    document.text(fit(text, width - 4), x + 2, top + 2, { lineBreak: false });
  };

  const fit = createTextFitter(document);

  // Every page holds the same number of rows: the header row under the title, rows down to the bottom margin.
  const rowsPerPage = Math.floor((A4_LANDSCAPE_HEIGHT - 2 * MARGIN - 6 - ROW_HEIGHT) / ROW_HEIGHT);
  const pages = options.total === undefined ? undefined : Math.max(1, Math.ceil(options.total / rowsPerPage));
  const generatedAt = options.generatedAt ?? localMinute();

  let rows = 0;
  try {
    newPage();
    for await (const customer of customers) {
      if (y + ROW_HEIGHT > document.page.height - MARGIN) {
        newPage();
        await relieve(output);
      }
      for (const column of columns) cell(cellText(customer, column.field, options.headers), column.x, y, column.width);
      y += ROW_HEIGHT;
      rows += 1;
      options.onRow?.(rows);
    }
  } finally {
    document.end();
  }
  await finished;
  return rows;
}

/** Now as local `YYYY-MM-DD HH:mm`. */
function localMinute(): string {
  const now = new Date();
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

async function relieve(output: NodeJS.WritableStream): Promise<void> {
  const writable = output as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  if (writable.writableNeedDrain) await once(output as NodeJS.EventEmitter, 'drain');
}
