import { isCustcodeError } from '@custcode/core';
import { describe, expect, it } from 'vitest';
import { compileCustomerQuery } from '../compile/compile-customer-query.js';
import { DIALECT_NAMES } from '../dialects/dialect-name.js';
import { EXISTS_MAPPING, GOLDEN_MAPPING } from '../../test/golden-mappings.js';
import { assertReadOnly } from './read-only-guard.js';

const refused = (sql: string) => {
  try {
    assertReadOnly(sql);
  } catch (error) {
    return isCustcodeError(error, 'READ_ONLY_VIOLATION');
  }
  return false;
};

describe('assertReadOnly', () => {
  it.each([
    'SELECT 1',
    'select name from t where x = ?',
    'WITH a AS (SELECT 1 AS x) SELECT x FROM a',
    'SELECT 1;',
    'SELECT 1; -- done',
    `SELECT "Update", [Delete], \`Insert\` FROM t WHERE note = 'DROP TABLE x; DELETE' -- INSERT`,
    "SELECT 'it''s; fine' FROM t /* UPDATE t SET x = 1 */",
    'SELECT update_time, created_into FROM t',
    'SELECT "c"."x" FROM "t" "c" WHERE "c"."x" = $1 AND "c"."y" > $12',
    "SELECT 1 FROM t /*+ INDEX(t ix) */",
  ])('accepts a single read: %s', (sql) => {
    expect(() => assertReadOnly(sql)).not.toThrow();
  });

  it.each([
    'DELETE FROM t',
    'UPDATE t SET a = 1',
    'INSERT INTO t VALUES (1)',
    'MERGE INTO t USING s ON (1 = 1) WHEN MATCHED THEN DELETE',
    'DROP TABLE t',
    'CREATE TABLE t (a int)',
    'TRUNCATE TABLE t',
    'EXEC sp_who',
    'CALL p()',
    'SELECT 1; DELETE FROM t',
    'SELECT 1 ; SELECT 2',
    'SELECT * INTO backup FROM t',
    'SELECT * FROM t FOR UPDATE',
    'SELECT * FROM t FOR SHARE',
    'SELECT * FROM t LOCK IN SHARE MODE',
    'WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d',
    'SET SESSION x = 1',
    '/* SELECT */ DELETE FROM t',
    '-- SELECT\nDELETE FROM t',
    "SELECT 'a\\' ; DELETE FROM t; --'",
    "SELECT 'unterminated",
    'SELECT 1 /* unterminated',
    'PRAGMA writable_schema = 1',
    '',
    'WITH a AS (VALUES (1)) TABLE a',
    "SELECT * FROM t INTO OUTFILE '/tmp/x'",
    'SELECT 1 /*! FOR UPDATE */',
    "SELECT $$'$$, 'x' ; DELETE FROM t; --'",
    'SELECT $tag$ x $tag$',
    'SELECT "\\"" FROM t WHERE 1 = 1; DELETE FROM t; -- "',
  ])('refuses: %s', (sql) => {
    expect(refused(sql)).toBe(true);
  });

  it('accepts every statement the compiler produces, on every dialect', () => {
    for (const dialect of DIALECT_NAMES) {
      for (const mapping of [GOLDEN_MAPPING, EXISTS_MAPPING]) {
        const filter = { text: "'; DELETE FROM t --", name: 'x', status: 'active' as const, org: '1', createdFrom: '2024-01-01', updatedSince: '2024-01-01' };
        for (const query of [
          compileCustomerQuery(mapping, dialect, { shape: 'page', filter, after: { code: 'a', org: 'b' }, limit: 10 }),
          compileCustomerQuery(mapping, dialect, { shape: 'lookup', codes: ['a', 'b'], org: '1' }),
          compileCustomerQuery(mapping, dialect, { shape: 'count', filter }),
        ]) {
          expect(() => assertReadOnly(query.sql)).not.toThrow();
        }
      }
    }
  });
});
