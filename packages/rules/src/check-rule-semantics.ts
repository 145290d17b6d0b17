import { CHECK_DEFINITIONS } from './check-algorithms.js';
import type { RuleSegment } from './rule-types.js';
import { ruleError } from './rule-syntax-error.js';
import { segmentsPattern } from './segment-pattern.js';

/** Rejects rules that parse but cannot work: two serials, a max wider than the serial, a check with too little before it. */
export function checkRuleSemantics(segments: readonly RuleSegment[]): void {
  const pattern = segmentsPattern(segments);
  const grades = segments.some((segment) => segment.type === 'grades');
  if (grades && segments.length > 1) throw ruleError(`A grades rule must stand alone; ${JSON.stringify(pattern)} mixes it with other segments.`);
  const serials = segments.filter((segment) => segment.type === 'seq');
  if (serials.length > 1) throw ruleError(`The rule ${JSON.stringify(pattern)} has ${serials.length} {seq} segments; a rule has at most one serial.`);
  let minimumBefore = 0;
  for (const segment of segments) {
    if (segment.type === 'seq') {
      const widest = 10 ** segment.width - 1;
      const start = segment.start ?? 1;
      if (segment.max !== undefined && segment.max > widest) {
        throw ruleError(`The serial {seq:${segment.width}} cannot reach max=${segment.max}: ${segment.width} digits end at ${widest}.`, 'Raise the width N in {seq:N} or lower max.');
      }
      if (start > (segment.max ?? widest)) throw ruleError(`The serial starts at ${start}, above its maximum ${segment.max ?? widest}.`);
      if (Array.isArray(segment.scope)) {
        for (const name of segment.scope) {
          const present = segments.some((other) => (other.type === 'date' && other.part === name) || (other.type === 'field' && other.field === name));
          if (!present) throw ruleError(`The serial scope names ${name}, which is not a part of ${JSON.stringify(pattern)}.`, 'List only date or field parts the rule contains, or use scope=all / scope=none.');
        }
      }
    }
    if (segment.type === 'chars' && segment.min > segment.max) throw ruleError(`{${segment.class}:${segment.min}-${segment.max}}: the minimum is above the maximum.`);
    if (segment.type === 'check') {
      const window = CHECK_DEFINITIONS[segment.algorithm].window;
      if (window !== undefined && minimumBefore < window) {
        throw ruleError(`{check:${segment.algorithm}} reads the ${window} characters before it, but the rule has only ${minimumBefore} fixed characters there.`);
      }
      if (minimumBefore === 0) throw ruleError(`{check:${segment.algorithm}} has nothing before it to check.`);
    }
    minimumBefore += minimumWidth(segment);
  }
}

export function minimumWidth(segment: RuleSegment): number {
  switch (segment.type) {
    case 'literal': return segment.text.length;
    case 'date': return segment.part === 'YYYY' ? 4 : 2;
    case 'field': return segment.length;
    case 'chars': return segment.min;
    case 'alpha': return 1;
    case 'seq': return segment.width;
    case 'check': return CHECK_DEFINITIONS[segment.algorithm].width;
    case 'grades': return segment.levels[0] ?? 1;
  }
}

export function maximumWidth(segment: RuleSegment): number {
  switch (segment.type) {
    case 'chars': return segment.max;
    case 'alpha': return segment.length;
    case 'grades': return segment.levels.reduce((sum, length) => sum + length, 0);
    default: return minimumWidth(segment);
  }
}
