import type { ExecutorOptions, SqlExecutor, SqlRow } from '../../executor/sql-executor.js';
import { loadDriverPackage } from '../load-driver-package.js';
import { databaseServerTarget } from '../database-server-target.js';
import { createDriverExecutor, probed, errorCode, NETWORK_CODES, type DriverSession, type ErrorMeaning } from '../driver-executor.js';
import { splitTableName, type DriverTarget } from '../sql-dialect.js';
import { type PgPoolClient, streamCursor } from './postgres-stream.js';

/** The parts of pg custcode uses: a Pool or a connected Client (both have query and end). */
interface PgClient {
  query(config: { text: string; values: unknown[]; types: PgTypes; rowMode?: 'array' }): Promise<{ rows: unknown[]; fields?: Array<{ name: string }> }>;
  end(): Promise<void>;
}
interface PgTypes {
  getTypeParser(oid: number, format?: string): (value: string) => unknown;
}
interface PgPool extends PgClient {
  on(event: 'error', listener: (error: Error) => void): void;
  /** Lends a connection of the pool (a stream's own, for its transaction and cursor). */
  connect(): Promise<PgPoolClient>;
  /** pg-pool's settings (`max`, the pool size) and its live count: a Client has neither. */
  options?: { max?: number };
  totalCount?: number;
}
/** A pool (ours, or one the caller passed) can lend a connection to a stream; a single Client cannot. */
const isPool = (client: unknown): client is PgPool => typeof (client as Partial<PgPool>).connect === 'function' && typeof (client as Partial<PgPool>).totalCount === 'number';

/** Connections of the pool custcode opens; at most STREAMS of them hold a cursor, the others answer lookups and pages. */
const POOL_SIZE = 4;
const STREAMS = 2;

/** Streams allowed on a caller's pool: two connections stay free for lookups (pg-pool's default size is 10). */
function streamsOn(client: unknown): number {
  if (!isPool(client)) return 0;
  return Math.max(1, (client.options?.max ?? 10) - 2);
}
interface PgModule {
  Pool: new (config: Record<string, unknown>) => PgPool;
  types: PgTypes;
}

const loadDriver = (options: ExecutorOptions) =>
  loadDriverPackage<PgModule>('pg', 'Reading a PostgreSQL database', options, () =>
    import('pg'),
  );

/** date, timestamp, timestamptz, time: kept as the server's text (zone-less wall-clock values). */
const DATE_TYPES = new Set([1082, 1114, 1184, 1083]);

/** pg's own parsers for everything else (pg is CommonJS; its parsers are reached lazily). */
function textDates(base: PgTypes | undefined): PgTypes {
  return {
    getTypeParser: (oid, format) => (DATE_TYPES.has(oid) ? (value: string) => value : (base?.getTypeParser(oid, format) ?? ((value: string) => value))),
  };
}

/**
 * pg with sessions started as `default_transaction_read_only=on`, `statement_timeout` on the server
 * and `query_timeout` on the client, dates as text.
 */
export function createPostgresExecutor(target: DriverTarget, options: ExecutorOptions): SqlExecutor {
  const { url, password, description, secrets } = databaseServerTarget(target, options, 'the given PostgreSQL client');
  return createDriverExecutor({
    dialect: 'postgres',
    target: description,
    secrets,
    streams: 'client' in target ? streamsOn(target.client) : STREAMS,
    async connect() {
      if ('client' in target) {
        const types = textDates((await loadDriver(options).catch(() => undefined))?.types);
        return session(target.client as PgClient, false, types);
      }
      const pg = await loadDriver(options);
      const timeout = options.queryTimeoutMs;
      const pool = new pg.Pool({
        host: url!.host,
        port: url!.port ?? 5432,
        user: url!.user,
        password,
        database: url!.database,
        max: POOL_SIZE,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
        options: '-c default_transaction_read_only=on',
        ...(timeout ? { statement_timeout: timeout, query_timeout: timeout + 1000 } : {}),
        ...(url!.options.sslmode && url!.options.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: url!.options.sslmode === 'verify-full' } } : {}),
      });
      // An idle pooled connection the server drops (restart, admin kill) must not crash the process:
      // the pool discards it and the next query opens a new one.
      pool.on('error', () => undefined);
      return probed(session(pool, true, textDates(pg.types)), 'SELECT 1');
    },
    classify,
    listTablesQuery(schema) {
      return { sql: 'SELECT table_name FROM information_schema.tables WHERE table_schema = COALESCE($1::text, current_schema()) ORDER BY table_name', params: [schema ?? null] };
    },
    listColumnsQuery(table) {
      const { schema, name } = splitTableName(table);
      return {
        sql: 'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = COALESCE($1::text, current_schema()) AND table_name = $2 ORDER BY ordinal_position',
        params: [schema ?? null, name],
      };
    },
  });
}

function session(client: PgClient, owned: boolean, types: PgTypes): DriverSession {
  return {
    async query(text, values) {
      return (await client.query({ text, values, types })).rows as SqlRow[];
    },
    async queryArrays(text, values) {
      const result = await client.query({ text, values, types, rowMode: 'array' });
      return { columns: (result.fields ?? []).map((field) => field.name), rows: result.rows as unknown[][] };
    },
    async *streamArrays(text, values, pageSize) {
      if (!isPool(client)) throw new Error('A single PostgreSQL client cannot hold a cursor beside other queries; pass a pool.');
      yield* streamCursor(await client.connect(), text, values, pageSize, types);
    },
    async close() {
      if (owned) await client.end();
    },
  };
}

function classify(error: unknown, phase: 'connect' | 'query'): ErrorMeaning {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : '';
  if (code === '28P01' || code === '28000') return { reason: 'authentication' };
  if (code === '3D000') return { reason: 'unknown-database' };
  if (code === '57014' || /Query read timeout/i.test(message)) return { reason: 'timeout' };
  if (code !== undefined && NETWORK_CODES.has(code)) return { reason: phase === 'connect' ? 'unreachable' : 'closed' };
  if (phase === 'connect' && /timeout|terminated/i.test(message)) return { reason: 'unreachable' };
  if (code === '57P01' || /Connection terminated/i.test(message)) return { reason: 'closed' };
  return { backendCode: code };
}
