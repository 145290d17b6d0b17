import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Hub } from './open-hub.js';

/**
 * Writes the hub's tables as a Parquet dataset under `directory`: `customers/source=NAME/*.parquet` (hive style,
 * one partition per source, so Spark, Trino and DuckDB read it unchanged), and `links/`, `golden/` when a match
 * wrote them. Each part is written beside its place and renamed into it, so a reader never sees half a partition.
 */
export async function writeParquet(hub: Hub, directory: string, sources: readonly string[]): Promise<void> {
  const staging = join(directory, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(directory, 'customers'), { recursive: true });
  try {
    for (const source of sources) {
      await hub.connection.run("COPY (SELECT * FROM customers WHERE source = $1) TO $2 (FORMAT parquet, PARTITION_BY (source), OVERWRITE_OR_IGNORE)", [source, staging]);
      // DuckDB names the partition folder (escaping the source name as hive style needs).
      for (const partition of existsSync(staging) ? readdirSync(staging) : []) swap(join(directory, 'customers', partition), join(staging, partition));
      rmSync(staging, { recursive: true, force: true });
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
