import type { AuditReport, FindingKind } from '@custcode/audit';
import { type Lang, translate } from '@custcode/core/messages';
import { renderTable } from '../../output/table.js';
import { escapeControls } from '../../output/terminal-text.js';

/** How many findings of each kind the console shows; the JSON and HTML reports have all. */
export const CONSOLE_FINDINGS = 5;

const KINDS: readonly FindingKind[] = ['duplicates', 'missing', 'gaps', 'formatViolations', 'garbled', 'invalidTaxIds', 'nearDuplicates'];

/** The catalogue's name of a finding kind; lower case in English, as the table's other words. */
function label(lang: Lang, kind: FindingKind): string {
  const term = translate(lang, `kind.${kind}`);
  return lang === 'en' ? term.charAt(0).toLowerCase() + term.slice(1) : term;
}

const quote = (value: string) => JSON.stringify(value);
/** Rule messages are sentences, inferred reasons are phrases: one `; `-separated line either way. */
const reasonsLine = (reasons: readonly string[]) => reasons.map((reason) => reason.replace(/\.$/, '')).join('; ');
const clip = (value: string, length = 60) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

/** One line per finding, short enough for a terminal. */
const lines = (lang: Lang): { [Kind in FindingKind]: (item: AuditReport[Kind][number]) => string } => ({
  duplicates: (item) => `${item.code}${item.org ? translate(lang, 'cli.audit.org', { org: item.org }) : ''}: ${item.records.map(quote).join(', ')}`,
  missing: (item) => `#${item.index} ${clip(item.name)}${item.rowId ? translate(lang, 'cli.audit.row', { row: item.rowId }) : ''}`,
  gaps: (item) => `${item.prefix} ${item.from === item.to ? item.from : `${item.from}–${item.to}`}${item.legitimate ? translate(lang, 'cli.audit.allowed') : ''}`,
  formatViolations: (item) => `${quote(item.code)}: ${reasonsLine(item.reasons)}`,
  garbled: (item) => `${item.code} ${item.field} ${quote(clip(item.value, 40))} (${item.kind})${item.repair ? ` → ${item.repair}` : ''}`,
  invalidTaxIds: (item) => `${item.code} ${item.taxId}: ${item.reasons[0] ?? ''}`,
  nearDuplicates: (item) => `${item.codes.join(' ~ ')} (${item.reason}, ${item.score}): ${clip(item.names.join(' / '))}`,
});

function detail(lang: Lang, kind: FindingKind, report: AuditReport): string {
  const { summary } = report;
  if (kind === 'duplicates') return translate(lang, 'cli.audit.duplicateRecords', { n: summary.duplicateRecords });
  if (kind === 'gaps') return translate(lang, 'cli.audit.gapDetail', { missing: summary.missingSerials, allowed: summary.legitimateGaps });
  return '';
}

/** The summary table and the first findings of each kind, in `lang` (the findings' own reasons stay as the audit wrote them). */
export function renderAuditConsole(report: AuditReport, lang: Lang = 'en'): string {
  const { summary } = report;
  const basis = summary.rule
    ? translate(lang, 'cli.audit.rule', { rule: summary.rule })
    : summary.inferredPattern
      ? translate(lang, 'cli.audit.inferred', { pattern: summary.inferredPattern.description })
      : translate(lang, 'cli.audit.noRule');
  const heading = translate(lang, 'cli.audit.heading', { source: report.source || translate(lang, 'cli.audit.records'), total: report.total.toLocaleString('en-US'), basis });
  let text = `${escapeControls(heading)}\n\n`;
  text += renderTable(
    [translate(lang, 'cli.audit.finding'), translate(lang, 'cli.audit.count'), translate(lang, 'cli.audit.detail')],
    KINDS.map((kind) => [label(lang, kind), report[kind].length.toLocaleString('en-US'), detail(lang, kind, report)]),
  );
  const format = lines(lang);
  for (const kind of KINDS) {
    const items = report[kind] as ReadonlyArray<AuditReport[typeof kind][number]>;
    if (items.length === 0) continue;
    const shown = items.slice(0, CONSOLE_FINDINGS);
    const values = { label: label(lang, kind), shown: shown.length, total: items.length };
    text += `\n${translate(lang, shown.length < items.length ? 'cli.audit.firstOf' : 'cli.audit.all', values)}\n`;
    const line = format[kind] as (item: (typeof items)[number]) => string;
    for (const item of shown) text += `  ${escapeControls(line(item))}\n`;
  }
  return text;
}
