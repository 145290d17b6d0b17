import { mergeLiterals } from './import-erpnext.js';
import type { GapMode, RuleSegment } from './rule-types.js';
import { ruleSyntaxError } from './rule-syntax-error.js';

const PLACEHOLDERS: Record<string, 'YYYY' | 'YY' | 'MM' | 'DD'> = { year: 'YYYY', y: 'YY', month: 'MM', day: 'DD' };
const KEYS = new Set(['prefix', 'suffix', 'padding', 'number_next', 'number_increment', 'implementation', 'use_date_range']);

/**
 * An Odoo ir.sequence (`odoo:prefix=KH%(year)s,padding=5`). Odoo keeps one counter per sequence, so the
 * serial is not keyed on the prefix (scope=none); `use_date_range=true` restarts it each year, and
 * `implementation=no_gap` selects no-gap mode. %(range_*)s and %(current_*)s read the same date here.
 */
export function importOdooSequence(source: string): RuleSegment[] {
  const body = source.slice('odoo:'.length);
  const settings = new Map<string, string>();
  let at = 'odoo:'.length;
  for (const item of body.split(',')) {
    const equals = item.indexOf('=');
    const key = equals < 0 ? item : item.slice(0, equals);
    if (equals < 0 || !KEYS.has(key)) throw ruleSyntaxError(source, at, `key=value with a key from ${[...KEYS].join(', ')}`);
    settings.set(key, item.slice(equals + 1));
    at += item.length + 1;
  }
  const number = (key: string, fallback: number, minimum: number) => {
    const text = settings.get(key);
    if (text === undefined) return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) < minimum) {
      throw ruleSyntaxError(source, source.indexOf(`${key}=`) + key.length + 1, `an integer ≥ ${minimum} for ${key}`);
    }
    return Number(text);
  };
  if (!settings.has('padding')) throw ruleSyntaxError(source, source.length, 'padding=N (custcode serials have a fixed width)');
  const implementation = settings.get('implementation') ?? 'standard';
  if (implementation !== 'standard' && implementation !== 'no_gap') {
    throw ruleSyntaxError(source, source.indexOf('implementation=') + 15, 'implementation=standard or implementation=no_gap');
  }
  const mode: GapMode = implementation === 'no_gap' ? 'no-gap' : 'fast';
  const dateRange = settings.get('use_date_range') === 'true' || settings.get('use_date_range') === '1';
  return mergeLiterals([
    ...placeholders(source, settings.get('prefix') ?? ''),
    {
      type: 'seq',
      width: number('padding', 1, 1),
      start: number('number_next', 1, 0),
      step: number('number_increment', 1, 1),
      scope: 'none',
      reset: dateRange ? 'year' : 'never',
      mode,
    },
    ...placeholders(source, settings.get('suffix') ?? ''),
  ]);
}

function placeholders(source: string, text: string): RuleSegment[] {
  const segments: RuleSegment[] = [];
  const pattern = /%\((\w+)\)s/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) segments.push({ type: 'literal', text: text.slice(last, match.index) });
    const name = (match[1] as string).replace(/^(range|current)_/, '');
    const part = PLACEHOLDERS[name];
    if (!part) {
      throw ruleSyntaxError(source, source.indexOf(match[0]), `a supported placeholder (%(year)s, %(y)s, %(month)s, %(day)s), not ${match[0]}`);
    }
    segments.push({ type: 'date', part });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ type: 'literal', text: text.slice(last) });
  return segments;
}
