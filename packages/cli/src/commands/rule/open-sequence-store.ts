import { resolve } from 'node:path';
import { createFileSequenceStore, createMemorySequenceStore, type SequenceStore } from '@custcode/core';
import { createSqlSequenceStore } from '@custcode/sql';
import type { CommandIo } from '../../command-io.js';

const SQL_URL = /^(mysql|mariadb|postgres|postgresql|sqlite):/i;

/**
 * `--store URL|FILE`: a SQL URL keeps counters in a custcode table of that database; anything else is
 * a JSON file (relative to the working directory). Without `--store` counters live only for this run.
 */
export function openSequenceStore(store: string | undefined, io: CommandIo): SequenceStore {
  if (store === undefined || store === '') {
    io.stderr.write('note: no --store given, so numbering starts afresh on every run; pass --store FILE or a database URL to keep counters.\n');
    return createMemorySequenceStore();
  }
  if (SQL_URL.test(store)) return createSqlSequenceStore(store);
  return createFileSequenceStore(resolve(io.cwd, store));
}
