import { describe, expect, it } from 'vitest';
import { evaluateWhere, parseWhere, WhereSyntaxError } from './abap-where.js';

const row: Record<string, string> = { KUNNR: '0000001000', NAME1: "O'Brien Trading", REGIO: '11', LOEVM: '', ERDAT: '20240105' };
const holds = (...lines: string[]) => evaluateWhere(parseWhere(lines), (field) => row[field] ?? '');

describe('ABAP WHERE subset', () => {
  it('compares with symbols and keyword operators', () => {
    expect(holds("KUNNR = '0000001000'")).toBe(true);
    expect(holds("KUNNR EQ '0000001000'")).toBe(true);
    expect(holds("KUNNR <> '0000001000'")).toBe(false);
    expect(holds("KUNNR NE '0000001001'")).toBe(true);
    expect(holds("ERDAT >= '20240105' AND ERDAT LE '20240105'")).toBe(true);
    expect(holds("ERDAT GT '20240105'")).toBe(false);
    expect(holds("ERDAT < '20240106'")).toBe(true);
  });

  it('treats blank and the initial value alike, as ABAP pads character fields', () => {
    expect(holds("LOEVM = ' '")).toBe(true);
    expect(holds("LOEVM = ''")).toBe(true);
    expect(holds("REGIO = '11 '")).toBe(true);
  });

  it('reads doubled quotes inside literals', () => {
    expect(holds("NAME1 = 'O''Brien Trading'")).toBe(true);
    expect(holds("NAME1 LIKE 'O''B%'")).toBe(true);
  });

  it('supports LIKE with % and _, NOT LIKE, IN, NOT IN, BETWEEN', () => {
    expect(holds("KUNNR LIKE '000000100_'")).toBe(true);
    expect(holds("KUNNR LIKE '%10%'")).toBe(true);
    expect(holds("KUNNR NOT LIKE '1%'")).toBe(true);
    expect(holds("REGIO IN ( '31', '11' )")).toBe(true);
    expect(holds("REGIO IN ('31','44')")).toBe(false);
    expect(holds("REGIO NOT IN ('31')")).toBe(true);
    expect(holds("ERDAT BETWEEN '20240101' AND '20240131'")).toBe(true);
  });

  it('binds AND before OR, honours NOT and parentheses', () => {
    expect(holds("REGIO = '31' OR REGIO = '11' AND LOEVM = ' '")).toBe(true);
    expect(holds("( REGIO = '31' OR REGIO = '11' ) AND NOT LOEVM = ' '")).toBe(false);
    expect(holds("NOT ( REGIO = '31' )")).toBe(true);
  });

  it('joins OPTIONS lines: a condition may continue on the next line, a token may not', () => {
    expect(holds("KUNNR IN ( '0000000999',", " '0000001000' )")).toBe(true);
    expect(() => parseWhere(["NAME1 = 'O''Bri", "en Trading'"])).toThrow(WhereSyntaxError);
  });

  it('rejects malformed conditions', () => {
    for (const text of ["KUNNR = ", "KUNNR '1'", "KUNNR = '1' AND", "( KUNNR = '1'", "KUNNR IN ( '1' '2' )", "KUNNR = '1' )", "KUNNR ~ '1'"]) {
      expect(() => parseWhere([text]), text).toThrow(WhereSyntaxError);
    }
  });
});
