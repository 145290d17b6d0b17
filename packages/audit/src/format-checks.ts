import type { CompiledRule } from '@custcode/rules';
import type { FormatViolationFinding } from './audit-types.js';
import { comparableCode } from './code-key.js';
import { codeShape, digitRunStart, digitValue, sameTemplate, sharedSlice } from './code-shape.js';
import { ALL_DIGITS_TEMPLATE, explainDeviation, inferPattern } from './inferred-pattern.js';
import { createRuleSerialReader } from './rule-serial-reader.js';
import { SerialCollector } from './serial-collector.js';
import { inferredGaps, ruleGaps, type GapResult } from './serial-gaps.js';

/** The parts of a compiled rule the audit uses. */
export type AuditRule = Pick<CompiledRule, 'pattern' | 'gapPolicy' | 'segments' | 'minLength' | 'maxLength' | 'validate' | 'parse'>;

export interface FormatResult {
  formatViolations: FormatViolationFinding[];
  gaps: GapResult;
  inferredPattern: { template: string; description: string } | null;
}

/** Format and serial checks of each code: against a rule, or against the pattern the data shows. */
export interface FormatChecks {
  /** `comparable` is the code NFKC-normalised, trimmed and upper-cased; `prefixEnd` where its first digit is. */
  add(stored: string, comparable: string, prefixEnd: number): void;
  /** `codes` are the stored codes by slot, in the order they were added. */
  finish(codes: readonly string[]): FormatResult;
}

/** The form (case, width, spaces) is the duplicates check's business; the format is judged on the comparable code. */
export function ruleFormatChecks(rule: AuditRule): FormatChecks {
  const readSerial = createRuleSerialReader(rule);
  const serials = new SerialCollector();
  const formatViolations: FormatViolationFinding[] = [];
  return {
    add(stored, comparable) {
      const result = rule.validate(comparable);
      if (!result.valid) {
        formatViolations.push({ code: stored, reasons: result.errors.map((error) => error.message) });
        return;
      }
      const reading = readSerial(comparable);
      if (reading) serials.add(reading.counterKey, reading.serial);
    },
    finish() {
      const sequence = rule.segments.find((segment) => segment.type === 'seq');
      const serial = sequence?.type === 'seq' ? { start: sequence.start ?? 1, step: sequence.step ?? 1 } : {};
      const gaps = ruleGaps(serials, { ...serial, legitimate: rule.gapPolicy === 'fast' });
      return { formatViolations, gaps, inferredPattern: null };
    },
  };
}

const anyDigit = /[0-9]/g;

/**
 * Without a rule: a template per code (digits as `9`), counted; serials per head and width. Stream order
 * is code order, so consecutive codes usually share template and head: those are compared in place and
 * reused instead of being built for every record.
 */
export function inferredFormatChecks(): FormatChecks {
  const serials = new SerialCollector();
  const templateIds: number[] = [];
  const tally: number[] = [];
  const templates: string[] = [];
  const idOf = new Map<string, number>();
  let lastComparable = '';
  let lastId = -1;
  let lastHead = '';
  let lastKeyHead = '';
  let lastWidth = -1;
  let lastKey = '';
  return {
    add(_stored, comparable, prefixEnd) {
      const runStart = digitRunStart(comparable);
      let id = lastId;
      if (id < 0 || !sameTemplate(comparable, lastComparable)) {
        const template = prefixEnd === comparable.length ? comparable : runStart === 0 ? ALL_DIGITS_TEMPLATE : comparable.replace(anyDigit, '9');
        id = idOf.get(template) ?? -1;
        if (id < 0) {
          id = templates.length;
          idOf.set(template, id);
          templates.push(template);
          tally.push(0);
        }
        lastId = id;
        lastComparable = comparable;
      }
      templateIds.push(id);
      tally[id]!++;
      const width = comparable.length - runStart;
      if (width === 0 || width > 15) return;
      lastHead = sharedSlice(lastHead, comparable, runStart);
      // All-digit codes form one series whatever their width (SAP shows them without leading zeros).
      const keyWidth = runStart === 0 ? 0 : width;
      if (lastHead !== lastKeyHead || keyWidth !== lastWidth) {
        lastKeyHead = lastHead;
        lastWidth = keyWidth;
        lastKey = `${lastHead}\u0000${keyWidth}`;
      }
      serials.add(lastKey, digitValue(comparable, runStart));
    },
    finish(codes) {
      const pattern = inferPattern(new Map(templates.map((template, id) => [template, tally[id]!])));
      const formatViolations: FormatViolationFinding[] = [];
      if (pattern) {
        for (let slot = 0; slot < codes.length; slot++) {
          if (!pattern.accepted.has(templates[templateIds[slot]!]!)) {
            formatViolations.push({ code: codes[slot]!, reasons: explainDeviation(comparableCode(codes[slot]!), pattern) });
          }
        }
      }
      const gaps = inferredGaps(serials, (serialKey) => {
        const [head = '', width = '0'] = serialKey.split('\u0000');
        if (width === '0') return pattern?.accepted.has(ALL_DIGITS_TEMPLATE) ?? false;
        return pattern?.accepted.has(codeShape(head).template + '9'.repeat(Number(width))) ?? false;
      });
      return { formatViolations, gaps, inferredPattern: pattern ? { template: pattern.dominant, description: pattern.description } : null };
    },
  };
}
