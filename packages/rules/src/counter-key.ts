import type { CalendarDate } from './date-parts.js';
import type { ResetPeriod, RuleSegment } from './rule-types.js';
import { segmentPattern } from './segment-pattern.js';

/**
 * The key a serial counter is kept under. Like ERPNext's naming series it is the resolved text of the
 * other segments (`KH2026` for `KH{YYYY}{seq:4}`), so a date part restarts the serial per period; parts
 * left out by `scope=` keep their placeholder (`KH{YYYY}`), text after the serial follows a `*`, and a
 * `reset=` period the serial does not already see is appended after `@`.
 */
export function buildCounterKey(
  segments: readonly RuleSegment[],
  texts: readonly (string | undefined)[],
  date: Partial<CalendarDate> | undefined,
): string | undefined {
  const serialIndex = segments.findIndex((segment) => segment.type === 'seq');
  const serial = segments[serialIndex];
  if (!serial || serial.type !== 'seq') return undefined;
  const scope = serial.scope ?? 'all';
  let before = '';
  let after = '';
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as RuleSegment;
    if (index === serialIndex || segment.type === 'check') continue;
    const included =
      segment.type === 'literal' ||
      scope === 'all' ||
      (Array.isArray(scope) &&
        ((segment.type === 'date' && scope.includes(segment.part)) || (segment.type === 'field' && scope.includes(segment.field))));
    const text = included ? texts[index] : segmentPattern(segment);
    if (text === undefined) return undefined;
    if (index < serialIndex) before += text;
    else after += text;
  }
  const period = periodOf(serial.reset ?? 'never', date);
  if (period === null) return undefined;
  return before + (after === '' ? '' : `*${after}`) + (period === undefined ? '' : `@${period}`);
}

/** undefined: no reset period; null: a period is needed but the date is unknown. */
function periodOf(reset: ResetPeriod, date: Partial<CalendarDate> | undefined): string | undefined | null {
  if (reset === 'never') return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (date?.year === undefined) return null;
  if (reset === 'year') return String(date.year);
  if (date.month === undefined) return null;
  if (reset === 'month') return `${date.year}-${pad(date.month)}`;
  if (date.day === undefined) return null;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
