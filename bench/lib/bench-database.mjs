/**
 * The bench data: 1M sample customers (core's sampleCustomerStream, seed 1) in the Yonyou U8 `Customer`
 * layout, written by the U8 seeder (seedU8Database) through a bulk-loading SeedTarget. The filled
 * database is cached: MariaDB `custcode_bench` and bench/.data/custcode-bench.sqlite (git-ignored) each carry a
 * marker table, and are only rebuilt when the marker is missing or names another row count/layout.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCustomerStream } from '@custcode/core';
import { seedU8Database } from '@custcode/adapter-yonyou';

export const BENCH_ROWS = 1_000_000;
export const BENCH_SEED = 1;
/** Bump when the layout or the generator changes, so cached databases are rebuilt. */
const LAYOUT_VERSION = 'u8-v2';
const MARKER = 'custcode_bench_marker';
const ROWS_PER_INSERT = 2_000;

export const benchDirectory = dirname(dirname(fileURLToPath(import.meta.url)));
export const cacheDirectory = join(benchDirectory, '.data');
export const sqliteFile = join(cacheDirectory, 'custcode-bench.sqlite');

export function mariadbBaseUrl() {
  return process.env.CUSTCODE_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test';
}

/** The bench database's URL: the configured server with the database `custcode_bench`. */
export function mariadbBenchUrl() {
  const url = new URL(mariadbBaseUrl());
  url.pathname = '/custcode_bench';
  return url.toString();
}

/** U8 deletes customers physically (the seeder skips 'deleted' ones): keep them as blocked so the table has exactly BENCH_ROWS rows. */
function loadCustomers() {
  return Array.from(sampleCustomerStream(BENCH_ROWS, BENCH_SEED), (customer) => (customer.status === 'deleted' ? { ...customer, status: 'blocked' } : customer));
}

async function markerMatches(read) {
  try {
    const rows = await read(`SELECT layout, row_count FROM ${MARKER}`);
    return rows.length === 1 && rows[0].layout === LAYOUT_VERSION && Number(rows[0].row_count) === BENCH_ROWS;
  } catch {
    return false;
  }
}

/** Creates (once) the MariaDB bench database; returns what was done. */
export async function ensureMariadb(log) {
  const mysql = await import('mysql2/promise');
  const admin = await mysql.createConnection({ uri: mariadbBaseUrl() });
  await admin.query('CREATE DATABASE IF NOT EXISTS custcode_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
  const connection = await mysql.createConnection({ uri: mariadbBenchUrl(), dateStrings: true });
  try {
    if (await markerMatches(async (sql) => (await connection.query(sql))[0])) return 'cached';
    log(`filling MariaDB custcode_bench with ${BENCH_ROWS.toLocaleString('en-US')} U8 customers (cached afterwards)…`);
    await admin.query('DROP DATABASE custcode_bench');
    await admin.query('CREATE DATABASE custcode_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await connection.changeUser({ database: 'custcode_bench' });
    const quote = (name) => `\`${name.replace(/`/g, '``')}\``;
    const started = performance.now();
    await seedU8Database(
      {
        dialect: 'mysql',
        quote,
        run: async (sql, params = []) => void (await connection.query(sql, params)),
        // Multi-row INSERT … VALUES ? (mysql2 expands the nested arrays), one statement per 2,000 rows.
        insert: async (table, rows) => {
          if (rows.length === 0) return;
          const columns = Object.keys(rows[0]);
          await connection.query('SET unique_checks = 0');
          for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
            const values = rows.slice(start, start + ROWS_PER_INSERT).map((row) => columns.map((column) => row[column] ?? null));
            await connection.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ?`, [values]);
          }
          await connection.query('SET unique_checks = 1');
        },
      },
      loadCustomers(),
      { source: 'bench' },
    );
    await connection.query(`CREATE TABLE ${MARKER} (layout VARCHAR(20), row_count INT, filled_at DATETIME)`);
    await connection.query(`INSERT INTO ${MARKER} VALUES (?, ?, NOW())`, [LAYOUT_VERSION, BENCH_ROWS]);
    await connection.query('ANALYZE TABLE Customer');
    log(`filled MariaDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 'filled';
  } finally {
    await connection.end();
    await admin.end();
  }
}

/** Creates (once) the SQLite bench file. */
export async function ensureSqlite(log) {
  const { default: Database } = await import('better-sqlite3');
  if (existsSync(sqliteFile)) {
    const db = new Database(sqliteFile, { readonly: true });
    const ok = await markerMatches(async (sql) => db.prepare(sql).all());
    db.close();
    if (ok) return 'cached';
    rmSync(sqliteFile);
  }
  mkdirSync(cacheDirectory, { recursive: true });
  log(`filling SQLite ${sqliteFile} with ${BENCH_ROWS.toLocaleString('en-US')} U8 customers (cached afterwards)…`);
  const started = performance.now();
  const db = new Database(sqliteFile);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const quote = (name) => `"${name.replace(/"/g, '""')}"`;
  await seedU8Database(
    {
      dialect: 'sqlite',
      quote,
      run: async (sql, params = []) => void db.prepare(sql).run(...params),
      insert: async (table, rows) => {
        if (rows.length === 0) return;
        const columns = Object.keys(rows[0]);
        const statement = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        db.transaction(() => {
          for (const row of rows) statement.run(...columns.map((column) => row[column] ?? null));
        })();
      },
    },
    loadCustomers(),
    { source: 'bench' },
  );
  db.exec(`CREATE TABLE ${MARKER} (layout TEXT, row_count INTEGER, filled_at TEXT)`);
  db.prepare(`INSERT INTO ${MARKER} VALUES (?, ?, datetime('now'))`).run(LAYOUT_VERSION, BENCH_ROWS);
  db.exec('ANALYZE');
  db.close();
  log(`filled SQLite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'filled';
}
