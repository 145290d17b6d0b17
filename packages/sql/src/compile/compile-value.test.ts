import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { queryCompilerFor } from '../dialects/query-compilers.js';
import type { ValueSpec } from '../mapping/table-mapping.js';
import { mappingColumns } from '../source/mapping-columns.js';
import { compileValue } from './compile-value.js';
import { SqlBuilder } from './sql-builder.js';

/** Evaluates `spec` on SQLite over one row of table `t` (alias `t`); NULL becomes undefined. */
function evaluate(spec: ValueSpec, row: Record<string, string | null>): string | undefined {
  const database = new Database(':memory:');
  const columns = ['A', 'B', 'C', 'D'];
  database.exec(`CREATE TABLE t (${columns.map((column) => `"${column}" TEXT`).join(', ')})`);
  database.prepare(`INSERT INTO t VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((column) => row[column] ?? null));
  const sql = new SqlBuilder(queryCompilerFor('sqlite'));
  const expression = compileValue(spec, sql);
  const value = database.prepare(`SELECT ${expression} AS v FROM t "t"`).get(...sql.params) as { v: string | null };
  database.close();
  return value.v === null || value.v === '' ? undefined : value.v.trimEnd();
}

const phone: ValueSpec = { coalesce: ['t.A', { concat: [{ column: 't.B', prefix: '+' }, { concat: ['t.C', 't.D'], separator: '-' }], separator: ' ' }] };

describe('compileValue', () => {
  it('coalesce takes computed values: the first non-blank one', () => {
    expect(evaluate(phone, { A: '010 6288 0001', B: '86', C: '10', D: '1' })).toBe('010 6288 0001');
    expect(evaluate(phone, { A: null, B: '86', C: '010', D: '62880001' })).toBe('+86 010-62880001');
    expect(evaluate(phone, { A: '  ', B: null, C: '010', D: '62880001' })).toBe('010-62880001');
    expect(evaluate(phone, { A: null, B: null, C: null, D: '62880001' })).toBe('62880001');
    expect(evaluate(phone, { A: null, B: null, C: null, D: null })).toBeUndefined();
  });

  it('a prefix is written only before a non-blank part, also when the part comes first', () => {
    const spec: ValueSpec = { concat: [{ column: 't.A', prefix: '+' }, 't.B', { column: 't.C', prefix: 'x' }], separator: ' ' };
    expect(evaluate(spec, { A: '86', B: '62880001', C: '12' })).toBe('+86 62880001 x12');
    expect(evaluate(spec, { A: '', B: '62880001', C: null })).toBe('62880001');
    expect(evaluate(spec, { A: null, B: null, C: '7' })).toBe('x7');
  });

  it('`unless` leaves a part out where it holds, and keeps it where the comparison is unknown (NULL)', () => {
    const spec: ValueSpec = { concat: [{ column: 't.A', unless: { column: 't.A', equalsColumn: 't.B' } }, 't.B', 't.C'], separator: ' ' };
    expect(evaluate(spec, { A: '北京市', B: '北京市', C: '海淀区中关村大街27号' })).toBe('北京市 海淀区中关村大街27号');
    expect(evaluate(spec, { A: '广东省', B: '深圳市', C: '南山区科技园路1号' })).toBe('广东省 深圳市 南山区科技园路1号');
    expect(evaluate(spec, { A: '广东省', B: null, C: '南山区科技园路1号' })).toBe('广东省 南山区科技园路1号');
  });

  it('`when` picks one of two values', () => {
    const spec: ValueSpec = { when: { column: 't.A', in: ['CN'] }, then: { concat: ['t.B', 't.C'], separator: ' ' }, else: { concat: ['t.C', 't.B'], separator: ', ' } };
    expect(evaluate(spec, { A: 'CN', B: '上海市', C: '世纪大道1号' })).toBe('上海市 世纪大道1号');
    expect(evaluate(spec, { A: 'DE', B: 'Hamburg', C: 'Jungfernstieg 1' })).toBe('Jungfernstieg 1, Hamburg');
    expect(evaluate(spec, { A: null, B: 'Hamburg', C: 'Jungfernstieg 1' })).toBe('Jungfernstieg 1, Hamburg');
  });

  it('every column of nested values, conditions and prefixed parts counts as a column of the mapping', () => {
    const address: ValueSpec = { when: { column: 'l.COUNTRY', in: ['CN'] }, then: { concat: [{ column: 'l.STATE', unless: { column: 'l.STATE', equalsColumn: 'l.CITY' } }, 'l.CITY'], separator: ' ' }, else: 'l.ADDRESS1' };
    const columns = mappingColumns({ erp: 'generic-sql', table: 'T', alias: 'c', code: 'c.CODE', fields: { name: 'c.NAME', phone: { coalesce: ['c.RAW', { concat: [{ column: 'c.CC', prefix: '+' }, 'c.NUM'], separator: ' ' }] }, address }, status: {}, raw: [] });
    expect(columns.sort()).toEqual(['c.CC', 'c.CODE', 'c.NAME', 'c.NUM', 'c.RAW', 'l.ADDRESS1', 'l.CITY', 'l.COUNTRY', 'l.STATE'].sort());
  });
});
