import type { ExecutorOptions, SqlExecutor, SqlRow } from '../../executor/sql-executor.js';
import { loadDriverPackage } from '../load-driver-package.js';
import { databaseServerTarget } from '../database-server-target.js';
import { createDriverExecutor, probed, errorCode, NETWORK_CODES, type DriverSession, type ErrorMeaning } from '../driver-executor.js';
import { splitTableName, type DriverTarget } from '../sql-dialect.js';
import { type PooledConnection, streamStatement } from './mysql-stream.js';

/** The parts of mysql2/promise custcode uses: a pool (or a connection: both have execute). */
interface MysqlClient {
  execute(options: { sql: string; values: unknown[]; timeout?: number; rowsAsArray?: boolean }): Promise<[unknown, unknown]>;
  end?(): Promise<void>;
}
interface MysqlPool extends MysqlClient {
  on(event: 'connection', listener: (connection: { query(sql: string): unknown }) => void): void;
  getConnection(): Promise<PooledConnection>;
  /** mysql2/promise keeps the callback pool and its settings here. */
  pool?: { config?: { connectionLimit?: number } };
}
/** A pool (ours, or one the caller passed) can lend a connection to a stream; a single connection cannot. */
const isPool = (client: unknown): client is MysqlPool => typeof (client as Partial<MysqlPool>).getConnection === 'function';

/** Connections of the pool custcode opens; at most STREAMS of them stream, the others answer lookups and pages. */
const POOL_SIZE = 5;
const STREAMS = 3;

/** Streams allowed on a pool: two connections stay free for lookups (a caller's pool of unknown size streams once). */
function streamsOn(client: unknown): number {
  if (!isPool(client)) return 0;
  const size = client.pool?.config?.connectionLimit;
  return typeof size === 'number' ? Math.max(1, size - 2) : 1;
}
interface MysqlModule {
  createPool(config: Record<string, unknown>): MysqlPool;
}

const loadDriver = (options: ExecutorOptions) =>
  loadDriverPackage<MysqlModule>('mysql2', 'Reading a MySQL/MariaDB database', options, () =>
    import('mysql2/promise'),
  );

/**
 * mysql2 with real server-side binding (`execute`), dates as strings (`dateStrings`), BIGINT as
 * exact strings, sessions set to READ ONLY. The query timeout is mysql2's own `timeout` option.
 */
export function createMysqlExecutor(target: DriverTarget, options: ExecutorOptions): SqlExecutor {
  const { url, password, description, secrets } = databaseServerTarget(target, options, 'the given MySQL client');
  return createDriverExecutor({
    dialect: 'mysql',
    target: description,
    secrets,
    streams: 'client' in target ? streamsOn(target.client) : STREAMS,
    async connect() {
      if ('client' in target) return session(target.client as MysqlClient, false, options);
      const mysql = await loadDriver(options);
      const pool = mysql.createPool({
        host: url!.host,
        port: url!.port ?? 3306,
        user: url!.user,
        password,
        database: url!.database,
        charset: 'utf8mb4',
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        connectTimeout: options.connectTimeoutMs ?? 10_000,
        connectionLimit: POOL_SIZE,
        maxPreparedStatements: 200,
      });
      // Every pooled session refuses writes; MariaDB and MySQL 5.6.5+ both accept this.
      pool.on('connection', (connection) => connection.query('SET SESSION TRANSACTION READ ONLY'));
      return probed(session(pool, true, options), 'SELECT 1');
    },
    classify,
    listTablesQuery(schema) {
      return { sql: 'SELECT TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) ORDER BY TABLE_NAME', params: [schema ?? null] };
    },
    listColumnsQuery(table) {
      const { schema, name } = splitTableName(table);
      return {
        sql: 'SELECT COLUMN_NAME AS column_name, DATA_TYPE AS data_type, IS_NULLABLE AS is_nullable FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        params: [schema ?? null, name],
      };
    },
  });
}

function session(client: MysqlClient, owned: boolean, options: ExecutorOptions): DriverSession {
  const timeout = options.queryTimeoutMs ? { timeout: options.queryTimeoutMs } : {};
  return {
    async query(sql, values) {
      const [rows] = await client.execute({ sql, values, ...timeout });
      return rows as SqlRow[];
    },
    async queryArrays(sql, values) {
      const [rows, fields] = await client.execute({ sql, values, rowsAsArray: true, ...timeout });
      return { columns: ((fields ?? []) as Array<{ name: string }>).map((field) => field.name), rows: rows as unknown[][] };
    },
    async *streamArrays(sql, values, pageSize) {
      if (!isPool(client)) throw new Error('A single MySQL connection cannot stream beside other queries; pass a pool.');
      yield* streamStatement(await client.getConnection(), sql, values, pageSize, options.queryTimeoutMs);
    },
    async close() {
      if (owned) await client.end?.();
    },
  };
}

function classify(error: unknown, phase: 'connect' | 'query'): ErrorMeaning {
  const code = errorCode(error);
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR') {
    return { reason: 'authentication' };
  }
  if (code === 'ER_BAD_DB_ERROR') return { reason: 'unknown-database' };
  if (code === 'PROTOCOL_SEQUENCE_TIMEOUT' || code === 'ER_QUERY_TIMEOUT' || code === 'ER_STATEMENT_TIMEOUT') return { reason: 'timeout' };
  if (code !== undefined && NETWORK_CODES.has(code)) return { reason: phase === 'connect' || code !== 'ECONNRESET' ? 'unreachable' : 'closed' };
  // A KILL of the connection reaches a statement that is still sending rows as this error.
  if (code === 'PROTOCOL_CONNECTION_LOST' || code === 'ER_CONNECTION_KILLED') return { reason: 'closed' };
  // mysql2's "Can't add new command when connection is in closed state" (a pooled connection that died idle).
  if (code === undefined && (error as { fatal?: boolean }).fatal === true) return { reason: 'closed' };
  return { backendCode: code };
}
