import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_DDL } from './hub-schema.js';
import { type DuckDbConnection, loadDuckDb } from './load-duckdb.js';
import type { GoldenRow, HubCustomer, LinkRow } from './hub-types.js';

/** The DuckDB file of a Parquet hub directory: Spark, Trino and DuckDB skip `_`-prefixed files when they read the dataset. */
export const PARQUET_STATE_FILE = '_custcode_hub.duckdb';

export interface OpenHubOptions {
  /** Replaces the import of `@duckdb/node-api` (tests, bundlers). */
  importDuckDb?: () => Promise<unknown>;
}

export interface CustomerQueryOptions {
  source?: string;
  /** Rows deleted in their source (deleted_at set) too. Default false. */
  includeDeleted?: boolean;
}

/**
 * The hub's DuckDB connection (a `DuckDBConnection` of `@duckdb/node-api`), typed here without importing that
 * optional peer, so a project that installs custcode without it still type-checks. Cast it to
 * `DuckDBConnection` for the whole API.
 */
export interface HubConnection {
  run(sql: string, values?: unknown[]): Promise<unknown>;
  closeSync(): void;
}

/** An open hub: typed helpers over its tables, and the DuckDB connection for any SQL. */
export interface Hub {
  readonly path: string;
  readonly connection: HubConnection;
  /** Runs SQL with bound parameters; rows as JSON-safe objects (BIGINT and timestamps as text). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  customers(options?: CustomerQueryOptions): Promise<HubCustomer[]>;
  links(): Promise<LinkRow[]>;
  golden(): Promise<GoldenRow[]>;
  /** The links of the global customers that `code` (of `source`, if given) belongs to: every system's record of it. */
  clustersOf(code: string, source?: string): Promise<LinkRow[]>;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) a hub: a DuckDB file, or a Parquet hub directory (its state file inside).
 * `:memory:` opens a hub that lives only as long as it is open.
 */
export async function openHub(path: string, options: OpenHubOptions = {}): Promise<Hub> {
  const duckdb = await loadDuckDb(options.importDuckDb);
  const file = path !== ':memory:' && existsSync(path) && statSync(path).isDirectory() ? join(path, PARQUET_STATE_FILE) : path;
  const instance = await duckdb.DuckDBInstance.create(file);
  const connection = await instance.connect();
  for (const statement of HUB_DDL) await connection.run(statement);
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJson() as T[];
  };
  return {
    path,
    // DuckDB's parameter types are narrower than unknown[]; the same object, typed without the peer.
    connection: connection as unknown as HubConnection,
    query,
    customers: (filter = {}) =>
      query<HubCustomer>(
        `SELECT * FROM customers WHERE ($1::VARCHAR IS NULL OR source = $1) AND ($2 OR deleted_at IS NULL) ORDER BY source, code, org, occurrence`,
        [filter.source ?? null, filter.includeDeleted ?? false],
      ),
    links: () => query<LinkRow>('SELECT * FROM links ORDER BY global_id, source, code, org'),
    golden: () => query<GoldenRow>('SELECT * FROM golden ORDER BY global_id'),
    clustersOf: (code, source) =>
      query<LinkRow>(
        'SELECT * FROM links WHERE global_id IN (SELECT global_id FROM links WHERE code = $1 AND ($2::VARCHAR IS NULL OR source = $2)) ORDER BY global_id, source, code, org',
        [code, source ?? null],
      ),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
