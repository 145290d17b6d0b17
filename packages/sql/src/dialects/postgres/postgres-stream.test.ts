/**
 * The streamed scan on a real PostgreSQL: one SELECT per search through a server-side cursor in a read-only
 * transaction on a pooled connection of its own, FETCHes of 1,000 handed on in pages of 250; the cursor
 * closed and the connection given back however the reader stops (end, early stop, error), and keyset pages
 * when two streams already run or the caller passes a single client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesOf } from '@custcode/core/adapter';
import { BackendError, type CustomerSource } from '@custcode/core';
import { testBackends, type TestDatabase } from '../../../../../test-support/backends.js';
import type { TableMapping } from '../../mapping/table-mapping.js';
import { createSqlSource } from '../../source/create-sql-source.js';
import { FETCH_ROWS } from './postgres-stream.js';

/** Many FETCHes (of 1,000) and a view that fails in one of them after several were handed on. */
const ROWS = 12_000;
const postgres = testBackends().find((backend) => backend.name === 'postgres')!;
if (postgres.unavailable) console.warn(`postgres-stream: ${postgres.unavailable}`);

const mapping = (table: string): TableMapping => ({
  erp: 'generic-sql',
  table,
  alias: 'c',
  code: 'c.code',
  fields: { name: 'c.name', createdAt: 'c.created' },
  status: { blocked: { column: 'c.blocked', equals: 1 } },
  org: { kind: 'column', column: 'c.org', scope: 'org', withoutOrgDescription: 'every row' },
  raw: ['c.blocked'],
});
const codeOf = (index: number) => `C${String(index).padStart(5, '0')}`;

