import { cellText, type ExportField, ZH_HEADERS } from '@custcode/export';
import type { SourceStats } from '../collect-stats.js';
import type { ReportSection } from '../report-types.js';
import type { ReportWords } from '../report-words.js';
import { rowsVersusCodes } from './table-helpers.js';

/** Columns of the detail report when none are chosen: what a reader scans on one line. */
export const DEFAULT_DETAIL_FIELDS: readonly ExportField[] = ['code', 'name', 'category', 'region', 'status', 'org', 'createdAt'];

/** 客户明细表: the customer list with the chosen fields and totals. */
export function detailSection(words: ReportWords, stats: SourceStats, fields: readonly ExportField[]): ReportSection {
  const statusLine = ['active', 'blocked', 'deleted'].map((status) => `${words.status(status)}: ${stats.byStatus.get(status) ?? 0}`).join(', ');
  const notes = [`${words.term('total')}: ${stats.total.toLocaleString('en-US')} (${statusLine})`, ...rowsVersusCodes(words, stats)];
  if (stats.rowsLeftOut > 0) notes.push(words.term('report.onlyFirst', { shown: stats.rows.length.toLocaleString('en-US'), more: stats.rowsLeftOut.toLocaleString('en-US') }));
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes,
    charts: [],
    tables: [
      {
        name: 'customers',
        title: words.term('report.customerTable'),
        // Bilingual reports head the list with the Chinese export headers, as a 客户明细表 does.
        columns: fields.map((field) => (words.lang === 'both' ? ZH_HEADERS[field] : words.field(field))),
        rows: stats.rows.map((customer) => fields.map((field) => (field === 'status' ? words.status(customer.status) : cellText(customer, field)))),
        totals: [`${words.term('total')} ${stats.total.toLocaleString('en-US')}`, ...fields.slice(1).map(() => '')],
      },
    ],
  };
}
