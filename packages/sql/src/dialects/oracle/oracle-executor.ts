import type { ExecutorOptions, SqlExecutor, SqlRow } from '../../executor/sql-executor.js';
import { loadDriverPackage } from '../load-driver-package.js';
import { databaseServerTarget } from '../database-server-target.js';
import { createDriverExecutor, probed, errorCode, NETWORK_CODES, type DriverSession, type ErrorMeaning } from '../driver-executor.js';
import { splitTableName, type DriverTarget } from '../sql-dialect.js';

/** The parts of oracledb (thin mode) custcode uses. */
interface OracleConnection {
  callTimeout?: number;
  execute(sql: string, binds: unknown[], options: Record<string, unknown>): Promise<{ rows?: SqlRow[] }>;
  close(): Promise<void>;
}
interface OraclePool {
  getConnection(): Promise<OracleConnection>;
  close(drainSeconds?: number): Promise<void>;
}
interface OracleModule {
  createPool(config: Record<string, unknown>): Promise<OraclePool>;
  OUT_FORMAT_OBJECT: number;
  DB_TYPE_DATE: unknown;
  DB_TYPE_TIMESTAMP: unknown;
}

const loadDriver = (options: ExecutorOptions) =>
  loadDriverPackage<OracleModule>('oracledb', 'Reading an Oracle database', options, () =>
    // @ts-ignore -- the package ships no types; the parts used are described above
    import('oracledb'),
  );

const pad = (value: number) => String(value).padStart(2, '0');

/** oracledb builds DATE/TIMESTAMP values as local-time Date objects: read them back with local getters. */
function wallClock(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}`;
}

/**
 * oracledb in thin mode (no Instant Client; Oracle 12.1+). Oracle has no read-only session switch
 * that survives pooling: connect with an account that has only SELECT grants (EBS: a read-only
 * schema with synonyms, as for any reporting tool). `queryTimeoutMs` is the connection's callTimeout.
 * URL: `oracle://user@host:1521/SERVICE_NAME`.
 */
export function createOracleExecutor(target: DriverTarget, options: ExecutorOptions): SqlExecutor {
  const { url, password, description, secrets } = databaseServerTarget(target, options, 'the given Oracle pool');
  return createDriverExecutor({
    dialect: 'oracle',
    target: description,
    secrets,
    async connect() {
      const oracledb = await loadDriver(options);
      const executeOptions = {
        outFormat: oracledb.OUT_FORMAT_OBJECT,
        fetchTypeHandler: (metadata: { dbType?: unknown }) =>
          metadata.dbType === oracledb.DB_TYPE_DATE || metadata.dbType === oracledb.DB_TYPE_TIMESTAMP ? { converter: wallClock } : undefined,
      };
      if ('client' in target) return session(target.client as OraclePool | OracleConnection, false, executeOptions, options);
      const pool = await oracledb.createPool({
        user: url!.user,
        password,
        connectString: `${url!.host}:${url!.port ?? 1521}/${url!.database ?? ''}`,
        connectTimeout: Math.ceil((options.connectTimeoutMs ?? 15_000) / 1000),
        poolMin: 0,
        poolMax: 4,
      });
      return probed(session(pool, true, executeOptions, options), 'SELECT 1 FROM DUAL');
    },
    classify,
    listTablesQuery(schema) {
      return {
        sql: `SELECT OBJECT_NAME AS "table_name" FROM ALL_OBJECTS WHERE OWNER = COALESCE(:1, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')) AND OBJECT_TYPE IN ('TABLE', 'VIEW', 'SYNONYM') ORDER BY OBJECT_NAME`,
        params: [schema ?? null],
      };
    },
    listColumnsQuery(table) {
      const { schema, name } = splitTableName(table);
      return {
        sql: `SELECT COLUMN_NAME AS "column_name", DATA_TYPE AS "data_type", NULLABLE AS "is_nullable" FROM ALL_TAB_COLUMNS WHERE OWNER = COALESCE(:1, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')) AND TABLE_NAME = :2 ORDER BY COLUMN_ID`,
        params: [schema ?? null, name],
      };
    },
  });
}

function session(client: OraclePool | OracleConnection, owned: boolean, executeOptions: Record<string, unknown>, options: ExecutorOptions): DriverSession {
  return {
    async query(sql, binds) {
      const pooled = 'getConnection' in client;
      const connection = pooled ? await client.getConnection() : client;
      try {
        if (options.queryTimeoutMs) connection.callTimeout = options.queryTimeoutMs;
        return (await connection.execute(sql, binds, executeOptions)).rows ?? [];
      } finally {
        if (pooled) await connection.close();
      }
    },
    async close() {
      if (owned && 'getConnection' in client) await client.close(0);
    },
  };
}

function classify(error: unknown, phase: 'connect' | 'query'): ErrorMeaning {
  const code = errorCode(error);
  const errorNum = (error as { errorNum?: number }).errorNum;
  const message = error instanceof Error ? error.message : '';
  if (errorNum === 1017 || errorNum === 28000 || /ORA-01017/.test(message)) return { reason: 'authentication' };
  if (errorNum === 12514 || errorNum === 12505 || /ORA-125(14|05)|NJS-518/.test(message)) return { reason: 'unknown-database' };
  if (code === 'NJS-123' || /DPI-1067|NJS-123/.test(message)) return { reason: 'timeout' };
  if (/NJS-50[0-9]|NJS-51[0-1]/.test(message) || (code !== undefined && NETWORK_CODES.has(code))) {
    return { reason: phase === 'connect' ? 'unreachable' : 'closed' };
  }
  return { backendCode: errorNum === undefined ? code : `ORA-${String(errorNum).padStart(5, '0')}` };
}
