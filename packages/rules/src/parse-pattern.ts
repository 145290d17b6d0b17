import {
  CHAR_CLASSES, CHECK_ALGORITHMS, DATE_PARTS, FIELD_PARTS, GAP_MODES, RESET_PERIODS,
  type CharClass, type CheckAlgorithm, type DatePart, type FieldPart, type RuleSegment, type SerialScope,
} from './rule-types.js';
import { ruleSyntaxError } from './rule-syntax-error.js';

const integer = /^\d{1,9}$/;

/** Reads a pattern such as `KH{YYYY}-{seq:4|start=1}` into segments. */
export function parsePattern(source: string): RuleSegment[] {
  const segments: RuleSegment[] = [];
  let literal = '';
  let index = 0;
  const flush = () => {
    if (literal !== '') segments.push({ type: 'literal', text: literal });
    literal = '';
  };
  while (index < source.length) {
    const character = source[index] as string;
    if (character === '{' && source[index + 1] === '{') {
      literal += '{';
      index += 2;
    } else if (character === '}' && source[index + 1] === '}') {
      literal += '}';
      index += 2;
    } else if (character === '}') {
      throw ruleSyntaxError(source, index, 'literal text or "{" (write "}}" for a literal "}")');
    } else if (character === '{') {
      const close = source.indexOf('}', index + 1);
      if (close < 0) throw ruleSyntaxError(source, source.length, '"}" closing the segment opened at position ' + index);
      flush();
      segments.push(parseSegment(source, index + 1, source.slice(index + 1, close)));
      index = close + 1;
    } else {
      literal += character;
      index += 1;
    }
  }
  flush();
  if (segments.length === 0) throw ruleSyntaxError(source, 0, 'at least one segment or literal');
  return segments;
}

function parseSegment(source: string, start: number, body: string): RuleSegment {
  const [head = '', ...optionTexts] = body.split('|');
  const colon = head.indexOf(':');
  const name = colon < 0 ? head : head.slice(0, colon);
  const argument = colon < 0 ? undefined : head.slice(colon + 1);
  const argumentAt = start + colon + 1;
  const requireNumber = (what: string): number => {
    if (argument === undefined || !integer.test(argument) || Number(argument) < 1) {
      throw ruleSyntaxError(source, colon < 0 ? start + name.length : argumentAt, `a length of at least 1 after "${name}:" (${what})`);
    }
    return Number(argument);
  };
  if (optionTexts.length > 0 && name !== 'seq') {
    throw ruleSyntaxError(source, start + head.length, `"}" (only {seq} takes |options)`);
  }
  if ((DATE_PARTS as readonly string[]).includes(name)) {
    if (argument !== undefined) throw ruleSyntaxError(source, start + name.length, `"}" after {${name}`);
    return { type: 'date', part: name as DatePart };
  }
  if ((FIELD_PARTS as readonly string[]).includes(name)) {
    return { type: 'field', field: name as FieldPart, length: requireNumber(`characters of the ${name} field`) };
  }
  if ((CHAR_CLASSES as readonly string[]).includes(name)) {
    const range = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(argument ?? '');
    const min = Number(range?.[1]);
    const max = range?.[2] === undefined ? min : Number(range[2]);
    if (!range || min < 1 || max < min) {
      throw ruleSyntaxError(source, colon < 0 ? start + name.length : argumentAt, `a length N or range N-M (1 ≤ N ≤ M) after "${name}:"`);
    }
    return { type: 'chars', class: name as CharClass, min, max };
  }
  if (name === 'alpha') return { type: 'alpha', length: requireNumber('the internal length') };
  if (name === 'check') {
    if (!(CHECK_ALGORITHMS as readonly string[]).includes(argument ?? '')) {
      throw ruleSyntaxError(source, colon < 0 ? start + name.length : argumentAt, `a check algorithm after "check:" (${CHECK_ALGORITHMS.join(', ')})`);
    }
    return { type: 'check', algorithm: argument as CheckAlgorithm };
  }
  if (name === 'seq') return parseSerial(source, start, requireNumber('the serial width in digits'), optionTexts, head.length);
  throw ruleSyntaxError(source, start, `a segment name (${[...DATE_PARTS, ...FIELD_PARTS, ...CHAR_CLASSES, 'alpha', 'seq', 'check'].join(', ')})`);
}

function parseSerial(source: string, start: number, width: number, optionTexts: string[], headLength: number): RuleSegment {
  const serial: Extract<RuleSegment, { type: 'seq' }> = { type: 'seq', width };
  let at = start + headLength + 1;
  for (const text of optionTexts) {
    const [key = '', value = ''] = text.split('=', 2);
    const valueAt = at + key.length + 1;
    const number = (what: string, minimum: number) => {
      if (!integer.test(value) || Number(value) < minimum) throw ruleSyntaxError(source, valueAt, `${what} (an integer ≥ ${minimum}) after "${key}="`);
      return Number(value);
    };
    if (key === 'start') serial.start = number('the first serial number', 0);
    else if (key === 'step') serial.step = number('the increment', 1);
    else if (key === 'max') serial.max = number('the largest serial number', 1);
    else if (key === 'reset') {
      if (!(RESET_PERIODS as readonly string[]).includes(value)) throw ruleSyntaxError(source, valueAt, `a reset period (${RESET_PERIODS.join(', ')})`);
      serial.reset = value as Extract<RuleSegment, { type: 'seq' }>['reset'];
    } else if (key === 'mode') {
      if (!(GAP_MODES as readonly string[]).includes(value)) throw ruleSyntaxError(source, valueAt, `a mode (${GAP_MODES.join(', ')})`);
      serial.mode = value as Extract<RuleSegment, { type: 'seq' }>['mode'];
    } else if (key === 'scope') serial.scope = parseScope(source, valueAt, value);
    else throw ruleSyntaxError(source, at, 'a serial option (start, step, reset, max, scope, mode)');
    at += text.length + 1;
  }
  return serial;
}

function parseScope(source: string, at: number, value: string): SerialScope {
  if (value === 'all' || value === 'none') return value;
  const names = value.split('+');
  const allowed: readonly string[] = [...DATE_PARTS, ...FIELD_PARTS];
  if (names.some((name) => !allowed.includes(name))) {
    throw ruleSyntaxError(source, at, `a scope: all, none, or parts joined by "+" from ${allowed.join(', ')}`);
  }
  return names as (DatePart | FieldPart)[];
}
