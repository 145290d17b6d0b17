import type { ReportDocument, ReportSection, ReportTable } from '../report-types.js';
import { reportWords } from '../report-words.js';

/** Excel refuses these characters in sheet names and names longer than 31 characters. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'sheet';
  let name = base;
  for (let counter = 2; taken.has(name.toLowerCase()); counter++) name = `${base.slice(0, 31 - String(counter).length - 1)}~${counter}`;
  taken.add(name.toLowerCase());
  return name;
}

const width = (value: string | number) => [...String(value)].reduce((sum, character) => sum + (character.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * Writes a report as an XLSX workbook: an overview sheet (title, sources, filters, notes), then one sheet
 * per table, header row bold and frozen, totals row bold. exceljs loads on first use. Ends the output.
 */
export async function writeReportXlsx(report: ReportDocument, output: NodeJS.WritableStream): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'custcode';
  const taken = new Set<string>();
  const words = reportWords(report.lang);
  const overview = workbook.addWorksheet(sheetName(words.term('report.overview'), taken));
  overview.addRow([report.title]).font = { bold: true, size: 14 };
  overview.addRow([words.term('generated'), report.generatedAt]);
  for (const source of report.sources) overview.addRow([words.term('field.source'), `${source.name} (${source.erp})`]);
  overview.addRow([words.term('filters'), report.filters.length > 0 ? report.filters.join('; ') : words.term('noFilters')]);
  const sections: ReportSection[] = [...(report.comparison ? [report.comparison] : []), ...report.sections];
  for (const section of sections) for (const note of section.notes) overview.addRow([section.title, note]);
  for (const note of report.notes) overview.addRow(['', note]);
  overview.getColumn(1).width = 24;
  overview.getColumn(2).width = 80;

  const several = report.sections.length > 1;
  for (const section of sections) {
    for (const table of section.tables) {
      const prefix = section.source === undefined ? (several ? 'compare-' : '') : several ? `${section.source}-` : '';
      addTableSheet(workbook.addWorksheet(sheetName(`${prefix}${table.name}`, taken), { views: [{ state: 'frozen', ySplit: 1 }] }), table);
    }
  }
  await workbook.xlsx.write(output as never);
  await new Promise<void>((resolve, reject) => {
    (output as NodeJS.WritableStream & { writableFinished?: boolean }).writableFinished ? resolve() : output.end(() => resolve());
    (output as unknown as NodeJS.EventEmitter).once('error', reject);
  });
}

function addTableSheet(sheet: import('exceljs').Worksheet, table: ReportTable): void {
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  if (table.totals) sheet.addRow(table.totals).font = { bold: true };
  table.columns.forEach((column, index) => {
    const widest = Math.max(width(column), ...table.rows.slice(0, 500).map((row) => width(row[index] ?? '')));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
}
