import type { ExecutorOptions, SqlExecutor } from '../executor/sql-executor.js';
import type { ConnectionUrl } from './connection-url.js';
import type { DialectName } from './dialect-name.js';
import type { QueryCompiler } from './query-compiler.js';

/** Where an executor connects: a parsed URL, or a client the caller created and owns. */
export type DriverTarget = { url: ConnectionUrl } | { client: unknown };

/** One SQL engine: its compiler, its statement limits and how its driver is opened. */
export interface SqlDialect {
  readonly name: DialectName;
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
