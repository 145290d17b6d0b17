import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateWhere, parseWhere } from '../emulator/abap-where.js';
import { abapLiteral, allOf, anyOf, compare, inList, like, toOptionLines } from './abap-condition.js';

const lines = (condition: string[] | undefined) => toOptionLines(condition).map((line) => line.TEXT);

describe('ABAP conditions and OPTIONS lines', () => {
  it('doubles quotes inside literals', () => {
    expect(abapLiteral("O'Brien")).toBe("'O''Brien'");
    expect(lines(compare('NAME1', '=', "it's 'x'"))).toEqual(["NAME1 = 'it''s ''x'''"]);
  });

  it('splits long conditions on token boundaries into lines of at most 72 characters', () => {
    const codes = Array.from({ length: 100 }, (_, index) => String(index * 37).padStart(10, '0'));
    const text = lines(allOf(inList('KUNNR', codes), compare('LOEVM', '=', ' ')));
    expect(text.length).toBeGreaterThan(10);
    for (const line of text) expect(line.length).toBeLessThanOrEqual(72);
    for (const line of text.slice(1)) expect(line.startsWith(' ')).toBe(true);
    // Parsed back (as the system joins them), the lines select exactly the listed codes.
    const parsed = parseWhere(text);
    expect(evaluateWhere(parsed, (field) => (field === 'KUNNR' ? codes[57]! : ''))).toBe(true);
    expect(evaluateWhere(parsed, (field) => (field === 'KUNNR' ? '0000000001' : ''))).toBe(false);
  });

  it('wraps a long LIKE chain across lines and parenthesises combined parts', () => {
    const condition = allOf(anyOf(...Array.from({ length: 8 }, (_, zeros) => like('KUNNR', `${'0'.repeat(zeros)}12%`))), compare('REGIO', '=', '11'));
    const text = lines(condition);
    expect(text.length).toBeGreaterThan(2);
    expect(text.join(' ')).toMatch(/^\( \( KUNNR LIKE '12%' \) OR/);
    expect(evaluateWhere(parseWhere(text), (field) => ({ KUNNR: '0000001234', REGIO: '11' })[field] ?? '')).toBe(true);
  });

  it('round-trips any value through literals and lines (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }).filter((value) => !/[\u0000-\u001f]/.test(value)), { minLength: 1, maxLength: 12 }), (values) => {
        const text = lines(inList('NAME1', values));
        for (const line of text) expect(line.length).toBeLessThanOrEqual(72);
        const parsed = parseWhere(text);
        for (const value of values) expect(evaluateWhere(parsed, () => value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives no lines for no condition', () => {
    expect(toOptionLines(undefined)).toEqual([]);
    expect(allOf(undefined, undefined)).toBeUndefined();
  });
});
