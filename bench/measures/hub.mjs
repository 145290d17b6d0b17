/**
 * Customer hub measurements: `sync` of the bench's 1M U8 customers into a Parquet hub (what `custcode sync u8
 * --to DIR --format parquet` does: staged DuckDB appends, one transaction, the source's partition rewritten),
 * and an incremental sync after 1 % of the rows changed. The changes are made in a copy of the SQLite bench
 * database under a file name of the hub rows' own: the shared bench databases are never modified.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { openHub, syncSource, writeParquet } from '@custcode/hub';
import { cacheDirectory, mariadbBenchUrl, sqliteFile } from '../lib/bench-database.mjs';

const COPY = join(cacheDirectory, 'hub-bench-u8-copy.sqlite');
const MARIADB_HUB = join(cacheDirectory, 'hub-bench-mariadb-parquet');
const SQLITE_HUB = join(cacheDirectory, 'hub-bench-sqlite-parquet');
/** Every 100th row (by rowid) is changed: 10,000 of 1M. */
const CHANGED_EVERY = 100;
const CHANGED_AT = '2026-12-01T10:00:00';

/** A full sync of `source` into a fresh Parquet hub at `directory`, as the CLI runs it. */
async function syncToParquet(source, directory, options = {}) {
  const hub = await openHub(directory);
  try {
    const result = await syncSource(hub, source, options);
    await writeParquet(hub, directory, [source.name]);
    return result;
  } finally {
    await hub.close();
    await source.close();
  }
}

function freshDirectory(directory) {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
}

const u8 = (connection) => createYonyouSource({ name: 'u8', product: 'u8', connection });

/** 1M customers from MariaDB into a new Parquet hub (timed: the whole sync). */
export function prepareMariadbFull() {
  freshDirectory(MARIADB_HUB);
  return async () => {
    const result = await syncToParquet(u8(mariadbBenchUrl()), MARIADB_HUB);
    return { rows: result.read, mode: result.mode, inserted: result.inserted };
  };
}

/** A fresh copy of the SQLite bench database (untimed), the hub's own. */
function freshCopy() {
  rmSync(COPY, { force: true });
  copyFileSync(sqliteFile, COPY);
}

/** 1M customers from the SQLite copy into a new Parquet hub (timed): the full sync the incremental one is held against. */
export function prepareSqliteFull() {
  freshCopy();
  freshDirectory(SQLITE_HUB);
  return async () => {
    const result = await syncToParquet(u8(`sqlite:${COPY}`), SQLITE_HUB);
    return { rows: result.read, mode: result.mode, inserted: result.inserted };
  };
}

/**
 * Untimed: a full sync of the copy, then 1 % of its rows changed (name and modification date, as an ERP user's
 * edit leaves them). Timed: the next sync, which reads only the rows changed since the last watermark.
 */
export async function prepareSqliteIncremental() {
  freshCopy();
  freshDirectory(SQLITE_HUB);
  await syncToParquet(u8(`sqlite:${COPY}`), SQLITE_HUB);
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(COPY);
  const changed = db.prepare(`UPDATE Customer SET cCusName = cCusName || '（变更）', dModifyDate = ? WHERE rowid % ${CHANGED_EVERY} = 0`).run(CHANGED_AT).changes;
  db.close();
  return async () => {
    const result = await syncToParquet(u8(`sqlite:${COPY}`), SQLITE_HUB);
    return { rows: result.read, mode: result.mode, updated: result.updated, inserted: result.inserted, deleted: result.deleted, changed };
  };
}
