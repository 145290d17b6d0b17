import { maximumWidth } from './check-rule-semantics.js';
import type { RuleSegment } from './rule-types.js';
import { ruleError } from './rule-syntax-error.js';
import { segmentPattern } from './segment-pattern.js';

/**
 * The longest customer number a rule may describe. Yonyou NC's `bd_customer.code` is 40 characters wide,
 * the widest code column of the ERPs custcode reads (EBS ACCOUNT_NUMBER 30, U8 cCusCode 20, SAP KUNNR 10).
 */
export const MAX_CODE_LENGTH = 40;
/** The widest serial: its numbers stay exact in a JavaScript number (2^53 has 16 digits). */
export const MAX_SERIAL_WIDTH = 15;
/** The longest rule text (pattern, preset, importer or JSON) that is read at all. */
export const MAX_RULE_TEXT_LENGTH = 4096;

const HINT = `A customer number has at most ${MAX_CODE_LENGTH} characters and a serial at most ${MAX_SERIAL_WIDTH} digits (see "Limits" in the rule language).`;

/** Refuses rule text too long to be a rule before anything reads it. */
export function checkRuleTextLength(text: string): void {
  if (text.length > MAX_RULE_TEXT_LENGTH) {
    throw ruleError(`The rule is ${text.length} characters long; a rule has at most ${MAX_RULE_TEXT_LENGTH}.`, HINT);
  }
}

/**
 * Checks every size in a rule against the limits, before anything is allocated for it: the serial's
 * width and its start, step and max, each grades level, and the longest code the rule can make.
 */
export function checkRuleLimits(segments: readonly RuleSegment[]): void {
  let longest = 0;
  for (const segment of segments) {
    if (segment.type === 'seq') checkSerial(segment);
    if (segment.type === 'grades') {
      const level = segment.levels.find((length) => length > MAX_SERIAL_WIDTH);
      if (level !== undefined) throw ruleError(`A grades level of ${level} characters is wider than ${MAX_SERIAL_WIDTH}, the widest level custcode can count.`, HINT);
    }
    const width = maximumWidth(segment);
    if (width > MAX_CODE_LENGTH) {
      throw ruleError(`The segment ${describe(segment)} can be ${width} characters long; a customer number has at most ${MAX_CODE_LENGTH}.`, HINT);
    }
    longest += width;
  }
  if (longest > MAX_CODE_LENGTH) {
    throw ruleError(`The rule makes codes of up to ${longest} characters; a customer number has at most ${MAX_CODE_LENGTH}.`, HINT);
  }
}

function checkSerial(serial: Extract<RuleSegment, { type: 'seq' }>): void {
  if (serial.width > MAX_SERIAL_WIDTH) {
    throw ruleError(`The serial {seq:${serial.width}} has ${serial.width} digits; a serial has at most ${MAX_SERIAL_WIDTH}.`, HINT);
  }
  // start and max are checked against the width with the rule's semantics; a step can only be as large.
  const widest = 10 ** serial.width - 1;
  if (serial.step !== undefined && serial.step > widest) {
    throw ruleError(`The serial {seq:${serial.width}} cannot step by ${serial.step}: ${serial.width} digits end at ${widest}.`, 'Lower step, or raise the width N in {seq:N}.');
  }
}

/** The segment as written, shortened: a 3 MB literal is not repeated in the message. */
function describe(segment: RuleSegment): string {
  const text = segmentPattern(segment);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
