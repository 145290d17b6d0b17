import { once } from 'node:events';
import { type CjkFont, createTextFitter, resolveCjkFont } from '@custcode/export';
import { alignsRight } from '../templates/table-helpers.js';
import type { ReportDocument, ReportSection, ReportTable } from '../report-types.js';
import { type ReportWords, reportWords } from '../report-words.js';
import { CHART_HEIGHT, drawChart, type PdfDocument } from './pdf-charts.js';

export interface ReportPdfOptions {
  /** A font file with Chinese glyphs (`FILE` or `FILE#PostScriptName`); found on the machine when absent. */
  font?: string | CjkFont;
}

const MARGIN = 36;
const ROW_HEIGHT = 13;
const CELL_FONT_SIZE = 7.5;

/**
 * Writes a report as a landscape A4 PDF with a CJK font: header, notes, charts drawn as vectors, tables
 * with their header repeated on each page. pdfkit loads on first use. Ends the output.
 */
export async function writeReportPdf(report: ReportDocument, output: NodeJS.WritableStream, options: ReportPdfOptions = {}): Promise<void> {
  const font = resolveCjkFont(options.font);
  const { default: PDFDocument } = await import('pdfkit');
  // Pages are kept until the end so that each footer can say how many there are (reports are capped in rows).
  const document: PdfDocument = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: report.title, Creator: 'custcode' } });
  const finished = once(output as NodeJS.EventEmitter, 'finish');
  document.pipe(output as NodeJS.WritableStream);
  document.registerFont('cjk', font.path, font.postscriptName as string);
  document.font('cjk');
  const usable = document.page.width - 2 * MARGIN;
  const bottom = () => document.page.height - MARGIN;
  let y = MARGIN;
  const room = (height: number) => {
    if (y + height > bottom()) {
      document.addPage();
      y = MARGIN;
    }
  };
  const line = (text: string, size: number) => {
    room(size + 6);
    document.fillColor('black').fontSize(size).text(text, MARGIN, y, { width: usable, lineBreak: false });
    y += size + 6;
  };

  const words = reportWords(report.lang);
  line(report.title, 16);
  line(`${words.term('sources')}: ${report.sources.map((source) => `${source.name} (${source.erp})`).join(', ')}   ${words.term('generated')}: ${report.generatedAt}`, 8);
  line(filterLine(words, report), 8);
  for (const note of report.notes) line(note, 8);

  const drawSection = (section: ReportSection) => {
    y += 8;
    line(section.title, 13);
    for (const note of section.notes) line(note, 8);
    // Two charts per row.
    for (let index = 0; index < section.charts.length; index += 2) {
      room(CHART_HEIGHT + 10);
      const pair = section.charts.slice(index, index + 2);
      const chartWidth = pair.length === 1 && pair[0]!.kind === 'line' ? usable : usable / 2 - 10;
      pair.forEach((chart, offset) => drawChart(document, chart, MARGIN + offset * (usable / 2 + 10), y, chartWidth));
      y += CHART_HEIGHT + 10;
    }
    for (const table of section.tables) y = drawTable(document, table, y, usable);
  };
  if (report.comparison) drawSection(report.comparison);
  for (const section of report.sections) drawSection(section);
  drawFooters(document, words, report, usable);
  document.end();
  await finished;
}

const filterLine = (words: ReportWords, report: ReportDocument) => `${words.term('filters')}: ${report.filters.length > 0 ? report.filters.join('; ') : words.term('noFilters')}`;

/** On every page: the title, the date, the filters and `第 x / y 页`, `Page x of y` or both. */
function drawFooters(document: PdfDocument, words: ReportWords, report: ReportDocument, usable: number): void {
  const { start, count } = document.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    document.switchToPage(index);
    // The footer sits inside the bottom margin; lift the margin so pdfkit does not start another page.
    const bottom = document.page.margins.bottom;
    document.page.margins.bottom = 0;
    const page = { page: index - start + 1, pages: count };
    const y = document.page.height - MARGIN + 12;
    document.fillColor('#6b7280').fontSize(7);
    document.text(`${report.title} · ${words.term('generated')}: ${report.generatedAt} · ${filterLine(words, report)}`, MARGIN, y, { width: usable * 0.75, lineBreak: false, ellipsis: true });
    document.text(words.term('pageOf', page), MARGIN, y, { width: usable, align: 'right', lineBreak: false });
    document.page.margins.bottom = bottom;
  }
  document.fillColor('black');
}

function drawTable(document: PdfDocument, table: ReportTable, startY: number, usable: number): number {
  let y = startY + 6;
  const fit = createTextFitter(document);
  const columnWidth = usable / Math.max(1, table.columns.length);
  const drawRow = (cells: ReadonlyArray<string | number>, shade?: string) => {
    if (y + ROW_HEIGHT > document.page.height - MARGIN) {
      document.addPage();
      y = MARGIN;
      drawRow(table.columns, '#e8e8e8');
    }
    if (shade) document.rect(MARGIN, y, usable, ROW_HEIGHT).fill(shade);
    document.fillColor('black').fontSize(CELL_FONT_SIZE);
    cells.forEach((value, index) => {
      // Numbers (and shares such as 12.5%) align right, so that digits line up by place.
      const numeric = alignsRight(value);
      const text = typeof value === 'number' ? value.toLocaleString('en-US') : value;
      document.text(fit(text, columnWidth - 6), MARGIN + index * columnWidth + 3, y + 3, { lineBreak: false, width: columnWidth - 6, align: numeric ? 'right' : 'left' });
    });
    y += ROW_HEIGHT;
  };
  // Keep the table's title with its header and first rows.
  if (y + 15 + ROW_HEIGHT * 3 > document.page.height - MARGIN) {
    document.addPage();
    y = MARGIN;
  }
  document.fillColor('black').fontSize(10).text(table.title, MARGIN, y, { lineBreak: false });
  y += 15;
  drawRow(table.columns, '#e8e8e8');
  for (const row of table.rows) drawRow(row);
  if (table.totals) drawRow(table.totals, '#f3f4f6');
  return y + 4;
}

