import { ConfigError } from '@custcode/core';
import { accepts, CHAR_SETS, FIELD_CHARS } from './char-classes.js';
import { CHECK_DEFINITIONS } from './check-algorithms.js';
import { calendarDate, type CalendarDate } from './date-parts.js';
import type { RuleContext, RuleSegment } from './rule-types.js';
import { segmentPattern } from './segment-pattern.js';

const FLAG_FOR_FIELD = { category: '--category', region: '--region', org: '--org' } as const;

/** The text of every segment except the serial and check characters (left undefined), and the date used. */
export function renderTexts(segments: readonly RuleSegment[], context: RuleContext, timeZone: string): { texts: (string | undefined)[]; date: CalendarDate } {
  const date = calendarDate(context.date, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  const texts = segments.map((segment, index): string | undefined => {
    switch (segment.type) {
      case 'literal':
        return segment.text;
      case 'date':
        return segment.part === 'YYYY' ? String(date.year).padStart(4, '0') : segment.part === 'YY' ? pad(date.year % 100) : segment.part === 'MM' ? pad(date.month) : pad(date.day);
      case 'field': {
        const value = context[segment.field];
        if (value === undefined || value.length < segment.length) {
          throw new ConfigError({
            message: `The rule needs ${segment.length} characters of the customer's ${segment.field} for ${segmentPattern(segment)}; got ${value === undefined ? 'none' : JSON.stringify(value)}.`,
            hint: `Pass the ${segment.field} (CLI: ${FLAG_FOR_FIELD[segment.field]}).`,
          });
        }
        const text = value.slice(0, segment.length);
        for (let position = 0; position < text.length; position++) {
          if (!accepts(FIELD_CHARS, text, position)) {
            throw new ConfigError({ message: `The ${segment.field} ${JSON.stringify(value)} contains a space or control character, which a code cannot hold.` });
          }
        }
        return text;
      }
      case 'chars':
      case 'alpha': {
        const value = context.values?.[index];
        const set = segment.type === 'chars' ? CHAR_SETS[segment.class] : CHAR_SETS.alnum;
        const min = segment.type === 'chars' ? segment.min : 1;
        const max = segment.type === 'chars' ? segment.max : segment.length;
        const text = segment.type === 'alpha' && value !== undefined && /^\d+$/.test(value) ? value.padStart(segment.length, '0') : value;
        if (text === undefined || text.length < min || text.length > max || [...text].some((_, position) => !accepts(set, text, position))) {
          throw new ConfigError({
            message: `Segment ${index + 1} ${segmentPattern(segment)} needs a value of ${min === max ? min : `${min}-${max}`} characters (${set.label}); got ${value === undefined ? 'none' : JSON.stringify(value)}.`,
            hint: 'Pass it in context.values by segment index, or use a rule with a {seq:N} serial instead.',
          });
        }
        return text;
      }
      default:
        return undefined;
    }
  });
  return { texts, date };
}

/** Puts the serial in and computes check characters over what precedes them. */
export function assembleCode(segments: readonly RuleSegment[], texts: readonly (string | undefined)[], serial: number | undefined): string {
  let code = '';
  segments.forEach((segment, index) => {
    if (segment.type === 'seq') {
      if (serial === undefined) throw new ConfigError({ message: 'Formatting this rule needs a serial number.', hint: 'Pass { serial: N }.' });
      const text = String(serial).padStart(segment.width, '0');
      if (text.length > segment.width || serial < 0 || !Number.isInteger(serial)) {
        throw new ConfigError({ message: `The serial ${serial} does not fit ${segment.width} digits.`, hint: 'Widen {seq:N}; custcode never writes a wider serial than the rule allows.' });
      }
      code += text;
    } else if (segment.type === 'check') {
      const definition = CHECK_DEFINITIONS[segment.algorithm];
      const check = definition.compute(code, definition.window === undefined ? 0 : code.length - definition.window, code.length);
      if (check === undefined) throw new ConfigError({ message: `The text ${JSON.stringify(code)} cannot carry a ${segment.algorithm} check character.` });
      code += check;
    } else {
      code += texts[index] ?? '';
    }
  });
  return code;
}
