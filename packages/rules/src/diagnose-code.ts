import { invalid } from '@custcode/core/validators';
import { type ValidationIssue, type ValidationResult } from '@custcode/core/validators';
import { accepts, type CharSet } from './char-classes.js';
import { maximumWidth, minimumWidth } from './check-rule-semantics.js';
import { isVariable, type RuleLayout } from './rule-layout.js';
import { combineChecks, type SemanticRule } from './rule-semantics.js';
import { segmentPattern } from './segment-pattern.js';
import type { RuleSegment } from './rule-types.js';

/** Every reason a code fails, with positions. Only runs for invalid codes, so clarity beats speed here. */
export function diagnoseCode(code: string, layout: RuleLayout, semantics: readonly SemanticRule[]): ValidationResult {
  const issues: ValidationIssue[] = [];
  const offsets = layout.locate(code);
  if (offsets) {
    combineChecks(semantics)(code, offsets, issues);
    return invalid(issues);
  }
  const { minLength, maxLength } = layout;
  if (code.length < minLength || code.length > maxLength) {
    const expected = minLength === maxLength ? `${minLength}` : `${minLength}-${maxLength}`;
    issues.push({
      kind: 'length',
      message: `The code has ${code.length} characters; the rule needs ${expected}.`,
      position: Math.min(code.length, maxLength),
    });
  }
  let position = 0;
  const broken = new Set<number>();
  const starts = new Int32Array(layout.segments.length + 1);
  layout.segments.forEach((segment, index) => {
    starts[index] = position;
    const before = issues.length;
    walk(segment, index);
    if (issues.length > before) broken.add(index);
    starts[index + 1] = position;
  });
  // With the right length, a fixed-width code still has its date, serial and check where the rule says.
  if (layout.fixed && code.length === layout.minLength) {
    for (const rule of semantics) {
      if (rule.dependsOn.every((index) => !broken.has(index))) rule.check(code, starts, issues);
    }
  }
  function walk(segment: RuleSegment, index: number): void {
    const sets = layout.segmentSets[index] as CharSet[];
    if (isVariable(segment)) {
      const set = sets[0] as CharSet;
      let run = 0;
      while (run < maximumWidth(segment) && position + run < code.length && accepts(set, code, position + run)) run++;
      if (run < minimumWidth(segment)) {
        const at = position + run;
        if (at < code.length) {
          issues.push({ kind: 'charset', message: `Character ${JSON.stringify(code[at])} does not fit ${segmentPattern(segment)}: expected ${set.label}.`, position: at });
        } else if (!issues.some((issue) => issue.kind === 'length')) {
          issues.push({ kind: 'length', message: `The code ends inside ${segmentPattern(segment)}.`, position: at });
        }
      }
      position += Math.max(run, minimumWidth(segment));
      return;
    }
    for (let offset = 0; offset < sets.length && position + offset < code.length; offset++) {
      const at = position + offset;
      if (!accepts(sets[offset] as CharSet, code, at)) {
        issues.push(segment.type === 'literal'
          ? { kind: 'segment', message: `Expected the literal ${JSON.stringify(segment.text)} at position ${position}, found ${JSON.stringify(code.slice(position, position + segment.text.length))}.`, position: at }
          : { kind: 'charset', message: `Character ${JSON.stringify(code[at])} does not fit ${segmentPattern(segment)}: expected ${(sets[offset] as CharSet).label}.`, position: at });
        break;
      }
    }
    position += sets.length;
  }
  if (issues.length === 0 && position < code.length) {
    issues.push({ kind: 'length', message: `Unexpected characters after the end of the rule: ${JSON.stringify(code.slice(position, position + 20))}.`, position });
  }
  if (issues.length === 0) {
    issues.push({ kind: 'segment', message: 'The code does not match the rule (its variable-length parts cannot be told apart).', position: 0 });
  }
  return invalid(issues.sort((left, right) => left.position - right.position));
}
