import type { ExecutorOptions, SqlExecutor } from '../executor/sql-executor.js';
import type { SeedEngine } from '../seed/seed-connection.js';
import type { SeedColumn } from '../seed/seed-target.js';
import type { SequenceEngine } from '../sequence/sequence-connection.js';
import type { ConnectionUrl } from './connection-url.js';
import type { DialectName } from './dialect-name.js';
import type { QueryCompiler } from './query-compiler.js';

/** Where an executor connects: a parsed URL, or a client the caller created and owns. */
export type DriverTarget = { url: ConnectionUrl } | { client: unknown };

/**
 * One SQL engine: its compiler, its statement limits, how its driver is opened, and everything else that
 * differs between engines (URL schemes, seed DDL, sequence-store SQL). No file outside `dialects/` names an
 * engine: the rest of custcode asks the dialect.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** What messages call the engine. */
  readonly label: string;
  /** URL schemes (without the colon) that open this dialect; messages suggest the first. */
  readonly urlSchemes: readonly [string, ...string[]];
  /**
   * How its URL names the database: `file` (`scheme:PATH`, a path relative to the working directory or
   * absolute) or `server` (`scheme://user@host:port/database?options`).
   */
  readonly urlForm: 'file' | 'server';
  /** A `file` path that names no file (an in-memory database). */
  readonly inMemoryFile?: string;
  /** The column type of a seed table column (`createSeedTable`); absent where custcode seeds no tables. */
  seedColumnType?(column: SeedColumn): string;
  /** How seeding opens a writing connection and loads rows (`openSeedTarget`); absent where custcode seeds nothing. */
  readonly seed?: SeedEngine;
  /** Statements and write connection of the SQL sequence store; absent where custcode keeps no counters. */
  readonly sequence?: SequenceEngine;
  readonly compiler: QueryCompiler;
  /** Bound parameters per statement and values per IN list the engine accepts. */
  readonly limits: { maxParameters: number; maxInList: number };
  /** Whether quoted identifiers that differ only in case are different columns. */
  readonly identifiersCaseSensitive: boolean;
  /** Catalog type names that hold numbers, so that filters never compare them with text. */
  readonly numericTypes: RegExp;
  createExecutor(target: DriverTarget, options: ExecutorOptions): SqlExecutor;
}

/** `schema.table` → its two parts (schema undefined when not qualified). */
export function splitTableName(table: string): { schema: string | undefined; name: string } {
  const dot = table.lastIndexOf('.');
  return dot === -1 ? { schema: undefined, name: table } : { schema: table.slice(0, dot), name: table.slice(dot + 1) };
}
