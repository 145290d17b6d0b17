import { cellText, type ExportField, ZH_HEADERS } from '@custcode/export';
import type { SourceStats } from '../collect-stats.js';
import type { ReportSection } from '../report-types.js';
import { rowsVersusCodes, STATUS_LABELS } from './table-helpers.js';

/** Columns of the detail report when none are chosen: what a reader scans on one line. */
export const DEFAULT_DETAIL_FIELDS: readonly ExportField[] = ['code', 'name', 'category', 'region', 'status', 'org', 'createdAt'];

/** 客户明细表: the customer list with the chosen fields and totals. */
export function detailSection(stats: SourceStats, fields: readonly ExportField[]): ReportSection {
  const statusLine = ['active', 'blocked', 'deleted'].map((status) => `${STATUS_LABELS[status]}: ${stats.byStatus.get(status) ?? 0}`).join(', ');
  const notes = [`合计 Total: ${stats.total.toLocaleString('en-US')} (${statusLine})`, ...rowsVersusCodes(stats)];
  if (stats.rowsLeftOut > 0) {
    notes.push(`仅列出前 ${stats.rows.length} 条 Only the first ${stats.rows.length.toLocaleString('en-US')} rows are listed; ${stats.rowsLeftOut.toLocaleString('en-US')} more match (use export for all).`);
  }
  return {
    title: `${stats.name} (${stats.erp})`,
    source: stats.name,
    notes,
    charts: [],
    tables: [
      {
        name: 'customers',
        title: '客户明细 Customers',
        columns: fields.map((field) => ZH_HEADERS[field]),
        rows: stats.rows.map((customer) => fields.map((field) => (field === 'status' ? STATUS_LABELS[customer.status] ?? customer.status : cellText(customer, field)))),
        totals: [`合计 Total ${stats.total.toLocaleString('en-US')}`, ...fields.slice(1).map(() => '')],
      },
    ],
  };
}
