import { type CatalogueKey, type Lang, translate } from '@custcode/core/messages';
import type { AuditReport, FindingKind } from '../audit-types.js';
import { escapeHtml } from './escape-html.js';

type Cell = string | number | boolean | null;

interface TableSpec {
  columns: CatalogueKey[];
  rows: (report: AuditReport, lang: Lang) => Cell[][];
}

const list = (values: ReadonlyArray<string | null>) => values.map((value) => value ?? '—').join('\n');

/** Column layout of each kind's table; the order is the order of the page. */
export const TABLES: Record<FindingKind, TableSpec> = {
  duplicates: {
    columns: ['audit.col.normalised', 'audit.col.stored', 'audit.col.names', 'audit.col.rowIds', 'field.org'],
    rows: (report) => report.duplicates.map((item) => [item.code, list(item.records.map((code) => JSON.stringify(code))), list(item.names), list(item.rowIds), item.org]),
  },
  missing: {
    columns: ['audit.col.position', 'field.name', 'audit.col.rowId', 'audit.col.stored', 'field.org'],
    rows: (report) => report.missing.map((item) => [item.index, item.name, item.rowId, JSON.stringify(item.stored), item.org]),
  },
  gaps: {
    columns: ['audit.col.counter', 'audit.col.from', 'audit.col.to', 'audit.col.missing', 'audit.col.allowed'],
    rows: (report, lang) => report.gaps.map((gap) => [gap.prefix, gap.from, gap.to, gap.to - gap.from + 1, translate(lang, gap.legitimate ? 'audit.yes' : 'audit.no')]),
  },
  formatViolations: {
    columns: ['field.code', 'audit.col.reasons'],
    rows: (report) => report.formatViolations.map((item) => [JSON.stringify(item.code), item.reasons.join('\n')]),
  },
  garbled: {
    columns: ['field.code', 'audit.col.field', 'audit.col.value', 'audit.col.damage', 'audit.col.repair'],
    rows: (report) => report.garbled.map((item) => [item.code, item.field, item.value, item.kind, item.repair]),
  },
  invalidTaxIds: {
    columns: ['field.code', 'field.taxId', 'audit.col.reasons'],
    rows: (report) => report.invalidTaxIds.map((item) => [item.code, item.taxId, item.reasons.join('\n')]),
  },
  nearDuplicates: {
    columns: ['audit.col.codes', 'audit.col.names', 'audit.col.evidence', 'audit.col.score'],
    rows: (report) => report.nearDuplicates.map((item) => [item.codes.join('\n'), item.names.join('\n'), item.reason, item.score]),
  },
};

/** One searchable table of findings (rows beyond `maxRows` are left out and counted). */
export function findingsTable(kind: FindingKind, report: AuditReport, maxRows: number, lang: Lang = 'en'): string {
  const spec = TABLES[kind];
  const title = translate(lang, `kind.${kind}`);
  const rows = spec.rows(report, lang);
  const shown = rows.slice(0, maxRows);
  // Code columns may break anywhere (a code has no word to keep whole); text columns wrap at words.
  const head = spec.columns.map((column) => `<th>${escapeHtml(translate(lang, column))}</th>`).join('');
  const codeColumn = spec.columns.map((column) => CODE_COLUMNS.has(column));
  const body = shown
    .map((row) => `<tr>${row.map((cell, index) => `<td${codeColumn[index] ? ' class="code"' : ''}>${escapeHtml(cell ?? '—')}</td>`).join('')}</tr>`)
    .join('\n');
  const note = rows.length > shown.length ? `<p class="note">${escapeHtml(translate(lang, 'audit.capped', { shown: shown.length, total: rows.length }))}</p>` : '';
  const filterLabel = escapeHtml(translate(lang, 'audit.filter', { kind: lang === 'en' ? title.toLowerCase() : title }));
  return (
    `<section id="findings-${kind}" class="findings"><h2>${escapeHtml(title)} <span class="count">${rows.length}</span></h2>` +
    (rows.length === 0
      ? `<p class="none">${escapeHtml(translate(lang, 'audit.none'))}</p>`
      : `<input type="search" class="filter" data-filter="${kind}" placeholder="${filterLabel}" aria-label="${filterLabel}">` +
        `<p class="shown" data-shown="${kind}" data-template="${escapeHtml(translate(lang, 'audit.shown'))}">${escapeHtml(translate(lang, 'audit.shown', { n: shown.length }))}</p>` +
        `<div class="scroll"><table data-kind="${kind}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${note}`) +
    '</section>'
  );
}

const CODE_COLUMNS = new Set<CatalogueKey>(['field.code', 'audit.col.normalised', 'audit.col.stored', 'audit.col.rowIds', 'audit.col.rowId', 'audit.col.codes', 'field.taxId', 'audit.col.counter']);
