import Database from 'better-sqlite3';
import type { DialectName } from '@custcode/sql';
import { seedTargetOver, type SeedTarget } from '@custcode/sql/testing';

export interface SqliteSeedTarget extends SeedTarget {
  close(): void;
}

/** The demo's databases are files of this dialect. */
export const DEMO_DIALECT: DialectName = 'sqlite';

/**
 * A SeedTarget over a SQLite file, synchronous for callers of this public name: @custcode/sql's seed target
 * over a better-sqlite3 connection opened here. The demo itself opens its files with `openSeedTarget`.
 * @deprecated Use `openSeedTarget` from `@custcode/sql/testing`.
 */
export function createSqliteSeedTarget(file: string): SqliteSeedTarget {
  const database = new Database(file);
  return { ...seedTargetOver(DEMO_DIALECT, database), close: () => database.close() };
}
