import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Hub } from './open-hub.js';

/**
 * Writes the hub's tables as a Parquet dataset under `directory`: `customers/source=NAME/*.parquet` (hive style,
 * one partition per source, so Spark, Trino and DuckDB read it unchanged), and `links/`, `golden/` when a match
 * wrote them. Each part is written beside its place and renamed into it, so a reader never sees half a partition.
 * A source's partition is rewritten only when a sync changed a row of it since the partition was written.
 */
export async function writeParquet(hub: Hub, directory: string, sources: readonly string[]): Promise<void> {
  const staging = join(directory, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(directory, 'customers'), { recursive: true });
  try {
    for (const source of sources) {
      // A partition already holding the source's last change is left as it is (a sync that changed nothing).
      const [state] = await hub.query<{ current: boolean; folder: string }>(
        'SELECT p.written_at >= coalesce(s.changed_at, s.synced_at) AS current, p.folder FROM parquet_state p JOIN sync_state s USING (source) WHERE source = $1',
        [source],
      );
      if (state?.current && existsSync(join(directory, 'customers', state.folder))) continue;
      // Row groups of 60k rows (DuckDB's default is 122,880): the writer's buffers then fit the hub's memory limit.
      await hub.connection.run(
        "COPY (SELECT * FROM customers WHERE source = $1) TO $2 (FORMAT parquet, PARTITION_BY (source), OVERWRITE_OR_IGNORE, ROW_GROUP_SIZE 61440)",
        [source, staging],
      );
      // DuckDB names the partition folder (escaping the source name as hive style needs).
      const folders = existsSync(staging) ? readdirSync(staging) : [];
      for (const partition of folders) swap(join(directory, 'customers', partition), join(staging, partition));
      rmSync(staging, { recursive: true, force: true });
      if (folders.length === 1) await hub.connection.run('INSERT OR REPLACE INTO parquet_state SELECT source, synced_at, $2 FROM sync_state WHERE source = $1', [source, folders[0]]);
    }
    for (const table of ['links', 'golden'] as const) {
      if (Number((await hub.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n) === 0) continue;
      mkdirSync(staging, { recursive: true });
      await hub.connection.run(`COPY ${table} TO $1 (FORMAT parquet)`, [join(staging, 'data.parquet')]);
      swap(join(directory, table), staging);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Puts `fresh` where `target` is, replacing it. */
function swap(target: string, fresh: string): void {
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

