import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteExecutor } from './sqlite-executor.js';

/** An in-memory database whose `prepare` calls are counted by SQL text. */
function countingDatabase() {
  const database = new Database(':memory:');
  database.exec("CREATE TABLE t (code TEXT, flag INTEGER); INSERT INTO t VALUES ('A', 1), ('B', 0)");
  const prepares = new Map<string, number>();
  const prepare = database.prepare.bind(database);
  const client = {
    prepare(sql: string) {
      prepares.set(sql, (prepares.get(sql) ?? 0) + 1);
      return prepare(sql);
    },
    close: () => database.close(),
  };
  return { client, prepares };
}

describe('SQLite executor statement cache', () => {
  it('prepares a repeated statement once and still binds each call’s parameters', async () => {
    const { client, prepares } = countingDatabase();
    const executor = createSqliteExecutor({ client }, {});
    const sql = 'SELECT code FROM t WHERE flag = ? ORDER BY code';
    expect(await executor.query(sql, [true])).toEqual([{ code: 'A' }]);
    expect(await executor.query(sql, [false])).toEqual([{ code: 'B' }]);
    expect(await executor.query(sql, [1])).toEqual([{ code: 'A' }]);
    expect(prepares.get(sql)).toBe(1);
    await executor.close();
    client.close();
  });

  it('returns rows as objects named by the SELECT, from better-sqlite3 and from a minimal stand-in client', async () => {
    const { client } = countingDatabase();
    const executor = createSqliteExecutor({ client }, {});
    expect(await executor.query('SELECT code, flag AS is_set, NULL AS empty FROM t ORDER BY code', [])).toEqual([
      { code: 'A', is_set: 1, empty: null },
      { code: 'B', is_set: 0, empty: null },
    ]);
    client.close();
    const standIn = createSqliteExecutor({ client: { prepare: () => ({ all: (...params: unknown[]) => [{ params }] }), close() {} } }, {});
    expect(await standIn.query('SELECT ?', [true])).toEqual([{ params: [1] }]);
  });

  it('keeps a bounded number of statements, dropping the least recently used', async () => {
    const { client, prepares } = countingDatabase();
    const executor = createSqliteExecutor({ client }, {});
    const first = 'SELECT 0 AS n FROM t';
    const second = 'SELECT 1 AS n FROM t';
    await executor.query(first, []);
    await executor.query(second, []);
    for (let index = 2; index <= 63; index++) await executor.query(`SELECT ${index} AS n FROM t`, []);
    await executor.query(second, []); // used again: now the most recent
    await executor.query('SELECT 64 AS n FROM t', []); // the 65th statement evicts `first`
    await executor.query(second, []);
    await executor.query(first, []);
    expect(prepares.get(second)).toBe(1);
    expect(prepares.get(first)).toBe(2);
    await executor.close();
    client.close();
  });
});
