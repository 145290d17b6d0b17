import { barChart, columnChart, escapeHtml } from '@custcode/audit';
import type { MatchResult, MatchedRecordView } from '../match-types.js';

export interface MatchHtmlOptions {
  /** Page title (default: `Cross-ERP customer matching 跨系统客户匹配 — SOURCES`). */
  title?: string;
  /** Shown in the header (default: now); pass a fixed value for reproducible files. */
  generatedAt?: string;
  /** Rows of the review and cluster tables (default 1,000); the CSV files have the rest. */
  maxRows?: number;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2937;max-width:1200px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}.note{color:#6b7280;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #e5e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top;word-break:break-all}
th{background:#f3f4f6}.charts{display:flex;flex-wrap:wrap;gap:2rem}.charts figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}
.summary{width:auto}.summary td:first-child{font-weight:600}td.side{width:40%}td.side div{white-space:nowrap}.muted{color:#6b7280}`;

/** Bilingual heading: English first, Chinese after it. */
const label = (en: string, zh: string) => `${escapeHtml(en)} ${escapeHtml(zh)}`;

/** A self-contained page (no network): summary, clusters by size, the score histogram, the review list side by side, the largest clusters. */
export function renderMatchHtml(result: MatchResult, options: MatchHtmlOptions = {}): string {
  const { summary } = result;
  const sources = Object.keys(summary.sources);
  const title = options.title ?? `Cross-ERP customer matching 跨系统客户匹配 — ${sources.join(', ')}`;
  const maxRows = options.maxRows ?? 1000;
  const bySize = new Map<number, number>();
  for (const cluster of result.clusters) bySize.set(cluster.members.length, (bySize.get(cluster.members.length) ?? 0) + 1);
  const sizeBars = [...bySize].sort(([a], [b]) => a - b).map(([size, count]) => ({ label: String(size), value: count }));
  const histogram = summary.scoreHistogram.map((count, tenth) => ({ label: `${tenth / 10}–${(tenth + 1) / 10}`, value: count }));
  const rows: Array<[string, string]> = [
    [label('Records', '记录'), sources.map((name) => `${name}: ${summary.sources[name]}`).join(', ')],
    [label('Global customers', '全局客户'), String(summary.clusters)],
    [label('In two or more sources', '跨系统客户'), String(summary.crossSourceClusters)],
    [label('Candidate pairs scored', '候选对'), String(summary.candidatePairs)],
    [label('Linked by', '关联依据'), Object.entries(summary.linkedBy).filter(([, count]) => count > 0).map(([kind, count]) => `${kind}: ${count}`).join(', ') || '—'],
    [label('To review', '待复核'), String(summary.review)],
    [label('Weights', '权重'), summary.weights.estimated ? `estimated by EM 期望最大化估计 (${summary.weights.iterations} iterations), λ = ${summary.weights.lambda.toFixed(4)}` : 'given 指定'],
  ];
  const largest = [...result.golden].sort((a, b) => b.members.length - a.members.length || (a.globalId < b.globalId ? -1 : 1)).filter((record) => record.members.length > 1).slice(0, maxRows);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">Generated ${escapeHtml(options.generatedAt ?? new Date().toISOString())} by custcode. Nothing was changed in the ERP. 只读，未修改任何 ERP 数据。</p>
<table class="summary"><tbody>${rows.map(([name, value]) => `<tr><td>${name}</td><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>
<div class="charts">
<figure><figcaption>${label('Clusters by size (records)', '按记录数的客户簇')}</figcaption>${columnChart('cluster-sizes', 'Clusters by size', sizeBars, 'records per global customer 每个全局客户的记录数')}</figure>
<figure><figcaption>${label('Scored pairs by match probability', '匹配概率分布')}</figcaption>${barChart('score-histogram', 'Match probability', histogram)}</figure>
</div>
<h2>${label('To review', '待复核')} <span class="muted">(${result.review.length})</span></h2>
<p class="note">Fill the decision column of review.csv with confirm or reject and pass it with --decisions. 在 review.csv 的 decision 列填写 confirm（确认）或 reject（拒绝），再用 --decisions 传入。</p>
${result.review.length === 0 ? '<p class="note">Nothing to review. 无待复核记录。</p>' : `<table data-kind="review"><thead><tr><th>${label('Probability', '概率')}</th><th>A</th><th>B</th><th>${label('Fields', '字段比较')}</th></tr></thead><tbody>
${result.review.slice(0, maxRows).map((pair) => `<tr><td>${pair.probability.toFixed(3)}</td><td class="side">${side(pair.a)}</td><td class="side">${side(pair.b)}</td><td>${escapeHtml(pair.detail)}</td></tr>`).join('\n')}
</tbody></table>`}
<h2>${label('Customers in several records', '多记录客户')} <span class="muted">(${largest.length})</span></h2>
<table data-kind="clusters"><thead><tr><th>${label('Global id', '全局编号')}</th><th>${label('Name', '名称')}</th><th>${label('Tax id', '税号')}</th><th>${label('Records', '记录')}</th></tr></thead><tbody>
${largest.map((record) => `<tr><td>${escapeHtml(record.globalId)}</td><td>${escapeHtml(record.fields.name.value)} <span class="muted">${escapeHtml(record.fields.name.from)}</span></td><td>${escapeHtml(record.fields.taxId.value)}</td><td>${escapeHtml(record.members.map((member) => `${member.source}:${member.code}${member.org === '' ? '' : `@${member.org}`}`).join(', '))}</td></tr>`).join('\n')}
</tbody></table>
</body></html>
`;
}

function side(record: MatchedRecordView): string {
  const line = (name: string, value: string) => (value === '' ? '' : `<div><span class="muted">${escapeHtml(name)}</span> ${escapeHtml(value)}</div>`);
  return [
    line('', `${record.source}:${record.code}${record.org === '' ? '' : `@${record.org}`} (${record.globalId})`),
    line('名称', record.name),
    line('税号', record.taxId),
    line('电话', record.phone),
    line('地址', record.address),
    line('地区', record.region),
  ].join('');
}
