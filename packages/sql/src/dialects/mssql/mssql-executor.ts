import type { ExecutorOptions, SqlExecutor, SqlRow } from '../../executor/sql-executor.js';
import { loadDriverPackage } from '../load-driver-package.js';
import { databaseServerTarget } from '../database-server-target.js';
import { createDriverExecutor, errorCode, NETWORK_CODES, type DriverSession, type ErrorMeaning } from '../driver-executor.js';
import type { DriverTarget } from '../sql-dialect.js';

/** The parts of mssql (tedious) custcode uses. */
interface MssqlRequest {
  input(name: string, type: unknown, value: unknown): MssqlRequest;
  query(sql: string): Promise<{ recordset?: SqlRow[] }>;
}
interface MssqlPool {
  connect(): Promise<unknown>;
  request(): MssqlRequest;
  close(): Promise<void>;
}
interface MssqlModule {
  ConnectionPool: new (config: Record<string, unknown>) => MssqlPool;
  NVarChar: unknown;
  Int: unknown;
  BigInt: unknown;
  Float: unknown;
}

const loadDriver = (options: ExecutorOptions) =>
  loadDriverPackage<MssqlModule>('mssql', 'Reading a SQL Server database', options, () =>
    // @ts-ignore -- the package ships no types; the parts used are described above
    import('mssql'),
  );

const flag = (value: string | undefined, fallback: boolean) => (value === undefined ? fallback : value === 'true' || value === '1' || value === 'yes');

/**
 * mssql over tedious: text parameters typed NVARCHAR (Unicode: Chinese names survive any code page),
 * `useUTC` so that UTC getters give the stored wall-clock datetime, `ApplicationIntent=ReadOnly`
 * (routes to a readable secondary when there is one; the login's grants are what really keep it read-only).
 * URL options: `encrypt`, `trustServerCertificate`, `instanceName`.
 */
export function createMssqlExecutor(target: DriverTarget, options: ExecutorOptions): SqlExecutor {
  const { url, password, description, secrets } = databaseServerTarget(target, options, 'the given SQL Server pool');
  let driver: MssqlModule | undefined;
  return createDriverExecutor({
    dialect: 'mssql',
    target: description,
    secrets,
    async connect() {
      driver = await loadDriver(options);
      if ('client' in target) return session(target.client as MssqlPool, false, driver);
      const pool = new driver.ConnectionPool({
        server: url!.host,
        port: url!.port ?? 1433,
        user: url!.user,
        password,
        database: url!.database,
        connectionTimeout: options.connectTimeoutMs ?? 15_000,
        requestTimeout: options.queryTimeoutMs ?? 60_000,
        pool: { max: 4 },
        options: {
          readOnlyIntent: true,
          useUTC: true,
          encrypt: flag(url!.options.encrypt, true),
          trustServerCertificate: flag(url!.options.trustServerCertificate, false),
          ...(url!.options.instanceName ? { instanceName: url!.options.instanceName } : {}),
        },
      });
      await pool.connect();
      return session(pool, true, driver);
    },
    classify,
    listTablesQuery(schema) {
      return {
        sql: "SELECT o.name AS table_name FROM sys.objects o WHERE o.type IN ('U', 'V', 'SN') AND o.schema_id = COALESCE(SCHEMA_ID(@p1), SCHEMA_ID()) ORDER BY o.name",
        params: [schema ?? null],
      };
    },
    listColumnsQuery(table) {
      // OBJECT_ID resolves `dbo.Customer` and bare names through the user's default schema.
      return { sql: 'SELECT c.name AS column_name, TYPE_NAME(c.user_type_id) AS data_type, c.is_nullable AS is_nullable FROM sys.columns c WHERE c.object_id = OBJECT_ID(@p1) ORDER BY c.column_id', params: [table] };
    },
  });
}

function session(pool: MssqlPool, owned: boolean, driver: MssqlModule): DriverSession {
  return {
    async query(sql, params) {
      const request = pool.request();
      params.forEach((value, index) => request.input(`p${index + 1}`, parameterType(value, driver), value));
      return (await request.query(sql)).recordset ?? [];
    },
    async close() {
      if (owned) await pool.close();
    },
  };
}

function parameterType(value: unknown, driver: MssqlModule): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? (Math.abs(value) < 2 ** 31 ? driver.Int : driver.BigInt) : driver.Float;
  if (typeof value === 'bigint') return driver.BigInt;
  return driver.NVarChar;
}

function classify(error: unknown, phase: 'connect' | 'query'): ErrorMeaning {
  const code = errorCode(error);
  const details = error as { number?: number; originalError?: { number?: number; code?: string } };
  const number = details.number ?? details.originalError?.number;
  const message = error instanceof Error ? error.message : '';
  if (number === 4060 || /Cannot open database/i.test(message)) return { reason: 'unknown-database' };
  if (code === 'ELOGIN' || number === 18456) return { reason: 'authentication' };
  if (code === 'ETIMEOUT') return { reason: phase === 'connect' ? 'unreachable' : 'timeout' };
  if (code === 'ESOCKET' || code === 'ECONNCLOSED') return { reason: phase === 'connect' ? 'unreachable' : 'closed' };
  if (code !== undefined && NETWORK_CODES.has(code)) return { reason: 'unreachable' };
  return { backendCode: number === undefined ? code : String(number) };
}
