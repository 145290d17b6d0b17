import { describe, expect, it } from 'vitest';
import { dialectFor } from './dialects.js';

describe('dialect primitives', () => {
  it('quotes each part of a qualified name, keeping the ERP spelling and case', () => {
    expect(dialectFor('mssql').compiler.quoteQualified('dbo.Customer')).toBe('[dbo].[Customer]');
    expect(dialectFor('mysql').compiler.quoteQualified('crm.Customer')).toBe('`crm`.`Customer`');
    expect(dialectFor('oracle').compiler.quoteQualified('AR.HZ_CUST_ACCOUNTS')).toBe('"AR"."HZ_CUST_ACCOUNTS"');
    expect(dialectFor('postgres').compiler.quoteQualified('t_BD_Customer')).toBe('"t_BD_Customer"');
    expect(dialectFor('sqlite').compiler.quoteIdentifier('we"ird')).toBe('"we""ird"');
    expect(dialectFor('mysql').compiler.quoteIdentifier('we`ird')).toBe('`we``ird`');
  });

  it('numbers parameters the way each driver expects', () => {
    expect(['mssql', 'oracle', 'mysql', 'postgres', 'sqlite'].map((name) => dialectFor(name as 'mssql').compiler.placeholder(3))).toEqual(['@p3', ':3', '?', '$3', '?']);
  });

  it('escapes LIKE wildcards and the escape character; [ only for SQL Server', () => {
    expect(dialectFor('postgres').compiler.escapeLike('50%_off!\\[x]')).toBe('50!%!_off!!\\[x]');
    expect(dialectFor('mssql').compiler.escapeLike('50%_off!\\[x]')).toBe('50!%!_off!!\\![x]');
  });

  it('formats date parameters per engine', () => {
    expect(dialectFor('mssql').compiler.formatDate('2024-01-05T09:30:00')).toBe('2024-01-05T09:30:00');
    expect(dialectFor('mysql').compiler.formatDate('2024-01-05T09:30:00')).toBe('2024-01-05 09:30:00');
    expect(dialectFor('oracle').compiler.dateParameter(':4')).toBe("TO_DATE(:4, 'YYYY-MM-DD HH24:MI:SS')");
    expect(dialectFor('sqlite').compiler.dateColumn('"c"."d"')).toBe('datetime("c"."d")');
  });

  it('refuses mapping constants that engines would read differently', () => {
    expect(dialectFor('mysql').compiler.stringLiteral("O'")).toBe("'O'''");
    expect(dialectFor('mssql').compiler.stringLiteral('、')).toBe("N'、'");
    expect(() => dialectFor('mysql').compiler.stringLiteral('a\\b')).toThrow(/backslash/);
  });

  it('declares the statement limits adapters batch under', () => {
    expect(dialectFor('oracle').limits.maxInList).toBe(1000);
    expect(dialectFor('mssql').limits.maxParameters).toBe(2098);
  });
});
