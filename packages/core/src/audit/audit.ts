import { compileRule } from '../rules/compile-rule.js';
import type { CompiledRule, RuleInput } from '../rules/rule-types.js';
import type {
  AuditInput,
  AuditRecord,
  AuditReport,
  DuplicateFinding,
  FormatViolationFinding,
  GarbledFinding,
  InvalidTaxIdFinding,
  MissingFinding,
} from './audit-types.js';
import { comparableCode, withoutAlphaZeros } from './code-key.js';
import { CodeProfile } from './code-profile.js';
import { codeShape, digitRunStart, digitValue, prefixLength, sameTemplate, sharedSlice } from './code-shape.js';
import { explainDeviation, inferPattern } from './inferred-pattern.js';
import { findNearDuplicates, type NameRecord, type NearDuplicateOptions } from './near-duplicates.js';
import { garbledFields, invalidTaxId } from './record-checks.js';
import { rowIdOf } from './row-id.js';
import { SerialCollector } from './serial-collector.js';
import { inferredGaps, ruleGaps, type GapResult } from './serial-gaps.js';
import { compactTaxId, taxIdLinkKey } from './tax-id-check.js';

const anyDigit = /[0-9]/g;

/** The parts of a compiled rule the audit uses. */
export type AuditRule = Pick<CompiledRule, 'pattern' | 'gapPolicy' | 'segments' | 'validate' | 'parse'>;

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
  let source = options.source;
  const missing: MissingFinding[] = [];
  const garbled: GarbledFinding[] = [];
  const invalidTaxIds: InvalidTaxIdFinding[] = [];
  const ruleViolations: FormatViolationFinding[] = [];
  const firstByKey = new Map<string, number>();
  const orgs: Array<string | null> = [];
  const duplicateGroups = new Map<string, number[]>();
  const codes: string[] = [];
  const names: string[] = [];
  const rowIds: Array<string | null> = [];
  const templateIds: number[] = [];
  const templateTally: number[] = [];
  const templateOrder: string[] = [];
  const templateId = new Map<string, number>();
  const serials = new SerialCollector();
  const profile = new CodeProfile();
  const nameRecords: NameRecord[] = [];
  const nearDuplicatesWanted = options.nearDuplicates !== false;

  // Stream order is code order, so consecutive records usually share a prefix and a counter key:
  // reuse those strings instead of allocating new ones for every record.
  let lastPrefix = '';
  let lastComparable = '';
  let lastTemplateId = -1;
  let lastHead = '';
  let lastKeyHead = '';
  let lastWidth = -1;
  let lastSerialKey = '';
  const serialKey = (head: string, width: number): string => {
    if (head !== lastKeyHead || width !== lastWidth) {
      lastKeyHead = head;
      lastWidth = width;
      lastSerialKey = `${head}\u0000${width}`;
    }
    return lastSerialKey;
  };

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
    const garbledCount = garbled.length;
    const taxCompact = typeof record.taxId === 'string' ? compactTaxId(record.taxId) : '';
    const taxProblem = invalidTaxId(record, stored ?? '', taxCompact);
    if (taxProblem) invalidTaxIds.push(taxProblem);

    if (stored === null || key === '') {
      missing.push({ index, name, rowId, stored, org: record.org ?? null });
    } else {
      const slot = codes.length;
      codes.push(stored);
      names.push(name);
      rowIds.push(rowId);
      orgs.push(record.org ?? null);
      // One hash probe per record: a Set; the slots of a duplicated key are collected at the end.
      const scopedKey = record.org ? `${record.org}\u0001${key}` : key;
      scopedKeys.push(scopedKey);
      const seenBefore = seenKeys.size;
      seenKeys.add(scopedKey);
      if (seenKeys.size === seenBefore) duplicatedKeys.add(scopedKey);

      const prefixEnd = prefixLength(comparable);
      lastPrefix = sharedSlice(lastPrefix, comparable, prefixEnd);
      profile.add(stored, lastPrefix);
      if (rule) {
        // The form (case, width, spaces) is the duplicates check's business; the format is judged on the normalised code.
        const result = rule.validate(comparable);
        if (!result.valid) ruleViolations.push({ code: stored, reasons: result.errors.map((error) => error.message) });
        const parsed = result.valid ? rule.parse(comparable) : undefined;
        if (parsed?.serial !== undefined) serials.add(parsed.counterKey ?? '', parsed.serial);
      } else {
        // Consecutive codes usually share a template: compare in place before building one.
        let id = lastTemplateId;
        if (id < 0 || !sameTemplate(comparable, lastComparable)) {
          const template = prefixEnd === comparable.length ? comparable : comparable.replace(anyDigit, '9');
          id = templateId.get(template) ?? -1;
          if (id < 0) {
            id = templateOrder.length;
            templateId.set(template, id);
            templateOrder.push(template);
            templateTally.push(0);
          }
          lastTemplateId = id;
          lastComparable = comparable;
        }
        templateIds.push(id);
        templateTally[id]!++;
        const runStart = digitRunStart(comparable);
        const width = comparable.length - runStart;
        if (width > 0 && width <= 15) {
          lastHead = sharedSlice(lastHead, comparable, runStart);
          serials.add(serialKey(lastHead, runStart === 0 ? 0 : width), digitValue(comparable, runStart));
        }
      }
      if (nearDuplicatesWanted) {
        // A damaged name is compared in its repaired form, or not at all (`??????` would match every other `??????`).
        let comparableName = name;
        for (let position = garbledBefore; position < garbledCount; position++) {
          if (garbled[position]!.field === 'name') comparableName = garbled[position]!.repair ?? '';
        }
        nameRecords.push({ code: stored, codeKey: key, name, matchName: comparableName, taxKey: taxIdLinkKey(taxCompact) });
      }
    }
    index++;
    if (options.onProgress && index % 10_000 === 0) options.onProgress(index);
  };
  // A sync iterable is read without an await per record (a million awaits cost about a second).
  if (Symbol.iterator in customers) for (const record of customers as Iterable<AuditRecord>) visit(record);
  else for await (const record of customers as AsyncIterable<AuditRecord>) visit(record);

  const duplicateGroups = new Map<string, number[]>();
  for (const scopedKey of duplicatedKeys) duplicateGroups.set(scopedKey, []);
  if (duplicateGroups.size > 0) {
    for (let slot = 0; slot < scopedKeys.length; slot++) duplicateGroups.get(scopedKeys[slot]!)?.push(slot);
  }
  const duplicates: DuplicateFinding[] = [];
  for (const [scopedKey, slots] of duplicateGroups) {
    duplicates.push({
      code: scopedKey.slice(scopedKey.indexOf('\u0001') + 1),
      records: slots.map((slot) => codes[slot]!),
      names: slots.map((slot) => names[slot]!),
      rowIds: slots.map((slot) => rowIds[slot]!),
      org: orgs[slots[0]!]!,
    });
  }

  let formatViolations = ruleViolations;
  let gapResult: GapResult;
  let inferred: { template: string; description: string } | null = null;
  if (rule) {
    const sequence = rule.segments.find((segment) => segment.type === 'seq');
    gapResult = ruleGaps(serials, {
      ...(sequence?.type === 'seq' ? { start: sequence.start ?? 1 } : {}),
      legitimate: rule.gapPolicy === 'fast',
    });
  } else {
    const pattern = inferPattern(new Map(templateOrder.map((template, id) => [template, templateTally[id]!])));
    formatViolations = [];
    if (pattern) {
      inferred = { template: pattern.dominant, description: pattern.description };
      for (let slot = 0; slot < codes.length; slot++) {
        if (!pattern.accepted.has(templateOrder[templateIds[slot]!]!)) {
          formatViolations.push({ code: codes[slot]!, reasons: explainDeviation(comparableCode(codes[slot]!), pattern) });
        }
      }
    }
    gapResult = inferredGaps(serials, (serialKey) => {
      const [head = '', width = '0'] = serialKey.split('\u0000');
      if (width === '0') return [...(pattern?.accepted ?? [])].some((template) => /^9+$/.test(template));
      return pattern?.accepted.has(codeShape(head).template + '9'.repeat(Number(width))) ?? false;
    });
  }

  const nearDuplicates = nearDuplicatesWanted
    ? findNearDuplicates(nameRecords, typeof options.nearDuplicates === 'object' ? options.nearDuplicates : {})
    : [];
  const errorGaps = gapResult.gaps.filter((gap) => !gap.legitimate);
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
      legitimateGaps: gapResult.gaps.length - errorGaps.length,
      formatViolations: formatViolations.length,
      garbled: garbled.length,
      invalidTaxIds: invalidTaxIds.length,
      nearDuplicates: nearDuplicates.length,
      rule: rule?.pattern ?? null,
      inferredPattern: inferred,
      codeLengths: profile.codeLengths(),
      prefixes: profile.prefixes(),
      serialCoverage: gapResult.coverage,
    },
    duplicates,
    missing,
    gaps: gapResult.gaps,
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

