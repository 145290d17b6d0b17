import { stringify } from 'csv-stringify/sync';
import { cellGuard, type CsvCellOptions } from '@custcode/export';
import { compileRule } from '@custcode/rules';
import type { CompiledRule, RuleInput } from '@custcode/rules';
import type { SequenceStore } from '@custcode/rules';
import type { AuditReport } from './audit-types.js';
import { codeShape } from './code-shape.js';
import { ALL_DIGITS_TEMPLATE } from './inferred-pattern.js';
import { createPreviewSequenceStore } from '@custcode/rules';

export type FixAction = 'recode-duplicate' | 'assign-code' | 'merge-candidate';

/** One proposed change. Nothing is applied: the plan is for people to review. */
export interface FixPlanRow {
  action: FixAction;
  /** The code as stored ('' for a missing code). */
  code: string;
  /** New code proposed by the generator, '' when none could be made. */
  proposedCode: string;
  /** The code to keep: the first record of a duplicate, or the merge target. */
  keepCode: string;
  name: string;
  rowId: string;
  org: string;
  reason: string;
  score: string;
}

export interface FixPlanOptions {
  /** The numbering rule that proposes new codes; without one, the inferred pattern continues its longest series. */
  rule?: RuleInput | CompiledRule;
  /** A real sequence store: only peeked at, so proposals start after what it would hand out. */
  store?: SequenceStore;
  /** Date used for date parts of new codes (default: now). */
  date?: Date | string;
}

type Proposer = (org: string | null) => Promise<{ code: string } | { note: string }>;

/**
 * Turns an audit into a change proposal: a new code for every duplicate beyond the first and for every
 * missing code, and the merge candidates found among near-duplicates.
 */
export async function buildFixPlan(report: AuditReport, options: FixPlanOptions = {}): Promise<FixPlanRow[]> {
  const propose = proposer(report, options);
  const rows: FixPlanRow[] = [];
  const withProposal = async (row: Omit<FixPlanRow, 'proposedCode'>, org: string | null): Promise<FixPlanRow> => {
    const proposal = await propose(org);
    return 'code' in proposal ? { ...row, proposedCode: proposal.code } : { ...row, proposedCode: '', reason: `${row.reason}; ${proposal.note}` };
  };
  for (const group of report.duplicates) {
    for (let index = 1; index < group.records.length; index++) {
      rows.push(await withProposal({
        action: 'recode-duplicate', code: group.records[index]!, keepCode: group.records[0]!, name: group.names[index] ?? '',
        rowId: group.rowIds[index] ?? '', org: group.org ?? '', reason: `same code as ${group.records[0]!} after normalisation`, score: '',
      }, group.org));
    }
  }
  for (const missing of report.missing) {
    rows.push(await withProposal({
      action: 'assign-code', code: missing.stored ?? '', keepCode: '', name: missing.name, rowId: missing.rowId ?? `#${missing.index}`,
      org: missing.org ?? '', reason: 'missing code', score: '',
    }, missing.org));
  }
  for (const group of report.nearDuplicates) {
    for (let index = 1; index < group.codes.length; index++) {
      rows.push({
        action: 'merge-candidate', code: group.codes[index]!, proposedCode: '', keepCode: group.codes[0]!, name: group.names[index] ?? '',
        rowId: '', org: '', reason: group.reason, score: String(group.score),
      });
    }
  }
  return rows;
}

function proposer(report: AuditReport, options: FixPlanOptions): Proposer {
  const rule = options.rule === undefined ? undefined : typeof options.rule === 'object' && 'generate' in options.rule ? options.rule : compileRule(options.rule as RuleInput);
  if (rule) {
    const highest = new Map(report.summary.serialCoverage.map((series) => [series.prefix, series.last] as const));
    const store = createPreviewSequenceStore(highest, options.store);
    const date = options.date ?? new Date();
    return async (org) => {
      try {
        return { code: (await rule.generate({ date, ...(org === null ? {} : { org }) }, store)).code };
      } catch (error) {
        return { note: `no code proposed: ${(error as Error).message}` };
      }
    };
  }
  const template = report.summary.inferredPattern?.template;
  const series = [...report.summary.serialCoverage].sort((a, b) => b.present - a.present)[0];
  if (template === ALL_DIGITS_TEMPLATE && series?.prefix === '') {
    let nextNumber = series.last + 1;
    return async () => ({ code: String(nextNumber++) });
  }
  const width = template === undefined || series === undefined ? -1 : template.length - series.prefix.length;
  if (template === undefined || series === undefined || width <= 0 || codeShape(series.prefix).template + '9'.repeat(width) !== template) {
    return async () => ({ note: 'no code proposed: pass a rule (--rule) to generate codes' });
  }
  let next = series.last + 1;
  return async () => {
    const serial = String(next++).padStart(width, '0');
    return serial.length > width ? { note: 'no code proposed: the inferred series is full' } : { code: series.prefix + serial };
  };
}

const COLUMNS: Array<[keyof FixPlanRow, string]> = [
  ['action', 'action'], ['code', 'code'], ['proposedCode', 'proposed_code'], ['keepCode', 'keep_code'], ['name', 'name'],
  ['rowId', 'row_id'], ['org', 'org'], ['reason', 'reason'], ['score', 'score'],
];

/** The fix plan as CSV text (UTF-8 with BOM, so Excel opens Chinese names correctly); formulas escaped unless turned off. */
export function fixPlanCsv(rows: readonly FixPlanRow[], options: CsvCellOptions = {}): string {
  const guard = cellGuard(options);
  return stringify(rows.map((row) => COLUMNS.map(([key]) => guard(row[key]))), {
    bom: true,
    header: true,
    columns: COLUMNS.map(([, header]) => header),
  });
}
