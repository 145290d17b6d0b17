import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importOptional } from '@custcode/core/adapter';

/** The parts of better-sqlite3 the spill uses. */
export interface SpillStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggle?: boolean): SpillStatement;
  raw(toggle?: boolean): SpillStatement;
}
export interface SpillDatabase {
  prepare(sql: string): SpillStatement;
  exec(sql: string): unknown;
  pragma(text: string): unknown;
  transaction<T extends (...args: never[]) => unknown>(work: T): T;
  function(name: string, options: { deterministic?: boolean }, implementation: (...args: never[]) => unknown): unknown;
  unsafeMode(toggle?: boolean): unknown;
  close(): void;
}
type SqliteConstructor = new (file: string) => SpillDatabase;

/** A scratch SQLite database in a directory of its own, removed on close. */
export interface Spill {
  db: SpillDatabase;
  close(): void;
}

/**
 * Opens a scratch database for one run. Nothing in it must survive a crash (the run starts over), so the
 * journal and syncing are off; its page cache is bounded, which is what bounds the run's memory.
 */
export async function openSpill(directory: string | undefined): Promise<Spill> {
  const Database = await importOptional<SqliteConstructor>('better-sqlite3', () => import('better-sqlite3') as Promise<unknown> as Promise<SqliteConstructor>, 'A migration on disk');
  const folder = mkdtempSync(join(directory ?? tmpdir(), 'custcode-migrate-'));
  let db: SpillDatabase;
  try {
    db = new Database(join(folder, 'spill.sqlite'));
    // Large pages: the records are written once in order and read in order, a few pages per call.
    db.pragma('page_size = 65536');
    // better-sqlite3 runs in SQLite's defensive mode, which refuses journal_mode = OFF (it stays DELETE,
    // writing and deleting a journal file per transaction) unless unsafe mode is on while it is set.
    db.unsafeMode(true);
    db.pragma('journal_mode = OFF');
    db.unsafeMode(false);
    db.pragma('synchronous = OFF');
    db.pragma('temp_store = FILE');
    db.pragma('cache_size = -32768');
    // One connection only: no lock taken and dropped around every transaction.
    db.pragma('locking_mode = EXCLUSIVE');
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    db,
    close() {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
