/**
 * The bench data: 1M sample customers (core's sampleCustomerStream, seed 1) in the Yonyou U8 `Customer`
 * layout, written by the U8 seeder (seedU8Database) through @custcode/sql's seed target (bulk-loading). The filled
 * database is cached: MariaDB `custcode_bench` and bench/.data/custcode-bench.sqlite (git-ignored) each carry a
 * marker table, and are only rebuilt when the marker is missing or names another row count/layout.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCustomerStream } from '@custcode/sample';
import { seedU8Database } from '@custcode/adapter-yonyou';
import { openSeedTarget } from '@custcode/sql/testing';

export const BENCH_ROWS = 1_000_000;
export const BENCH_SEED = 1;
/** Bump when the layout or the generator changes, so cached databases are rebuilt. */
const LAYOUT_VERSION = 'u8-v2';
const MARKER = 'custcode_bench_marker';

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
  let target = await openSeedTarget(mariadbBenchUrl());
  try {
    if (await markerMatches(target.all)) return 'cached';
    log(`filling MariaDB custcode_bench with ${BENCH_ROWS.toLocaleString('en-US')} U8 customers (cached afterwards)…`);
    await target.close();
    await admin.query('DROP DATABASE custcode_bench');
    await admin.query('CREATE DATABASE custcode_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    target = await openSeedTarget(mariadbBenchUrl());
    const started = performance.now();
    await seedU8Database(target, loadCustomers(), { source: 'bench' });
    await target.run(`CREATE TABLE ${MARKER} (layout VARCHAR(20), row_count INT, filled_at DATETIME)`);
    await target.run(`INSERT INTO ${MARKER} VALUES (?, ?, NOW())`, [LAYOUT_VERSION, BENCH_ROWS]);
    await target.run('ANALYZE TABLE Customer');
    log(`filled MariaDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 'filled';
  } finally {
    await target.close();
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
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
  mkdirSync(cacheDirectory, { recursive: true });
  log(`filling SQLite ${sqliteFile} with ${BENCH_ROWS.toLocaleString('en-US')} U8 customers (cached afterwards)…`);
  const started = performance.now();
  const target = await openSeedTarget(`sqlite:${sqliteFile}`);
  try {
    await seedU8Database(target, loadCustomers(), { source: 'bench' });
    await target.run(`CREATE TABLE ${MARKER} (layout TEXT, row_count INTEGER, filled_at TEXT)`);
    await target.run(`INSERT INTO ${MARKER} VALUES (?, ?, datetime('now'))`, [LAYOUT_VERSION, BENCH_ROWS]);
    await target.run('ANALYZE');
  } finally {
    await target.close();
  }
  log(`filled SQLite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'filled';
}

/** The PostgreSQL server of the bench (CUSTCODE_POSTGRES_URL), or undefined: its rows are then skipped. */
export const postgresBaseUrl = () => process.env.CUSTCODE_POSTGRES_URL || undefined;

/** The PostgreSQL bench database's URL: the configured server with the database `custcode_bench`. */
export function postgresBenchUrl() {
  const url = new URL(postgresBaseUrl());
  url.pathname = '/custcode_bench';
  return url.toString();
}

/** Creates (once) the PostgreSQL bench database; returns what was done, or 'skipped' without CUSTCODE_POSTGRES_URL. */
export async function ensurePostgres(log) {
  if (!postgresBaseUrl()) return 'skipped';
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: postgresBaseUrl() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['custcode_bench']);
    if (exists.rowCount === 1) {
      const target = await openSeedTarget(postgresBenchUrl());
      try {
        if (await markerMatches(target.all)) return 'cached';
      } finally {
        await target.close();
      }
      await admin.query('DROP DATABASE custcode_bench');
    }
    log(`filling PostgreSQL custcode_bench with ${BENCH_ROWS.toLocaleString('en-US')} U8 customers (cached afterwards)…`);
    await admin.query('CREATE DATABASE custcode_bench');
  } finally {
    await admin.end();
  }
  const started = performance.now();
  const target = await openSeedTarget(postgresBenchUrl());
  try {
    await seedU8Database(target, loadCustomers(), { source: 'bench' });
    await target.run(`CREATE TABLE ${MARKER} (layout TEXT, row_count INTEGER, filled_at TIMESTAMP)`);
    await target.run(`INSERT INTO ${MARKER} VALUES ($1, $2, now())`, [LAYOUT_VERSION, BENCH_ROWS]);
    await target.run('ANALYZE');
  } finally {
    await target.close();
  }
  log(`filled PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'filled';
}
