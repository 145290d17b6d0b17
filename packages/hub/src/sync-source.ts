import type { CustomerSource } from '@custcode/core';
import { RECORD_COLUMNS, recordCells, SAME_RECORD, STAGED_ROWS } from './hub-schema.js';
import type { DuckDbConnection } from './load-duckdb.js';
import type { Hub } from './open-hub.js';

export interface SyncOptions {
  /** Read the whole source and diff it against the hub even when an incremental read is possible. */
  full?: boolean;
  /** The sync's time (tests); default now. */
  now?: Date;
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
    const result = await applyChanges(hub, source, now, since);
    if (result) return result;
  }
  return (await applyChanges(hub, source, now, undefined))!;
}

/** One staged read and its transaction; undefined when an incremental read cannot account for deletions (rolled back). */
async function applyChanges(hub: Hub, source: CustomerSource, now: string, since: string | undefined): Promise<SyncResult | undefined> {
  const name = source.name;
  const { read, watermark } = await stage(hub, source, since);
  const count = async (sql: string, params: unknown[]) => Number((await hub.query<{ n: number | string }>(sql, params))[0]!.n);
  const staged = `FROM ${STAGED_ROWS} WHERE s.source = $1`;
  await hub.connection.run('BEGIN TRANSACTION');
  try {
    if (since !== undefined && (await count(`SELECT count(*) AS n FROM (SELECT occurrence FROM customers WHERE source = $1 UNION ALL SELECT s.occurrence ${staged}) WHERE occurrence > 1`, [name])) > 0) {
      // A code held twice in one org: a partial read cannot tell which of its rows changed, so diff the whole source.
      await hub.connection.run('ROLLBACK');
      return undefined;
    }
    const [previous] = await hub.query<{ synced_at: string }>('SELECT synced_at FROM sync_state WHERE source = $1', [name]);
    const updated = await count(`SELECT count(*) AS n FROM customers c JOIN ${STAGED_ROWS} ON ${SAME_RECORD} WHERE s.source = $1 AND (${CHANGED} OR c.deleted_at IS NOT NULL)`, [name]);
    const sets = VALUE_COLUMNS.map((column) => `${column} = s.${column}`).join(', ');
    await hub.connection.run(
      `UPDATE customers c SET ${sets}, last_seen = $2::TIMESTAMP, deleted_at = CASE WHEN s.status = 'deleted' THEN coalesce(c.deleted_at, $2::TIMESTAMP) END ${staged} AND ${SAME_RECORD}`,
      [name, now],
    );
    const inserted = await count(`SELECT count(*) AS n ${staged} AND NOT EXISTS (SELECT 1 FROM customers c WHERE ${SAME_RECORD})`, [name]);
    await hub.connection.run(
      `INSERT INTO customers SELECT s.*, $2::TIMESTAMP, $2::TIMESTAMP, CASE WHEN s.status = 'deleted' THEN $2::TIMESTAMP END ${staged} AND NOT EXISTS (SELECT 1 FROM customers c WHERE ${SAME_RECORD})`,
      [name, now],
    );
    let deleted = 0;
    if (since === undefined) {
      // Rows the snapshot no longer has were deleted in the source.
      const gone = `source = $1 AND last_seen < $2::TIMESTAMP AND deleted_at IS NULL`;
      deleted = await count(`SELECT count(*) AS n FROM customers WHERE ${gone}`, [name, now]);
      await hub.connection.run(`UPDATE customers SET deleted_at = $2::TIMESTAMP WHERE ${gone}`, [name, now]);
    } else if (previous) {
      // Rows present at the last sync and not changed since are still present, unless the count says otherwise.
      await hub.connection.run('UPDATE customers SET last_seen = $2::TIMESTAMP WHERE source = $1 AND last_seen = $3::TIMESTAMP', [name, now, previous.synced_at]);
      const seen = await count('SELECT count(*) AS n FROM customers WHERE source = $1 AND last_seen = $2::TIMESTAMP', [name, now]);
      if (seen !== (await source.count())) {
        await hub.connection.run('ROLLBACK');
        return undefined;
      }
    }
    await hub.connection.run('DELETE FROM customers_stage WHERE source = $1', [name]);
    const present = await count('SELECT count(*) AS n FROM customers WHERE source = $1 AND deleted_at IS NULL', [name]);
    await hub.connection.run(
      `INSERT OR REPLACE INTO sync_state VALUES ($1, $2::TIMESTAMP, (SELECT coalesce(greatest(max(updated_at), $3::VARCHAR), $3::VARCHAR) FROM customers WHERE source = $1), $4, $5)`,
      [name, now, watermark, since === undefined ? 'snapshot' : 'incremental', present],
    );
    await hub.connection.run('COMMIT');
    return { source: name, mode: since === undefined ? 'snapshot' : 'incremental', read, inserted, updated: updated, deleted, present };
  } catch (error) {
    await hub.connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Streams the source (or its changes since `since`) into the stage, after discarding what a crashed run left there. */
async function stage(hub: Hub, source: CustomerSource, since: string | undefined): Promise<{ read: number; watermark: string | null }> {
  await hub.connection.run('DELETE FROM customers_stage WHERE source = $1', [source.name]);
  const appender = await (hub.connection as DuckDbConnection).createAppender('customers_stage');
  let read = 0;
  let watermark: string | null = null;
  try {
    for await (const customer of source.search(since === undefined ? {} : { updatedSince: since })) {
      for (const cell of recordCells(customer, source.name)) {
        if (cell === null) appender.appendNull();
        else appender.appendVarchar(cell);
      }
      appender.appendBigInt(BigInt(read));
      appender.endRow();
      read += 1;
      const changed = customer.updatedAt ?? customer.createdAt;
      if (changed !== undefined && (watermark === null || changed > watermark)) watermark = changed;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return { read, watermark };
}

/** The columns a sync writes, for callers that print them. */
export const SYNCED_COLUMNS = [...RECORD_COLUMNS, 'occurrence', 'first_seen', 'last_seen', 'deleted_at'] as const;