describe.skipIf(postgres.unavailable)('streamed scan on PostgreSQL', () => {
  let database: TestDatabase;
  let source: CustomerSource;
  let admin: import('pg').Client;

  /** Sessions of the test database that sit in an open transaction (a cursor not closed, a connection not cleaned up). */
  const openTransactions = async () => {
    const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'");
    return rows[0].n as number;
  };
  const sessions = async () => {
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return rows[0].n as number;
  };

  beforeAll(async () => {
    database = await postgres.createDatabase();
    await database.run('CREATE TABLE cust (code VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL, created TIMESTAMP NULL, org VARCHAR(10) NOT NULL, blocked INT NOT NULL, n INT NOT NULL)');
    const rows = Array.from({ length: ROWS }, (_, index) => ({
      code: codeOf(ROWS - index),
      name: `客户 ${index}`,
      created: index % 3 === 0 ? null : '2024-01-02 08:09:10',
      org: index % 2 === 0 ? 'A' : 'B',
      blocked: index % 7 === 0 ? 1 : 0,
      n: ROWS - index,
    }));
    for (let start = 0; start < ROWS; start += 2000) await database.insert('cust', rows.slice(start, start + 2000));
    // A view whose 7,000th row (by code) fails while the cursor is read: division by zero in a FETCH mid-way.
    await database.run('CREATE VIEW cust_failing AS SELECT code, name, created, org, 1 / (n - 7000) AS blocked FROM cust');
    source = createSqlSource({ name: 't', mapping: mapping('cust'), connection: database.url });
    const { default: pg } = await import('pg');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await source?.close();
    await database?.drop();
  });

  it('reads the whole table in code order, in pages of 250, with dates, status and org mapped', async () => {
    const pages = [];
    for await (const page of pagesOf(source.search())) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual(Array(ROWS / 250).fill(250));
    const rows = pages.flat();
    expect(rows.map((row) => row.code)).toEqual(Array.from({ length: ROWS }, (_, index) => codeOf(index + 1)));
    expect(rows.find((row) => row.code === codeOf(ROWS - 1))).toMatchObject({ name: '客户 1', createdAt: '2024-01-02T08:09:10', status: 'active', org: 'B', raw: { blocked: 0 } });
    expect(rows.find((row) => row.code === codeOf(ROWS))).toMatchObject({ status: 'blocked', org: 'A' });
    expect(rows.find((row) => row.code === codeOf(ROWS))).not.toHaveProperty('createdAt');
    expect(await openTransactions()).toBe(0);
  });

  it('applies the filter, org scope, resume point and limit in the streamed statement', async () => {
    const limited = [];
    for await (const row of source.search({ limit: 6789, after: codeOf(100) })) limited.push(row.code);
    expect(limited).toHaveLength(6789);
    expect(limited[0]).toBe(codeOf(101));
    expect(limited.at(-1)).toBe(codeOf(6889));

    const blockedInA = [];
    for await (const row of source.search({ status: 'blocked', org: 'A' })) blockedInA.push(row);
    // index % 7 === 0 is blocked and index % 2 === 0 is org A: index % 14 === 0.
    expect(blockedInA).toHaveLength(Math.ceil(ROWS / 14));
    expect(blockedInA.every((row) => row.status === 'blocked' && row.org === 'A')).toBe(true);
  });

  it('closes the cursor and gives the connection back when the reader stops early, so the pool of 4 never runs dry', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      let seen = 0;
      for await (const _row of source.search()) if (++seen === 300) break;
      expect(await source.count()).toBe(ROWS);
    }
    expect(await openTransactions()).toBe(0);
    expect(await sessions()).toBeLessThanOrEqual(4);
    expect((await source.get(codeOf(7)))?.code).toBe(codeOf(7));
  });

  it('a stream that fails mid-way is a BackendError, and its connection is discarded with its transaction', async () => {
    const failing = createSqlSource({ name: 't', mapping: mapping('cust_failing'), connection: database.url, retries: 0 });
    try {
      const codes: string[] = [];
      const reading = (async () => {
        for await (const row of failing.search()) codes.push(row.code);
      })();
      await expect(reading).rejects.toBeInstanceOf(BackendError);
      await expect(reading).rejects.toThrow(/22012|division by zero/);
      // Every FETCH before the one holding the 7,000th row was handed on; that one failed.
      expect(FETCH_ROWS).toBeLessThan(7000);
      expect(codes).toHaveLength(Math.floor(6999 / FETCH_ROWS) * FETCH_ROWS);
      expect(await openTransactions()).toBe(0);
      // The source still answers, on a healthy connection.
      expect(await failing.count({ org: 'A' })).toBe(ROWS / 2);
      expect((await failing.get(codeOf(12)))?.code).toBe(codeOf(12));
    } finally {
      await failing.close();
    }
  });

  it('keeps pooled connections free for lookups: past two open streams, searches read keyset pages', async () => {
    const iterators = Array.from({ length: 4 }, () => source.search()[Symbol.asyncIterator]());
    const firsts = await Promise.all(iterators.map((iterator) => iterator.next()));
    expect(firsts.map((first) => first.value?.code)).toEqual(Array(4).fill(codeOf(1)));
    expect((await source.get(codeOf(5)))?.code).toBe(codeOf(5));
    const counts = await Promise.all(
      iterators.map(async (iterator) => {
        let count = 1;
        while (!(await iterator.next()).done) count += 1;
        return count;
      }),
    );
    expect(counts).toEqual(Array(4).fill(ROWS));
    expect(await openTransactions()).toBe(0);
  });

  it('streams on a pg.Pool the caller passes and leaves it open; a single pg.Client reads keyset pages', async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: database.url, max: 3 });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const onPool = createSqlSource({ name: 't', mapping: mapping('cust'), connection: { dialect: 'postgres', client: pool } });
      const poolPages = [];
      for await (const page of pagesOf(onPool.search({ limit: 2000 }))) poolPages.push(page.length);
      expect(poolPages).toEqual(Array(8).fill(250));
      await onPool.close();
      expect(pool.idleCount).toBeGreaterThan(0);
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);

      const single = createSqlSource({ name: 't', mapping: mapping('cust'), connection: { dialect: 'postgres', client } });
      const pages = [];
      for await (const page of pagesOf(single.search({ limit: 3000 }))) pages.push(page.length);
      expect(pages).toEqual([1000, 1000, 1000]);
      await single.close();
    } finally {
      await client.end();
      await pool.end();
    }
  });
});
