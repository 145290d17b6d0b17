/**
 * The streamed scan on a real MariaDB: one statement per search on a connection of its own, pages of
 * 250 rows, the connection given back or destroyed however the reader stops, and keyset pages instead
 * when three streams already run or the caller's client is a single connection (which cannot lend itself
 * to a stream).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesOf } from '@custcode/core/adapter';
import { type CustomerSource } from '@custcode/core';
import { testBackends, type TestDatabase } from '../../../../../test-support/backends.js';
import type { TableMapping } from '../../mapping/table-mapping.js';
import { createSqlSource } from '../../source/create-sql-source.js';

const ROWS = 3000;
const mariadb = testBackends().find((backend) => backend.name === 'mariadb')!;
if (mariadb.unavailable) console.warn(`mysql-stream: ${mariadb.unavailable}`);

const mapping: TableMapping = {
  erp: 'generic-sql',
  table: 'cust',
  alias: 'c',
  code: 'c.code',
  fields: { name: 'c.name', createdAt: 'c.created' },
  status: { blocked: { column: 'c.blocked', equals: 1 } },
  raw: ['c.blocked'],
};
const codeOf = (index: number) => `C${String(index).padStart(5, '0')}`;

describe.skipIf(mariadb.unavailable)('streamed scan on MariaDB', () => {
  let database: TestDatabase;
  let source: CustomerSource;

  beforeAll(async () => {
    database = await mariadb.createDatabase();
    await database.run('CREATE TABLE cust (code VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL, created DATETIME NULL, blocked INT NOT NULL)');
    const rows = Array.from({ length: ROWS }, (_, index) => ({ code: codeOf(ROWS - index), name: `客户 ${index}`, created: index % 3 === 0 ? null : '2024-01-02 08:09:10', blocked: index % 7 === 0 ? 1 : 0 }));
    await database.insert('cust', rows);
    source = createSqlSource({ name: 't', mapping, connection: database.url });
  });

  afterAll(async () => {
    await source?.close();
    await database?.drop();
  });

  it('reads the whole table in code order, in pages of 250, with dates and status mapped', async () => {
    const pages = [];
    for await (const page of pagesOf(source.search())) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual(Array(ROWS / 250).fill(250));
    const rows = pages.flat();
    expect(rows.map((row) => row.code)).toEqual(Array.from({ length: ROWS }, (_, index) => codeOf(index + 1)));
    const sample = rows.find((row) => row.code === codeOf(ROWS - 1))!;
    expect(sample).toMatchObject({ name: '客户 1', createdAt: '2024-01-02T08:09:10', status: 'active', raw: { blocked: 0 } });
    expect(rows.find((row) => row.code === codeOf(ROWS))).not.toHaveProperty('createdAt');
  });

  it('stops a limited or resumed scan where asked', async () => {
    const limited = [];
    for await (const row of source.search({ limit: 1234, after: codeOf(100) })) limited.push(row.code);
    expect(limited).toHaveLength(1234);
    expect(limited[0]).toBe(codeOf(101));
    expect(limited.at(-1)).toBe(codeOf(1334));
  });

  it('gives the connection back when the reader stops early, so the pool of 4 never runs dry', async () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      for await (const _row of source.search()) break;
      expect(await source.count()).toBe(ROWS);
    }
    expect((await source.get(codeOf(7)))?.code).toBe(codeOf(7));
  });

  it('keeps pooled connections free for lookups: past three open streams, searches read pages', async () => {
    // The pool has 5 connections; five open searches streaming on all of them would leave get() waiting forever.
    const iterators = Array.from({ length: 5 }, () => source.search()[Symbol.asyncIterator]());
    const firsts = await Promise.all(iterators.map((iterator) => iterator.next()));
    expect(firsts.map((first) => first.value?.code)).toEqual(Array(5).fill(codeOf(1)));
    expect((await source.get(codeOf(5)))?.code).toBe(codeOf(5));
    const counts = await Promise.all(
      iterators.map(async (iterator) => {
        let count = 1;
        while (!(await iterator.next()).done) count += 1;
        return count;
      }),
    );
    expect(counts).toEqual(Array(5).fill(ROWS));
    expect(await source.count()).toBe(ROWS);
  });

  it('reads by keyset pages through a single connection the caller passes', async () => {
    const mysql = await import('mysql2/promise');
    const connection = await mysql.createConnection({ uri: database.url, dateStrings: true });
    try {
      const single = createSqlSource({ name: 't', mapping, connection: { dialect: 'mysql', client: connection } });
      const pages = [];
      for await (const page of pagesOf(single.search())) pages.push(page.length);
      expect(pages).toEqual([1000, 1000, 1000]);
      await single.close();
    } finally {
      await connection.end();
    }
  });
});
