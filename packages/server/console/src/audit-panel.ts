/** The audit summary, and the audit's own full HTML report in a sandboxed frame (its style and script are allowed by hash in the CSP). */
import { errorMessageKey, request, sourcePath } from './api.js';
import { byId, h, replaceChildren } from './dom.js';
import { formatCount } from './format.js';
import type { MessageKey } from './messages.js';
import { showFindings } from './list-page.js';
import { type RecordKey, state, t } from './state.js';

const KINDS = ['duplicates', 'missing', 'gaps', 'formatViolations', 'garbled', 'invalidTaxIds', 'nearDuplicates'] as const;
type Kind = (typeof KINDS)[number];
type Summary = {
  source: string;
  total: number;
  summary: Record<Kind, number>;
  duplicates: Array<{ records: string[]; org: string | null }>;
  missing: Array<{ stored: string | null; org: string | null }>;
  formatViolations: Array<{ code: string }>;
  garbled: Array<{ code: string }>;
  invalidTaxIds: Array<{ code: string }>;
  nearDuplicates: Array<{ codes: string[] }>;
};

/** The records a finding kind names, as the record route addresses them; gaps name serials, not records. */
export function findingKeys(report: Summary, kind: Kind): RecordKey[] {
  const unique = (codes: string[]) => [...new Set(codes)].map((code) => ({ code }));
  switch (kind) {
    case 'duplicates':
      return report.duplicates.flatMap((finding) => finding.records.map((code) => ({ code, ...(finding.org === null ? {} : { org: finding.org }) })));
    case 'missing': {
      const seen = new Map<string, number>();
      return report.missing.map((finding) => {
        const code = finding.stored ?? '';
        const key = JSON.stringify([code, finding.org]);
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        return { code, occurrence, ...(finding.org === null ? {} : { org: finding.org }) };
      });
    }
    case 'formatViolations':
    case 'garbled':
    case 'invalidTaxIds':
      return unique(report[kind].map((finding) => finding.code));
    case 'nearDuplicates':
      return unique(report.nearDuplicates.flatMap((finding) => finding.codes));
    default:
      return [];
  }
}

let shown: { source: string; report?: Summary; error?: unknown; html?: string } | undefined;

export function closeAudit(): void {
  shown = undefined;
  byId('audit-report').hidden = true;
}

export async function runAudit(): Promise<void> {
  const source = state.source;
  shown = { source };
  renderAudit();
  try {
    const report = (await (await request(sourcePath(source, '/audit'), { method: 'POST', body: '{}' })).json()) as Summary;
    if (shown?.source === source) shown = { source, report };
  } catch (error) {
    if (shown?.source === source) shown = { source, error };
  }
  renderAudit();
}

async function showFullReport(): Promise<void> {
  const current = shown;
  if (!current?.report) return;
  try {
    current.html = await (await request(sourcePath(current.source, `/audit?format=html&lang=${state.lang === 'en' ? 'en' : 'zh'}`), { method: 'POST', body: '{}' })).text();
  } catch (error) {
    current.error = error;
  }
  renderAudit();
}

export function renderAudit(): void {
  const box = byId('audit-report');
  if (!shown) return;
  box.hidden = false;
  const { report, error, html } = shown;
  const parts: Node[] = [h('h2', {}, `${t('audit')} — ${shown.source}`)];
  if (!report && !error) parts.push(h('p', { role: 'status' }, t('auditRunning')));
  if (error) parts.push(h('p', { class: 'error' }, t(errorMessageKey(error))));
  if (report) {
    const rows = [h('tr', {}, h('th', { scope: 'row' }, t('records')), h('td', { 'data-kind': 'total' }, formatCount(report.total, state.lang)))];
    for (const kind of KINDS) {
      const count = formatCount(report.summary[kind], state.lang);
      const keys = findingKeys(report, kind);
      let shown: Node = document.createTextNode(count);
      if (keys.length > 0) {
        const button = h('button', { type: 'button', class: 'count', 'data-kind': kind }, count);
        button.addEventListener('click', () => void showFindings(kind, keys));
        shown = button;
      }
      rows.push(h('tr', {}, h('th', { scope: 'row' }, t(`kind.${kind}` as MessageKey)), h('td', { 'data-kind': kind }, shown)));
    }
    parts.push(h('table', { class: 'fields' }, h('tbody', {}, ...rows)), h('p', { class: 'hint' }, t('auditCountHint')));
    if (html === undefined) {
      const full = h('button', { type: 'button', id: 'audit-full' }, t('fullReport'));
      full.addEventListener('click', () => {
        full.disabled = true;
        void showFullReport();
      });
      parts.push(full);
    }
  }
  replaceChildren(box, ...parts);
  if (html !== undefined) {
    // Sandboxed without same-origin: the report's script runs but cannot reach this page, its storage or the API key.
    const frame = h('iframe', { id: 'audit-frame', title: t('fullReport'), sandbox: 'allow-scripts' });
    frame.srcdoc = html;
    box.append(frame);
  }
}
