import { type Lang, translate } from '@custcode/core/messages';
import { FINDING_KINDS, type AuditReport } from '../audit-types.js';
import { escapeHtml } from './escape-html.js';
import { findingsTable } from './findings-tables.js';
import { barChart, columnChart, coverageChart } from './svg-charts.js';

export interface AuditHtmlOptions {
  /** Page title (default: `Customer code audit — SOURCE`). */
  title?: string;
  /** Shown in the header (default: now); pass a fixed value for reproducible files. */
  generatedAt?: string;
  /** Rows per findings table (default 2,000); the JSON report has the rest. */
  maxRows?: number;
  /** Language of every word on the page (default `en`); the style and script are the same in both. */
  lang?: Lang;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2937;max-width:1200px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}.count{color:#6b7280;font-weight:normal}
@media (max-width:600px){body{margin:1rem}.filter{width:100%;box-sizing:border-box}}
.scroll{overflow-x:auto;max-width:100%}svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #e5e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top;white-space:pre-wrap;word-break:normal;overflow-wrap:break-word}
td.code{overflow-wrap:anywhere}
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
    shown.textContent = shown.dataset.template.replace('{n}', visible);
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
  const lang = options.lang ?? 'en';
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(lang, key, values);
  const { summary } = report;
  const title = options.title ?? t('audit.title', { source: report.source || t('records') });
  const counts = FINDING_KINDS.map((kind) => ({ label: t(`kind.${kind}`), value: report[kind].length }));
  const inferred = summary.inferredPattern ? t('audit.ruleInferred', { pattern: summary.inferredPattern.description }) : t('audit.ruleNone');
  const summaryRows: Array<[string, string | number]> = [
    [t('audit.source'), report.source || '—'],
    [t('records'), report.total],
    [t('audit.rule'), summary.rule ?? inferred],
    ...counts.map((count): [string, number] => [count.label, count.value]),
    [t('audit.missingSerials'), summary.missingSerials],
    [t('audit.legitimateGaps'), summary.legitimateGaps],
  ];
  const charts = [
    figure(t('audit.findingsByKind'), barChart('findings-by-kind', t('audit.findingsByKind'), counts, '#dc2626')),
    figure(t('audit.codeLength'), columnChart('code-lengths', t('audit.codeLength'), Object.entries(summary.codeLengths).map(([label, value]) => ({ label, value })), t('audit.codeLengthAxis'))),
    figure(t('audit.prefixes'), barChart('prefixes', t('audit.prefixes'), summary.prefixes.map((item) => ({ label: item.prefix || t('audit.digitsOnly'), value: item.count })))),
    figure(t('audit.coverage'), coverageChart('serial-coverage', t('audit.coverage'), summary.serialCoverage, report.gaps, 40, lang)),
  ];
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(t('audit.generatedNote', { at: options.generatedAt ?? new Date().toISOString() }))}</p>
<table class="summary" data-summary="true"><tbody>${summaryRows.map(([label, value]) => `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>
<div class="charts">${charts.join('\n')}</div>
${FINDING_KINDS.map((kind) => findingsTable(kind, report, options.maxRows ?? 2000, lang)).join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}

function figure(caption: string, chart: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${chart}</figure>`;
}
