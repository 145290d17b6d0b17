import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomerSource } from '@custcode/core';
import { RECORD_COLUMNS, recordCells, SAME_RECORD, STAGED_ROWS } from './hub-schema.js';
import type { Hub } from './open-hub.js';

export interface SyncOptions {
  /** Read the whole source and diff it against the hub even when an incremental read is possible. */
  full?: boolean;
  /** The sync's time (tests); default now. */
  now?: Date;
  /** Called with the running number of rows read from the source (progress display). */
  onRow?: (read: number) => void;
}

export interface SyncResult {
  source: string;
  /** `snapshot`: the whole source read and diffed; `incremental`: only rows changed since the last sync's watermark. */
  mode: 'snapshot' | 'incremental';
  read: number;
  inserted: number;
  updated: number;
  deleted: number;
  /** Rows of the source now in the hub and not deleted. */
  present: number;
}

const VALUE_COLUMNS = RECORD_COLUMNS.filter((column) => column !== 'source' && column !== 'code' && column !== 'org');
const CHANGED = VALUE_COLUMNS.map((column) => `c.${column} IS DISTINCT FROM s.${column}`).join(' OR ');

/**
 * Syncs one source into the hub's `customers` table. The source is read as the caller may see it (pass the
 * access-guarded source: masked fields arrive masked, filtered rows never arrive). Rows go to a staging table
 * first; one transaction then applies them (insert, update changed, mark deleted) and clears the stage, so a
 * crash at any point leaves the hub as the last complete sync left it, and the next run starts over.
 *
 * Incremental: after a first sync, only rows changed since the last watermark (the newest updatedAt seen) are
 * read (`updatedSince`); the source's count then shows whether rows were deleted outright, and if so the sync
 * falls back to a snapshot diff, which is what finds them.
 */
export async function syncSource(hub: Hub, source: CustomerSource, options: SyncOptions = {}): Promise<SyncResult> {
  const name = source.name;
  const now = (options.now ?? new Date()).toISOString();
  const [state] = await hub.query<{ watermark: string | null }>('SELECT watermark FROM sync_state WHERE source = $1', [name]);
  const since = options.full || !state?.watermark ? undefined : state.watermark.slice(0, 10);
  if (since !== undefined) {
    const result = await applyChanges(hub, source, now, since, options.onRow);
    if (result) return result;
  }
  return (await applyChanges(hub, source, now, undefined, options.onRow))!;
}

