import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openHub, type SyncResult, syncSource, writeParquet } from '@custcode/hub';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { outputGuard } from '../../output/output-guard.js';
import { commandProgress } from '../../output/progress.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { withSources } from '../report/with-sources.js';
import type { CommonOptions } from '../with-source.js';

export interface SyncCommandOptions extends CommonOptions {
  sources: string[];
  /** A DuckDB file (default hub.duckdb), or with `--format parquet` a directory. */
  to?: string;
  format?: string;
  full?: boolean;
}

export const HUB_FORMATS = ['duckdb', 'parquet'] as const;

/**
 * `custcode sync SOURCE… [--to hub.duckdb | --to DIR --format parquet]`: copies every source into the hub's
 * customers table, read through the caller's role as export reads it (masked fields stay masked, filtered rows
 * stay out). After the first run only changes are read where the source allows it; deletions are recorded.
 */
export async function runSync(io: CommandIo, options: SyncCommandOptions): Promise<number> {
  const names = [...new Set(options.sources)];
  const format = options.format ?? 'duckdb';
  return withSources(io, { ...options, sources: names, command: 'export' }, async (sources, loaded) => {
    if (!(HUB_FORMATS as readonly string[]).includes(format)) throw new UsageError({ message: `--format must be ${HUB_FORMATS.join(' or ')}, not ${JSON.stringify(format)}.`, hint: 'custcode sync u8 sap --to hub/ --format parquet' });
    const target = outputGuard(loaded, io.cwd).check(resolve(io.cwd, options.to ?? (format === 'parquet' ? 'hub' : 'hub.duckdb')), '--to');
    if (format === 'parquet') mkdirSync(target, { recursive: true });
    const hub = await openHub(target);
    const results: SyncResult[] = [];
    // The sources' counts as the total: an incremental sync reads fewer rows and simply ends early.
    const progress = await commandProgress(io, options.json, async () => (await Promise.all(sources.map((source) => source.count()))).reduce((sum, count) => sum + count, 0));
    try {
      let before = 0;
      for (const source of sources) {
        const result = await syncSource(hub, source, { ...(options.full ? { full: true } : {}), onRow: (read) => progress.update(before + read) });
        results.push(result);
        before += result.read;
      }
      if (format === 'parquet') await writeParquet(hub, target, names);
    } finally {
      progress.done();
      await hub.close();
    }
    if (options.json) {
      await writeChunk(io.stdout, `${JSON.stringify({ to: target, format, sources: results })}\n`);
    } else {
      for (const result of results) {
        io.stderr.write(`${result.source}: ${result.mode}, read ${result.read}, ${result.inserted} new, ${result.updated} changed, ${result.deleted} deleted, ${result.present} present\n`);
      }
      io.stderr.write(`wrote ${options.to ?? target}\n`);
    }
    return EXIT_CODES.ok;
  });
}
