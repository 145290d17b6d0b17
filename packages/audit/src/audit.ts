import { compileRule } from '@custcode/rules';
import type { RuleInput } from '@custcode/rules';
import type { AuditInput, AuditRecord, AuditReport, GarbledFinding, InvalidTaxIdFinding, MissingFinding } from './audit-types.js';
import { comparableCode, withoutAlphaZeros } from './code-key.js';
import { CodeLedger } from './code-ledger.js';
import { CodeProfile } from './code-profile.js';
import { prefixLength, sharedSlice } from './code-shape.js';
import { type AuditRule, inferredFormatChecks, ruleFormatChecks } from './format-checks.js';
import { findNearDuplicates, type NameRecord, type NearDuplicateOptions } from './near-duplicates.js';
import { garbledFields, invalidTaxId } from './record-checks.js';
import { createRowIdReader } from './row-id.js';
import { looksMasked } from '@custcode/access';
import { compactTaxId, taxIdLinkKey } from './tax-id-check.js';

export type { AuditRule } from './format-checks.js';

export interface AuditOptions {
  /** Source name for the report (default: the first record's `source`, else ''). */
  source?: string;
  /**
   * A numbering rule (pattern such as `KH{YYYY}{seq:4}`, preset, or compiled rule): format checks and
   * gaps follow it instead of the pattern inferred from the data.
   */
  rule?: RuleInput | AuditRule;
  /** Near-duplicate detection: `false` skips it (the only check that is not linear). */
  nearDuplicates?: boolean | NearDuplicateOptions;
  /** Called every 10,000 records with the count read so far. */
  onProgress?: (records: number) => void;
}

/**
 * Audits customer records in one pass: duplicates, missing codes, serial gaps, format violations,
 * garbled text, invalid tax ids and near-duplicates. Takes a source's `search()` stream or any
 * iterable; memory grows with the codes and names kept for the cross-record checks, not with rows.
 */
export async function audit(customers: AuditInput, options: AuditOptions = {}): Promise<AuditReport> {
  const rule = toAuditRule(options.rule);
  const format = rule ? ruleFormatChecks(rule) : inferredFormatChecks();
  const ledger = new CodeLedger();
  const profile = new CodeProfile();
  const missing: MissingFinding[] = [];
  const garbled: GarbledFinding[] = [];
  const invalidTaxIds: InvalidTaxIdFinding[] = [];
  const nameRecords: NameRecord[] = [];
  const nearDuplicatesWanted = options.nearDuplicates !== false;
  const rowIdOf = createRowIdReader();
  let source = options.source;
  let lastPrefix = '';
  let index = 0;

  const visit = (record: AuditRecord): void => {
    source ??= typeof (record as { source?: unknown }).source === 'string' ? (record as { source: string }).source : undefined;
    const stored = typeof record.code === 'string' ? record.code : null;
    const name = typeof record.name === 'string' ? record.name : '';
    const rowId = rowIdOf(record.raw);
    const comparable = stored === null ? '' : comparableCode(stored);
    const key = withoutAlphaZeros(comparable);
    const garbledBefore = garbled.length;
    garbledFields(record, stored ?? '', garbled);
    // A role that masks tax ids or names (custcode access rules) leaves values that cannot be checked: skip them.
    const taxCompact = typeof record.taxId === 'string' && !looksMasked(record.taxId) ? compactTaxId(record.taxId) : '';
    const taxProblem = invalidTaxId(record, stored ?? '', taxCompact);
    if (taxProblem) invalidTaxIds.push(taxProblem);

    if (stored === null || key === '') {
      missing.push({ index, name, rowId, stored, org: record.org ?? null });
    } else {
      ledger.add(stored, key, name, rowId, record.org ?? null);
      const prefixEnd = prefixLength(comparable);
      // Consecutive codes usually share their prefix: reuse the string.
      lastPrefix = sharedSlice(lastPrefix, comparable, prefixEnd);
      profile.add(stored, lastPrefix);
      format.add(stored, comparable, prefixEnd);
      if (nearDuplicatesWanted && !looksMasked(name)) {
        // A damaged name is compared in its repaired form, or not at all (`??????` would match every other `??????`).
        let matchName = name;
        for (let position = garbledBefore; position < garbled.length; position++) {
          if (garbled[position]!.field === 'name') matchName = garbled[position]!.repair ?? '';
        }
        nameRecords.push({ code: stored, codeKey: key, name, matchName, taxKey: taxIdLinkKey(taxCompact) });
      }
    }
    index++;
    if (options.onProgress && index % 10_000 === 0) options.onProgress(index);
  };
  // A sync iterable is read without an await per record (a million awaits cost about a second).
  if (Symbol.iterator in customers) for (const record of customers as Iterable<AuditRecord>) visit(record);
  else for await (const record of customers as AsyncIterable<AuditRecord>) visit(record);

  const duplicates = ledger.duplicates();
  const { formatViolations, gaps, inferredPattern } = format.finish(ledger.codes);
  const nearDuplicates = nearDuplicatesWanted
    ? findNearDuplicates(nameRecords, typeof options.nearDuplicates === 'object' ? options.nearDuplicates : {})
    : [];
  const errorGaps = gaps.gaps.filter((gap) => !gap.legitimate);
  return {
    source: source ?? '',
    total: index,
    summary: {
      records: index,
      duplicates: duplicates.length,
      duplicateRecords: duplicates.reduce((sum, group) => sum + group.records.length, 0),
      missing: missing.length,
      gaps: errorGaps.length,
      missingSerials: errorGaps.reduce((sum, gap) => sum + gap.to - gap.from + 1, 0),
      legitimateGaps: gaps.gaps.length - errorGaps.length,
      formatViolations: formatViolations.length,
      garbled: garbled.length,
      invalidTaxIds: invalidTaxIds.length,
      nearDuplicates: nearDuplicates.length,
      rule: rule?.pattern ?? null,
      inferredPattern,
      codeLengths: profile.codeLengths(),
      prefixes: profile.prefixes(),
      serialCoverage: gaps.coverage,
    },
    duplicates,
    missing,
    gaps: gaps.gaps,
    formatViolations,
    garbled,
    invalidTaxIds,
    nearDuplicates,
  };
}

function toAuditRule(rule: AuditOptions['rule']): AuditRule | undefined {
  if (rule === undefined) return undefined;
  if (typeof rule === 'object' && 'validate' in rule) return rule;
  return compileRule(rule as RuleInput);
}
