import { createFileSequenceStore, createMemorySequenceStore, type SequenceStore } from '@custcode/rules';
import { redactUrl } from '@custcode/core/adapter';
import { connectionUrlDialect, connectionUrlFile, createSqlSequenceStore, parseConnectionUrl, sequenceStoreUrls } from '@custcode/sql';
import type { CommandIo } from '../../command-io.js';
import type { OutputGuard } from '../../output/output-guard.js';
import { UsageError } from '../../output/usage-error.js';

/**
 * `--store URL|FILE`: a SQL URL keeps counters in a custcode table of that database; anything else is
 * a JSON file (relative to the working directory). Without `--store` counters live only for this run.
 * A JSON file or SQLite database that the config reads (an ERP's database, a source file) is refused.
 */
export function openSequenceStore(store: string | undefined, io: CommandIo, guard: OutputGuard): SequenceStore {
  if (store === undefined || store === '') {
    io.stderr.write('note: no --store given, so numbering starts afresh on every run; pass --store FILE or a database URL to keep counters.\n');
    return createMemorySequenceStore();
  }
  // A database URL (any scheme @custcode/sql opens; one whose engine keeps no counters fails with the SQL store's hint).
  if (connectionUrlDialect(store) !== undefined) {
    const file = connectionUrlFile(parseConnectionUrl(store));
    if (file !== undefined) guard.check(file, '--store');
    return createSqlSequenceStore(store);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(store)) {
    throw new UsageError({ message: `Unsupported --store URL "${redactUrl(store)}".`, hint: `Use a JSON file, or a ${sequenceStoreUrls()} URL.` });
  }
  return createFileSequenceStore(guard.check(store, '--store'));
}
