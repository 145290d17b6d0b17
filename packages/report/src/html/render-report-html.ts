import { escapeHtml } from '@custcode/audit';
import { barChart } from '@custcode/audit';
import type { DocumentLang } from '@custcode/core/messages';
import { alignsRight } from '../templates/table-helpers.js';
import type { ReportChart, ReportDocument, ReportSection, ReportTable } from '../report-types.js';
import { type ReportWords, reportWords } from '../report-words.js';
import { lineChart } from '../svg/svg-line-chart.js';
import { pieChart } from '../svg/svg-pie-chart.js';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:2rem;color:#1f2937}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}
table{border-collapse:collapse;font-size:.85rem;margin-bottom:1rem}th,td{border:1px solid #e5e7eb;padding:.25rem .5rem;text-align:left;white-space:pre}
th{background:#f3f4f6}tfoot td{font-weight:600;background:#f9fafb}td.number{text-align:right}
.side-by-side{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(480px,100%),1fr));gap:2rem;align-items:start}.side-by-side>section{min-width:0}
svg{max-width:100%;height:auto}@media (max-width:600px){body{margin:1rem}}
.scroll{overflow-x:auto;max-width:100%}details.page summary{cursor:pointer;color:#374151;margin:.3rem 0}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}.note{color:#6b7280;font-size:.85rem}`;

function chartSvg(chart: ReportChart): string {
  const first = chart.series[0]?.points ?? [];
  switch (chart.kind) {
    case 'bar':
      return barChart(chart.name, chart.title, first);
    case 'pie':
      return pieChart(chart.name, chart.title, first);
    case 'line':
      return lineChart(chart.name, chart.title, chart.series);
  }
}

const cell = (value: string | number, tag: 'td' | 'th' = 'td') =>
  `<${tag}${alignsRight(value) ? ' class="number"' : ''}>${escapeHtml(typeof value === 'number' ? value.toLocaleString('en-US') : value)}</${tag}>`;

/** Rows per page of a long table (the detail report): one page open, the others a click away, no script. */
export const HTML_PAGE_ROWS = 200;

function tableHtml(words: ReportWords, table: ReportTable): string {
  const head = `<thead><tr>${table.columns.map((column) => cell(column, 'th')).join('')}</tr></thead>`;
  const body = (rows: ReportTable['rows']) => `<tbody>\n${rows.map((row) => `<tr>${row.map((value) => cell(value)).join('')}</tr>`).join('\n')}\n</tbody>`;
  const foot = table.totals ? `<tfoot><tr>${table.totals.map((value) => cell(value)).join('')}</tr></tfoot>` : '';
  const title = `<h3>${escapeHtml(table.title)}</h3>`;
  if (table.rows.length <= HTML_PAGE_ROWS) return `${title}<div class="scroll"><table data-table="${escapeHtml(table.name)}">${head}${body(table.rows)}${foot}</table></div>`;
  // A closed <details> lays out nothing: the page stays short however many rows the report holds.
  const pages = Math.ceil(table.rows.length / HTML_PAGE_ROWS);
  const parts = Array.from({ length: pages }, (_, index) => {
    const rows = table.rows.slice(index * HTML_PAGE_ROWS, (index + 1) * HTML_PAGE_ROWS);
    const label = `${words.term('pageOf', { page: index + 1, pages })} · ${(index * HTML_PAGE_ROWS + 1).toLocaleString('en-US')}–${(index * HTML_PAGE_ROWS + rows.length).toLocaleString('en-US')}`;
    return `<details class="page"${index === 0 ? ' open' : ''}><summary>${escapeHtml(label)}</summary><div class="scroll"><table data-table="${escapeHtml(table.name)}" data-page="${index + 1}">${head}${body(rows)}${index === pages - 1 ? foot : ''}</table></div></details>`;
  });
  return title + parts.join('\n');
}

function sectionHtml(words: ReportWords, section: ReportSection): string {
  const charts = section.charts.map((chart) => `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>${chartSvg(chart)}</figure>`);
  return (
    `<section${section.source === undefined ? '' : ` data-source="${escapeHtml(section.source)}"`}><h2>${escapeHtml(section.title)}</h2>` +
    section.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('') +
    (charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '') +
    section.tables.map((table) => tableHtml(words, table)).join('\n') +
    '</section>'
  );
}

/** A report as one self-contained HTML page with inline SVG charts; several sources side by side. No scripts, no network. */
export function renderReportHtml(report: ReportDocument): string {
  const lang: DocumentLang = report.lang ?? 'both';
  const words = reportWords(lang);
  const sources = report.sources.map((source) => `${source.name} (${source.erp})`).join(', ');
  const sections = report.sections.map((section) => sectionHtml(words, section)).join('\n');
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head>
<body data-template="${escapeHtml(report.template)}">
<h1>${escapeHtml(report.title)}</h1>
<p class="note">${escapeHtml(words.term('sources'))}: ${escapeHtml(sources)} · ${escapeHtml(words.term('generated'))}: ${escapeHtml(report.generatedAt)} · custcode</p>
<p class="note">${escapeHtml(words.term('filters'))}: ${escapeHtml(report.filters.length > 0 ? report.filters.join('; ') : words.term('noFilters'))}</p>
${report.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n')}
${report.comparison ? sectionHtml(words, report.comparison) : ''}
${report.sections.length > 1 ? `<div class="side-by-side">${sections}</div>` : sections}
</body></html>
`;
}
