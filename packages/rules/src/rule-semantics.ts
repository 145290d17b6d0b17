import type { ValidationIssue } from '@custcode/core/validators';
import { CHECK_DEFINITIONS } from './check-algorithms.js';
import { daysInMonth } from './date-parts.js';
import type { RuleSegment } from './rule-types.js';

/**
 * Checks beyond the character shape: date values, serial range, SAP ALPHA padding, check character.
 * With `issues` undefined it stops at the first failure and allocates nothing (the hot path).
 */
export type SemanticCheck = (code: string, offsets: Int32Array, issues: ValidationIssue[] | undefined) => boolean;

export function readNumber(code: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) value = value * 10 + code.charCodeAt(index) - 48;
  return value;
}

/** One semantic check and the segments it reads (skipped in diagnosis when those are already malformed). */
export interface SemanticRule {
  dependsOn: number[];
  check: SemanticCheck;
}

export function combineChecks(rules: readonly SemanticRule[]): SemanticCheck {
  const checks = rules.map((rule) => rule.check);
  return (code, offsets, issues) => {
    let valid = true;
    for (const check of checks) {
      if (!check(code, offsets, issues)) {
        valid = false;
        if (!issues) return false;
      }
    }
    return valid;
  };
}

export function buildSemanticChecks(segments: readonly RuleSegment[]): SemanticRule[] {
  const checks: SemanticRule[] = [];
  const indexOf = (test: (segment: RuleSegment) => boolean) => segments.findIndex(test);
  const yearIndex = indexOf((segment) => segment.type === 'date' && segment.part === 'YYYY');
  const shortYearIndex = indexOf((segment) => segment.type === 'date' && segment.part === 'YY');
  const monthIndex = indexOf((segment) => segment.type === 'date' && segment.part === 'MM');
  const dayIndex = indexOf((segment) => segment.type === 'date' && segment.part === 'DD');
  if (yearIndex >= 0 || monthIndex >= 0 || dayIndex >= 0) {
    const dependsOn = [yearIndex, shortYearIndex, monthIndex, dayIndex].filter((index) => index >= 0);
    checks.push({ dependsOn, check: dateCheck(yearIndex, shortYearIndex, monthIndex, dayIndex) });
  }
  segments.forEach((segment, index) => {
    if (segment.type === 'seq') checks.push({ dependsOn: [index], check: serialCheck(index, segment.start ?? 1, segment.max ?? 10 ** segment.width - 1) });
    if (segment.type === 'alpha') checks.push({ dependsOn: [index], check: alphaCheck(index, segment.length) });
    if (segment.type === 'check') checks.push({ dependsOn: segments.map((_, before) => before).filter((before) => before <= index), check: checkCharacterCheck(index, segment.algorithm) });
  });
  return checks;
}

function dateCheck(yearIndex: number, shortYearIndex: number, monthIndex: number, dayIndex: number): SemanticCheck {
  return (code, offsets, issues) => {
    let valid = true;
    const field = (index: number) => readNumber(code, offsets[index] as number, offsets[index + 1] as number);
    const year = yearIndex >= 0 ? field(yearIndex) : shortYearIndex >= 0 ? 2000 + field(shortYearIndex) : 2000;
    if (yearIndex >= 0 && year === 0) {
      valid = false;
      issues?.push({ kind: 'date', message: 'The year 0000 is not a date.', position: offsets[yearIndex] as number });
    }
    const month = monthIndex >= 0 ? field(monthIndex) : 0;
    if (monthIndex >= 0 && (month < 1 || month > 12)) {
      valid = false;
      issues?.push({ kind: 'date', message: `The month ${String(month).padStart(2, '0')} is not 01-12.`, position: offsets[monthIndex] as number });
    }
    if (dayIndex >= 0) {
      const day = field(dayIndex);
      const last = month >= 1 && month <= 12 ? daysInMonth(year, month) : 31;
      if (day < 1 || day > last) {
        valid = false;
        issues?.push({
          kind: 'date',
          message: `The day ${String(day).padStart(2, '0')} is not 01-${last}${month >= 1 && month <= 12 ? ` for month ${String(month).padStart(2, '0')}` : ''}.`,
          position: offsets[dayIndex] as number,
        });
      }
    }
    return valid;
  };
}

function serialCheck(index: number, start: number, max: number): SemanticCheck {
  return (code, offsets, issues) => {
    const value = readNumber(code, offsets[index] as number, offsets[index + 1] as number);
    if (value >= start && value <= max) return true;
    issues?.push({ kind: 'segment', message: `The serial number ${value} is outside ${start}-${max}.`, position: offsets[index] as number });
    return false;
  };
}

function alphaCheck(index: number, length: number): SemanticCheck {
  return (code, offsets, issues) => {
    const from = offsets[index] as number;
    const to = offsets[index + 1] as number;
    if (to - from === length) return true;
    for (let position = from; position < to; position++) {
      const charCode = code.charCodeAt(position);
      if (charCode < 48 || charCode > 57) return true;
    }
    issues?.push({ kind: 'length', message: `An all-digit number is stored zero-padded to ${length} digits (SAP ALPHA); this one has ${to - from}.`, position: from });
    return false;
  };
}

function checkCharacterCheck(index: number, algorithm: keyof typeof CHECK_DEFINITIONS): SemanticCheck {
  const definition = CHECK_DEFINITIONS[algorithm];
  return (code, offsets, issues) => {
    const at = offsets[index] as number;
    const expected = definition.compute(code, definition.window === undefined ? 0 : at - definition.window, at);
    if (expected !== undefined && code.startsWith(expected, at)) return true;
    issues?.push({
      kind: 'check',
      message: expected === undefined
        ? `The characters before the check cannot carry a ${algorithm} check (a character outside its alphabet).`
        : `The check ${definition.width > 1 ? 'characters are' : 'character is'} ${JSON.stringify(code.slice(at, at + definition.width))}; ${algorithm} gives ${JSON.stringify(expected)}.`,
      position: at,
    });
    return false;
  };
}
