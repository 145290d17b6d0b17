import { importOptional } from '@custcode/core/adapter';

/** The part of `@duckdb/node-api` the hub uses (the package is an optional peer, loaded on first use). */
export type DuckDbModule = typeof import('@duckdb/node-api');
export type DuckDbConnection = import('@duckdb/node-api').DuckDBConnection;
export type DuckDbInstance = import('@duckdb/node-api').DuckDBInstance;

/**
 * Loads DuckDB, or throws a MissingDriverError that says `npm install @duckdb/node-api` (`injected` replaces the
 * import: tests, bundlers).
 */
export function loadDuckDb(injected?: () => Promise<unknown>): Promise<DuckDbModule> {
  return importOptional('@duckdb/node-api', () => import('@duckdb/node-api'), 'The customer hub', injected ? { injected } : {});
}
