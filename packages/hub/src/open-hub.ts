import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUSTOMER_LAST_SEEN, HUB_DDL } from './hub-schema.js';
import { type DuckDbConnection, loadDuckDb } from './load-duckdb.js';
import type { GoldenRow, HubCustomer, LinkRow } from './hub-types.js';

/** The DuckDB file of a Parquet hub directory: Spark, Trino and DuckDB skip `_`-prefixed files when they read the dataset. */
export const PARQUET_STATE_FILE = '_custcode_hub.duckdb';

export interface OpenHubOptions {
  /** Replaces the import of `@duckdb/node-api` (tests, bundlers). */
  importDuckDb?: () => Promise<unknown>;
  /**
   * DuckDB's memory limit (its `memory_limit` setting), default '192MB': without one DuckDB may take 80 % of the
   * machine's RAM for a 1M-row sync. Past it, DuckDB spills to `temp_directory` (beside a hub file; the system's
   * temp directory for `:memory:`).
   */
  memoryLimit?: string;
  /** DuckDB's worker threads (its `threads` setting), default: DuckDB's own (the machine's cores). */
  threads?: number;
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
  for (const setting of duckDbSettings(options, file === ':memory:' ? tmpdir() : undefined)) await connection.run(setting);
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
        `SELECT c.* REPLACE (${CUSTOMER_LAST_SEEN} AS last_seen) FROM customers c LEFT JOIN sync_state st ON st.source = c.source
         WHERE ($1::VARCHAR IS NULL OR c.source = $1) AND ($2 OR c.deleted_at IS NULL) ORDER BY c.source, c.code, c.org, c.occurrence`,
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

/** DuckDB's memory limit unless the caller sets one: a 1M-row sync then stays near 300 MB (bench row 10a). */
export const DEFAULT_MEMORY_LIMIT = '192MB';
const MEMORY = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** The SET statements of openHub's options, checked first: the values are written into SQL, so only these forms pass. */
function duckDbSettings(options: OpenHubOptions, spillTo: string | undefined): string[] {
  const memory = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
  if (!MEMORY.test(memory)) throw new TypeError(`openHub: memoryLimit must be a size such as '256MB' or '2GB', not ${JSON.stringify(memory)}.`);
  const settings = [`SET memory_limit = '${memory}'`, 'SET preserve_insertion_order = false'];
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new TypeError(`openHub: threads must be a whole number of at least 1, not ${JSON.stringify(options.threads)}.`);
    settings.push(`SET threads = ${options.threads}`);
  }
  // A hub in memory has no file to spill beside; the system's temp directory (a path, so quotes are doubled).
  if (spillTo !== undefined) settings.push(`SET temp_directory = '${spillTo.replaceAll("'", "''")}'`);
  return settings;
}
