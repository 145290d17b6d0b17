import { describe, expect, it } from 'vitest';
import { evaluate, parseFilterString, type Value } from './filter-string-parser.js';

const row: Record<string, Value> = { fnumber: "O'1", fname: 'Acme 100% [Ltd]', fuseorgid: 100002, fcreateorgid: 100001, fmodifydate: null };
const check = (filter: string) => evaluate(parseFilterString(filter), (key) => row[key.toLowerCase()] ?? null);

describe('emulator FilterString parser', () => {
  it('compares literals, fields and numbers', () => {
    expect(check("FNumber = 'O''1'")).toBe(true);
    expect(check('FUseOrgId = FCreateOrgId')).toBe(false);
    expect(check('FUseOrgId > 100001 and FUseOrgId in (100002, 100003)')).toBe(true);
  });

  it('evaluates LIKE the SQL Server way: case-insensitive, brackets escape wildcards', () => {
    expect(check("FName like '%acme%'")).toBe(true);
    expect(check("FName like '%100[%] [[]Ltd]'")).toBe(true);
    expect(check("FName like '%1000[%]%'")).toBe(false);
    expect(check("FName like 'Acme_100%'")).toBe(true);
  });

  it('uses three-valued logic for NULL', () => {
    expect(check("FModifyDate >= '2024-01-01'")).toBe(null);
    expect(check("not FModifyDate >= '2024-01-01'")).toBe(null);
    expect(check("FModifyDate is null or FModifyDate >= '2024-01-01'")).toBe(true);
  });

  it('rejects what it does not understand instead of guessing', () => {
    expect(() => parseFilterString("FName = 'x' ; drop table x")).toThrow();
    expect(() => parseFilterString("FName = 'unterminated")).toThrow();
  });
});