/** One staged read and its transaction; undefined when an incremental read cannot account for deletions (rolled back). */
async function applyChanges(hub: Hub, source: CustomerSource, now: string, since: string | undefined, onRow: ((read: number) => void) | undefined): Promise<SyncResult | undefined> {
  const name = source.name;
  const { read, watermark } = await stage(hub, source, since, onRow);
  const count = async (sql: string, params: unknown[]) => Number((await hub.query<{ n: number | string }>(sql, params))[0]!.n);
  const staged = `FROM ${STAGED_ROWS} WHERE s.source = $1`;
  const mode = since === undefined ? 'snapshot' : 'incremental';
  await hub.connection.run('BEGIN TRANSACTION');
  try {
    const [previous] = await hub.query<{ source_rows: number | string | null }>('SELECT source_rows FROM sync_state WHERE source = $1', [name]);
    const stored = await count('SELECT count(*) AS n FROM customers WHERE source = $1', [name]);
    let inserted: number;
    let updated = 0;
    let deleted = 0;
    if (stored === 0) {
      // First sync of the source (or all its rows gone): nothing to diff against, the stage is inserted as it is.
      await hub.connection.run(`INSERT INTO customers SELECT s.*, $2::TIMESTAMP, $2::TIMESTAMP, CASE WHEN s.status = 'deleted' THEN $2::TIMESTAMP END ${staged}`, [name, now]);
      inserted = read;
    } else {
      if (since !== undefined && (await count(`SELECT count(*) AS n FROM (SELECT occurrence FROM customers WHERE source = $1 UNION ALL SELECT s.occurrence ${staged}) WHERE occurrence > 1`, [name])) > 0) {
        // A code held twice in one org: a partial read cannot tell which of its rows changed, so diff the whole source.
        await hub.connection.run('ROLLBACK');
        return undefined;
      }
      // Only rows that differ (or come back after a deletion) are written: an unchanged row keeps its last_seen.
      const differs = `${SAME_RECORD} AND (${CHANGED} OR c.deleted_at IS NOT NULL)`;
      updated = await count(`SELECT count(*) AS n FROM customers c JOIN ${STAGED_ROWS} ON ${differs} WHERE s.source = $1`, [name]);
      if (updated > 0) {
        const sets = VALUE_COLUMNS.map((column) => `${column} = s.${column}`).join(', ');
        await hub.connection.run(
          `UPDATE customers c SET ${sets}, last_seen = $2::TIMESTAMP, deleted_at = CASE WHEN s.status = 'deleted' THEN coalesce(c.deleted_at, $2::TIMESTAMP) END ${staged} AND ${differs}`,
          [name, now],
        );
      }
      const fresh = `${staged} AND NOT EXISTS (SELECT 1 FROM customers c WHERE ${SAME_RECORD})`;
      inserted = await count(`SELECT count(*) AS n ${fresh}`, [name]);
      if (inserted > 0) await hub.connection.run(`INSERT INTO customers SELECT s.*, $2::TIMESTAMP, $2::TIMESTAMP, CASE WHEN s.status = 'deleted' THEN $2::TIMESTAMP END ${fresh}`, [name, now]);
      if (since === undefined) {
        // Rows the snapshot no longer has were deleted in the source.
        const gone = `source = $1 AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 ${staged} AND ${SAME_RECORD.replaceAll('c.', 'customers.')})`;
        deleted = await count(`SELECT count(*) AS n FROM customers WHERE ${gone}`, [name]);
        if (deleted > 0) await hub.connection.run(`UPDATE customers SET deleted_at = $2::TIMESTAMP, last_seen = $2::TIMESTAMP WHERE ${gone}`, [name, now]);
      } else {
        // A change feed holds no row removed outright: the source's count must be the rows it held at the last
        // sync plus the new ones, else rows were removed and only a snapshot diff can say which.
        const held = previous?.source_rows;
        if (held === null || held === undefined || Number(held) + inserted !== (await source.count())) {
          await hub.connection.run('ROLLBACK');
          return undefined;
        }
      }
    }
    const sourceRows = since === undefined ? read : Number(previous!.source_rows) + inserted;
    const changed = inserted + updated + deleted > 0;
    await hub.connection.run('DELETE FROM customers_stage WHERE source = $1', [name]);
    const present = await count('SELECT count(*) AS n FROM customers WHERE source = $1 AND deleted_at IS NULL', [name]);
    await hub.connection.run(
      `INSERT OR REPLACE INTO sync_state (source, synced_at, watermark, mode, rows, source_rows, changed_at)
       VALUES ($1, $2::TIMESTAMP, (SELECT coalesce(greatest(max(updated_at), $3::VARCHAR), $3::VARCHAR) FROM customers WHERE source = $1), $4, $5, $6,
               CASE WHEN $7 THEN $2::TIMESTAMP ELSE (SELECT changed_at FROM sync_state WHERE source = $1) END)`,
      [name, now, watermark, mode, present, sourceRows, changed],
    );
    await hub.connection.run('COMMIT');
    return { source: name, mode, read, inserted, updated, deleted, present };
  } catch (error) {
    await hub.connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A CSV field: every text quoted (so '' stays an empty string), null as an empty unquoted field. */
const csvField = (cell: string | null): string => (cell === null ? '' : `"${cell.replaceAll('"', '""')}"`);
/** Rows written to the staging file per write call. */
const STAGE_BATCH = 4096;

/**
 * Streams the source (or its changes since `since`) into the stage, after discarding what a crashed run left
 * there. The rows go to a CSV file first, in batches, and DuckDB loads the file in one COPY: a native call per
 * cell (the appender) cost more than reading the source.
 */
async function stage(hub: Hub, source: CustomerSource, since: string | undefined, onRow: ((read: number) => void) | undefined): Promise<{ read: number; watermark: string | null }> {
  await hub.connection.run('DELETE FROM customers_stage WHERE source = $1', [source.name]);
  const directory = await mkdtemp(join(tmpdir(), 'custcode-hub-stage-'));
  const file = join(directory, 'stage.csv');
  let read = 0;
  let watermark: string | null = null;
  try {
    const handle = await open(file, 'w');
    try {
      let batch: string[] = [];
      for await (const customer of source.search(since === undefined ? {} : { updatedSince: since })) {
        batch.push(`${recordCells(customer, source.name).map(csvField).join(',')},${read}\n`);
        read += 1;
        const changed = customer.updatedAt ?? customer.createdAt;
        if (changed !== undefined && (watermark === null || changed > watermark)) watermark = changed;
        if (batch.length === STAGE_BATCH) {
          await handle.write(batch.join(''));
          batch = [];
          onRow?.(read);
        }
      }
      if (batch.length > 0) await handle.write(batch.join(''));
      onRow?.(read);
    } finally {
      await handle.close();
    }
    if (read > 0) {
      const columns = [...RECORD_COLUMNS.map((column) => `'${column}': 'VARCHAR'`), "'seq': 'BIGINT'"].join(', ');
      await hub.connection.run(
        `INSERT INTO customers_stage SELECT * FROM read_csv($1, header = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, auto_detect = false, columns = {${columns}})`,
        [file],
      );
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return { read, watermark };
}

/** The columns a sync writes, for callers that print them. */
export const SYNCED_COLUMNS = [...RECORD_COLUMNS, 'occurrence', 'first_seen', 'last_seen', 'deleted_at'] as const;
