import type { RuleSegment } from './rule-types.js';

/** The pattern text of one segment, e.g. `{seq:4|reset=year}`; also the placeholder used in counter keys. */
export function segmentPattern(segment: RuleSegment): string {
  switch (segment.type) {
    case 'literal':
      return segment.text.replace(/\{/g, '{{').replace(/\}/g, '}}');
    case 'date':
      return `{${segment.part}}`;
    case 'field':
      return `{${segment.field}:${segment.length}}`;
    case 'chars':
      return `{${segment.class}:${segment.min === segment.max ? segment.min : `${segment.min}-${segment.max}`}}`;
    case 'alpha':
      return `{alpha:${segment.length}}`;
    case 'check':
      return `{check:${segment.algorithm}}`;
    case 'grades':
      return `grades:${segment.levels.join('-')}`;
    case 'seq': {
      const options: string[] = [];
      if (segment.start !== undefined) options.push(`start=${segment.start}`);
      if (segment.step !== undefined) options.push(`step=${segment.step}`);
      if (segment.reset !== undefined && segment.reset !== 'never') options.push(`reset=${segment.reset}`);
      if (segment.max !== undefined) options.push(`max=${segment.max}`);
      if (segment.scope !== undefined && segment.scope !== 'all') {
        options.push(`scope=${Array.isArray(segment.scope) ? segment.scope.join('+') : segment.scope}`);
      }
      if (segment.mode !== undefined && segment.mode !== 'fast') options.push(`mode=${segment.mode}`);
      return `{seq:${[segment.width, ...options].join('|')}}`;
    }
  }
}

export function segmentsPattern(segments: readonly RuleSegment[]): string {
  return segments.map(segmentPattern).join('');
}
