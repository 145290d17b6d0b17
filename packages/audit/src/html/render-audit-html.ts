import { FINDING_KINDS, type AuditReport, type FindingKind } from '../audit-types.js';
import { escapeHtml } from './escape-html.js';
import { findingsTable, TABLES } from './findings-tables.js';
import { barChart, columnChart, coverageChart } from './svg-charts.js';

export interface AuditHtmlOptions {
  /** Page title (default: `Customer code audit — SOURCE`). */
  title?: string;
  /** Shown in the header (default: now); pass a fixed value for reproducible files. */
  generatedAt?: string;
  /** Rows per findings table (default 2,000); the JSON report has the rest. */
  maxRows?: number;
}

const SHORT_LABELS: Record<FindingKind, string> = {
  duplicates: 'Duplicates', missing: 'Missing', gaps: 'Gaps', formatViolations: 'Format', garbled: 'Garbled',
  invalidTaxIds: 'Tax ids', nearDuplicates: 'Near-duplicates',
};

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2937;max-width:1200px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}.count{color:#6b7280;font-weight:normal}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #e5e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top;white-space:pre-wrap;word-break:break-all}
th{background:#f3f4f6}tr.hidden{display:none}.charts{display:flex;flex-wrap:wrap;gap:2rem}.charts figure{margin:0}
figcaption{font-weight:600;margin-bottom:.3rem}.filter{padding:.3rem;width:20rem;margin-bottom:.3rem}.note,.shown,.none{color:#6b7280;font-size:.85rem}
.summary td:first-child{font-weight:600}.summary{width:auto}`;

// Filters rows by the text typed; no data is embedded in the script, so nothing in it needs escaping.
const SCRIPT = `
for (const input of document.querySelectorAll('input.filter')) {
  const kind = input.dataset.filter;
  const rows = document.querySelectorAll('table[data-kind="' + kind + '"] tbody tr');
  const shown = document.querySelector('[data-shown="' + kind + '"]');
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    let visible = 0;
    for (const row of rows) {
      const match = query === '' || row.textContent.toLowerCase().includes(query);
      row.classList.toggle('hidden', !match);
      if (match) visible++;
    }
    shown.textContent = visible + ' shown';
  });
}
// A link such as audit.html#filter=garbled:latin1 opens with that filter applied.
const preset = /^#filter=([A-Za-z]+):(.*)$/.exec(location.hash);
const presetInput = preset && document.querySelector('input[data-filter="' + preset[1] + '"]');
if (presetInput) {
  presetInput.value = decodeURIComponent(preset[2]);
  presetInput.dispatchEvent(new Event('input'));
}
document.body.dataset.ready = 'true';`;

/** The audit as one self-contained HTML page: summary, inline SVG charts, searchable findings tables. No network. */
export function renderAuditHtml(report: AuditReport, options: AuditHtmlOptions = {}): string {
  const { summary } = report;
  const title = options.title ?? `Customer code audit — ${report.source || 'records'}`;
  const counts = FINDING_KINDS.map((kind) => ({ label: TABLES[kind].title, value: report[kind].length }));
  const chartCounts = FINDING_KINDS.map((kind) => ({ label: SHORT_LABELS[kind], value: report[kind].length }));
  const summaryRows: Array<[string, string | number]> = [
    ['Source', report.source || '—'],
    ['Records', report.total],
    ['Rule', summary.rule ?? (summary.inferredPattern ? `none — inferred pattern ${summary.inferredPattern.description}` : 'none')],
    ...counts.map((count): [string, number] => [count.label, count.value]),
    ['Missing serials (errors)', summary.missingSerials],
    ['Gaps allowed by the rule', summary.legitimateGaps],
  ];
  const charts = [
    figure('Findings by kind', barChart('findings-by-kind', 'Findings by kind', chartCounts, '#dc2626')),
    figure('Code length', columnChart('code-lengths', 'Code length histogram', Object.entries(summary.codeLengths).map(([label, value]) => ({ label, value })), 'characters per code')),
    figure('Code prefixes', barChart('prefixes', 'Prefix distribution', summary.prefixes.map((item) => ({ label: item.prefix || '(digits)', value: item.count })))),
    figure('Serial coverage', coverageChart('serial-coverage', 'Serial coverage with gaps', summary.serialCoverage, report.gaps)),
  ];
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">Generated ${escapeHtml(options.generatedAt ?? new Date().toISOString())} by custcode. Nothing was changed in the ERP.</p>
<table class="summary" data-summary="true"><tbody>${summaryRows.map(([label, value]) => `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>
<div class="charts">${charts.join('\n')}</div>
${FINDING_KINDS.map((kind) => findingsTable(kind, report, options.maxRows ?? 2000)).join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}

function figure(caption: string, chart: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${chart}</figure>`;
}
