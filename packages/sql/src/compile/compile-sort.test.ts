import { describe, expect, it } from 'vitest';
import { EXISTS_MAPPING, GOLDEN_MAPPING } from '../../test/golden-mappings.js';
import { compileCustomerQuery } from './compile-customer-query.js';

const after = { code: "C0'1", org: '100', values: ['blocked', "O'Brien %_"] };
const sort = [{ field: 'status', direction: 'desc' }, { field: 'name', direction: 'asc' }, { field: 'code', direction: 'desc' }] as const;

describe('sorted page SQL', () => {
  it('binds every value where its placeholder appears: positional ? line up, numbered ones count up', () => {
    for (const mapping of [GOLDEN_MAPPING, EXISTS_MAPPING]) {
      const mysql = compileCustomerQuery(mapping, 'mysql', { shape: 'page', sort, after, limit: 10, rankTier: { text: 'ab', tier: 3, fields: ['name', 'shortName'] } });
      expect(mysql.sql.match(/\?/g)?.length).toBe(mysql.params.length);
      const postgres = compileCustomerQuery(mapping, 'postgres', { shape: 'page', sort, after, limit: 10 });
      const numbers = [...postgres.sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
      expect(numbers.length).toBe(postgres.params.length);
    }
  });

  it('never writes a user value into the text: sort values and tier text are bound', () => {
    const compiled = compileCustomerQuery(GOLDEN_MAPPING, 'mssql', { shape: 'page', sort, after, limit: 10, rankTier: { text: "x' OR 1=1 --", tier: 2, fields: ['name'] } });
    expect(compiled.sql).not.toContain("O'Brien");
    expect(compiled.sql).not.toContain('OR 1=1');
    expect(compiled.params).toContain("O'Brien %_");
    // Absent values last, then the sort value, descending where asked; code and org break ties descending.
    expect(compiled.sql).toMatch(/ORDER BY CASE WHEN .* IS NULL THEN 1 ELSE 0 END, .* DESC, CASE WHEN .* IS NULL THEN 1 ELSE 0 END, .*, \S+ DESC, \S+ DESC/);
  });
});
