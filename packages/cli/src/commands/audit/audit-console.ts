import type { AuditReport, FindingKind } from '@custcode/audit';
import { renderTable } from '../../output/table.js';
import { escapeControls } from '../../output/terminal-text.js';

/** How many findings of each kind the console shows; the JSON and HTML reports have all. */
export const CONSOLE_FINDINGS = 5;

const LABELS: Record<FindingKind, string> = {
  duplicates: 'duplicate codes',
  missing: 'missing codes',
  gaps: 'serial gaps',
  formatViolations: 'format violations',
  garbled: 'garbled text',
  invalidTaxIds: 'invalid tax ids',
  nearDuplicates: 'near-duplicates',
};

const quote = (value: string) => JSON.stringify(value);
/** Rule messages are sentences, inferred reasons are phrases: one `; `-separated line either way. */
const reasonsLine = (reasons: readonly string[]) => reasons.map((reason) => reason.replace(/\.$/, '')).join('; ');
const clip = (value: string, length = 60) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

/** One line per finding, short enough for a terminal. */
const LINES: { [Kind in FindingKind]: (item: AuditReport[Kind][number]) => string } = {
  duplicates: (item) => `${item.code}${item.org ? ` (org ${item.org})` : ''}: ${item.records.map(quote).join(', ')}`,
  missing: (item) => `#${item.index} ${clip(item.name)}${item.rowId ? ` (row ${item.rowId})` : ''}`,
  gaps: (item) => `${item.prefix} ${item.from === item.to ? item.from : `${item.from}–${item.to}`}${item.legitimate ? ' (allowed by the rule)' : ''}`,
  formatViolations: (item) => `${quote(item.code)}: ${reasonsLine(item.reasons)}`,
  garbled: (item) => `${item.code} ${item.field} ${quote(clip(item.value, 40))} (${item.kind})${item.repair ? ` → ${item.repair}` : ''}`,
  invalidTaxIds: (item) => `${item.code} ${item.taxId}: ${item.reasons[0] ?? ''}`,
  nearDuplicates: (item) => `${item.codes.join(' ~ ')} (${item.reason}, ${item.score}): ${clip(item.names.join(' / '))}`,
};

function detail(kind: FindingKind, report: AuditReport): string {
  const { summary } = report;
  if (kind === 'duplicates') return `${summary.duplicateRecords} records`;
  if (kind === 'gaps') return `${summary.missingSerials} serials missing; ${summary.legitimateGaps} gaps allowed by the rule`;
  return '';
}

/** The summary table and the first findings of each kind. */
export function renderAuditConsole(report: AuditReport): string {
  const { summary } = report;
  const kinds = Object.keys(LABELS) as FindingKind[];
  const basis = summary.rule ? `rule ${summary.rule}` : summary.inferredPattern ? `no rule; inferred pattern ${summary.inferredPattern.description}` : 'no rule';
  let text = `${escapeControls(`Audit of ${report.source || 'records'}: ${report.total.toLocaleString('en-US')} records (${basis})`)}\n\n`;
  text += renderTable(
    ['finding', 'count', 'detail'],
    kinds.map((kind) => [LABELS[kind], report[kind].length.toLocaleString('en-US'), detail(kind, report)]),
  );
  for (const kind of kinds) {
    const items = report[kind] as ReadonlyArray<AuditReport[typeof kind][number]>;
    if (items.length === 0) continue;
    const shown = items.slice(0, CONSOLE_FINDINGS);
    text += `\n${LABELS[kind]} (${shown.length < items.length ? `first ${shown.length} of ` : ''}${items.length}):\n`;
    const line = LINES[kind] as (item: (typeof items)[number]) => string;
    for (const item of shown) text += `  ${escapeControls(line(item))}\n`;
  }
  return text;
}
