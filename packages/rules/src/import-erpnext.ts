import type { RuleSegment } from './rule-types.js';
import { ruleSyntaxError } from './rule-syntax-error.js';

const DATE_TOKENS: Record<string, 'YYYY' | 'YY' | 'MM' | 'DD'> = { YYYY: 'YYYY', YY: 'YY', MM: 'MM', DD: 'DD' };
const FIELDS = new Set(['category', 'region', 'org']);

/**
 * An ERPNext / Frappe naming series (`erpnext:CUST-.YYYY.-.####`): parts split on ".", `#…` is the counter
 * padded to the number of #, YYYY/YY/MM/DD are dates, `{field}` a Customer field, anything else literal.
 * Like Frappe, the counter is keyed on the resolved text before it, and a series without # gets `.#####`.
 */
export function importErpnextSeries(source: string): RuleSegment[] {
  const series = source.slice('erpnext:'.length);
  if (series === '') throw ruleSyntaxError(source, source.length, 'a naming series such as CUST-.YYYY.-.####');
  const parts = series.includes('#') ? series.split('.') : [...series.split('.'), '#####'];
  const segments: RuleSegment[] = [];
  let at = 'erpnext:'.length;
  for (const part of parts) {
    if (part === '') {
      // empty part between two dots: nothing to add
    } else if (/^#+$/.test(part)) {
      segments.push({ type: 'seq', width: part.length });
    } else if (part.includes('#')) {
      throw ruleSyntaxError(source, at, 'a counter written only with # (e.g. .####.)');
    } else if (DATE_TOKENS[part]) {
      segments.push({ type: 'date', part: DATE_TOKENS[part] });
    } else if (part === 'WW' || part === 'FY' || part === 'timestamp' || part === 'abbr') {
      throw ruleSyntaxError(source, at, `a part custcode supports (${part} is not supported: use YYYY, YY, MM, DD, {category}, {region}, {org})`);
    } else if (/^\{[a-z_]+\}$/.test(part)) {
      const field = part.slice(1, -1);
      if (!FIELDS.has(field)) throw ruleSyntaxError(source, at, 'a field part {category}, {region} or {org}');
      throw ruleSyntaxError(source, at + part.length, `a fixed length for {${field}}; write the rule as a pattern with {${field}:N} instead`);
    } else {
      segments.push({ type: 'literal', text: part });
    }
    at += part.length + 1;
  }
  if (segments.filter((segment) => segment.type === 'seq').length > 1) {
    throw ruleSyntaxError(source, 'erpnext:'.length, 'a single counter (# part)');
  }
  return mergeLiterals(segments);
}

export function mergeLiterals(segments: RuleSegment[]): RuleSegment[] {
  const merged: RuleSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (segment.type === 'literal' && last?.type === 'literal') merged[merged.length - 1] = { type: 'literal', text: last.text + segment.text };
    else merged.push(segment);
  }
  return merged;
}
