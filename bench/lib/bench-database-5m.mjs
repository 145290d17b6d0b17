/**
 * The 5M-customer SQLite file of the migration row 8b: `sampleCustomerStream(5_000_000, 1)` in the U8 layout,
 * written chunk by chunk (seedU8DatabaseInChunks: one prepared INSERT per 50,000 rows in one transaction, the
 * indexes built after the load), so the customers never sit in one array. Cached like the 1M file:
 * bench/.data/custcode-bench-5m.sqlite with a marker table, rebuilt only when the marker is missing or differs.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sampleCustomerStream } from '@custcode/sample';
import { seedU8DatabaseInChunks } from '@custcode/adapter-yonyou/testing';
import { openSeedTarget } from '@custcode/sql/testing';
import { BENCH_SEED, cacheDirectory } from './bench-database.mjs';

export const BENCH_ROWS_5M = 5_000_000;
const LAYOUT_VERSION = 'u8-v2';
const MARKER = 'custcode_bench_marker';
const CHUNK = 50_000;

export const sqliteFile5m = join(cacheDirectory, 'custcode-bench-5m.sqlite');

/** U8 deletes customers physically: 'deleted' ones are kept as blocked, as in the 1M file. */
function* chunks() {
  let chunk = [];
  for (const customer of sampleCustomerStream(BENCH_ROWS_5M, BENCH_SEED)) {
    chunk.push(customer.status === 'deleted' ? { ...customer, status: 'blocked' } : customer);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Creates (once) the 5M SQLite file; returns what was done. */
export async function ensureSqlite5m(log) {
  const { default: Database } = await import('better-sqlite3');
  if (existsSync(sqliteFile5m)) {
    const db = new Database(sqliteFile5m, { readonly: true });
    let ok = false;
    try {
      const rows = db.prepare(`SELECT layout, row_count FROM ${MARKER}`).all();
      ok = rows.length === 1 && rows[0].layout === LAYOUT_VERSION && Number(rows[0].row_count) === BENCH_ROWS_5M;
    } catch {
      ok = false;
    } finally {
      db.close();
    }
    if (ok) return 'cached';
  }
  // Filled under another name and renamed at the end: an interrupted fill never looks finished.
  const filling = `${sqliteFile5m}.filling`;
  for (const file of [sqliteFile5m, filling]) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  log(`filling SQLite ${sqliteFile5m} with ${BENCH_ROWS_5M.toLocaleString('en-US')} U8 customers (cached afterwards, several minutes)…`);
  const started = performance.now();
  const target = await openSeedTarget(`sqlite:${filling}`);
  try {
    await seedU8DatabaseInChunks(target, chunks());
    await target.run(`CREATE TABLE ${MARKER} (layout TEXT, row_count INTEGER, filled_at TEXT)`);
    await target.run(`INSERT INTO ${MARKER} VALUES (?, ?, datetime('now'))`, [LAYOUT_VERSION, BENCH_ROWS_5M]);
    await target.run('ANALYZE');
  } finally {
    await target.close();
  }
  renameSync(filling, sqliteFile5m);
  log(`filled SQLite (5M) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'filled';
}
