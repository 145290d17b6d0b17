import type { AuditReport, FindingKind } from '../audit-types.js';
import { escapeHtml } from './escape-html.js';

type Cell = string | number | boolean | null;

interface TableSpec {
  title: string;
  columns: string[];
  rows: (report: AuditReport) => Cell[][];
}

const list = (values: ReadonlyArray<string | null>) => values.map((value) => value ?? '—').join('\n');

/** Column layout of each kind's table; the order is the order of the page. */
export const TABLES: Record<FindingKind, TableSpec> = {
  duplicates: {
    title: 'Duplicate codes',
    columns: ['Normalised code', 'Codes as stored', 'Names', 'Row ids', 'Org'],
    rows: (report) => report.duplicates.map((item) => [item.code, list(item.records.map((code) => JSON.stringify(code))), list(item.names), list(item.rowIds), item.org]),
  },
  missing: {
    title: 'Missing codes',
    columns: ['Position', 'Name', 'Row id', 'Stored', 'Org'],
    rows: (report) => report.missing.map((item) => [item.index, item.name, item.rowId, JSON.stringify(item.stored), item.org]),
  },
  gaps: {
    title: 'Serial gaps',
    columns: ['Counter', 'From', 'To', 'Missing', 'Allowed by rule'],
    rows: (report) => report.gaps.map((gap) => [gap.prefix, gap.from, gap.to, gap.to - gap.from + 1, gap.legitimate ? 'yes' : 'no']),
  },
  formatViolations: {
    title: 'Format violations',
    columns: ['Code', 'Reasons'],
    rows: (report) => report.formatViolations.map((item) => [JSON.stringify(item.code), item.reasons.join('\n')]),
  },
  garbled: {
    title: 'Garbled text',
    columns: ['Code', 'Field', 'Value', 'Damage', 'Suggested repair'],
    rows: (report) => report.garbled.map((item) => [item.code, item.field, item.value, item.kind, item.repair]),
  },
  invalidTaxIds: {
    title: 'Invalid tax ids',
    columns: ['Code', 'Tax id', 'Reasons'],
    rows: (report) => report.invalidTaxIds.map((item) => [item.code, item.taxId, item.reasons.join('\n')]),
  },
  nearDuplicates: {
    title: 'Probable duplicates (different codes)',
    columns: ['Codes', 'Names', 'Evidence', 'Score'],
    rows: (report) => report.nearDuplicates.map((item) => [item.codes.join('\n'), item.names.join('\n'), item.reason, item.score]),
  },
};

/** One searchable table of findings (rows beyond `maxRows` are left out and counted). */
export function findingsTable(kind: FindingKind, report: AuditReport, maxRows: number): string {
  const spec = TABLES[kind];
  const rows = spec.rows(report);
  const shown = rows.slice(0, maxRows);
  const head = spec.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const body = shown
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell ?? '—')}</td>`).join('')}</tr>`)
    .join('\n');
  const note = rows.length > shown.length ? `<p class="note">Showing the first ${shown.length} of ${rows.length}; the JSON report (--json) has them all.</p>` : '';
  return (
    `<section id="findings-${kind}" class="findings"><h2>${escapeHtml(spec.title)} <span class="count">${rows.length}</span></h2>` +
    (rows.length === 0
      ? '<p class="none">None found.</p>'
      : `<input type="search" class="filter" data-filter="${kind}" placeholder="Filter ${escapeHtml(spec.title.toLowerCase())}…" aria-label="Filter ${escapeHtml(spec.title.toLowerCase())}">` +
        `<p class="shown" data-shown="${kind}">${shown.length} shown</p>` +
        `<table data-kind="${kind}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${note}`) +
    '</section>'
  );
}
