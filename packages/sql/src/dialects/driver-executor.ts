import { BackendError, ConnectionError, CustcodeError, type ConnectionFailure } from '@custcode/core';
import { redactSecrets } from '@custcode/core/adapter';
import { assertReadOnly } from '../executor/read-only-guard.js';
import type { SqlArrayRows, SqlExecutor, SqlRow } from '../executor/sql-executor.js';
import type { DialectName } from './dialect-name.js';

/** An open connection or pool of one driver, as a dialect's executor file wraps it. */
export interface DriverSession {
  query(sql: string, params: unknown[]): Promise<SqlRow[]>;
  /** Rows as arrays, where the driver reads them that way natively. */
  queryArrays?(sql: string, params: unknown[]): Promise<SqlArrayRows>;
  /** Required when the spec says `streams`. */
  streamArrays?(sql: string, params: unknown[], pageSize: number): AsyncGenerator<SqlArrayRows>;
  close(): Promise<void>;
}

/** What a driver error means: a connection problem, or a failed statement with the engine's code. */
export type ErrorMeaning = { reason: ConnectionFailure } | { backendCode: string | undefined };

export interface DriverExecutorSpec {
  dialect: DialectName;
  /** What is connected to, for messages; never holds a password. */
  target: string;
  /** Removed from every message (the password, however it was given). */
  secrets: Array<string | undefined>;
  connect(): Promise<DriverSession>;
  /** How many statements sessions of this executor may stream at once (`streamArrays`); none when absent or 0. */
  streams?: number;
  classify(error: unknown, phase: 'connect' | 'query'): ErrorMeaning;
  listColumnsQuery(table: string): { sql: string; params: unknown[] };
  listTablesQuery(schema: string | undefined): { sql: string; params: unknown[] };
}

const hints: Record<ConnectionFailure, string> = {
  unreachable: 'Check host, port, firewall and that the database server is running.',
  authentication: 'Check the user name and password (the password may come from an environment variable).',
  'unknown-database': 'Check the database name (or file path) in the URL.',
  timeout: 'The statement took longer than the query timeout; retry, raise queryTimeoutMs, or narrow the query.',
  closed: 'The connection was closed; retry.',
};

/**
 * The executor every dialect shares: lazy connection on first use, the read-only guard in front of
 * every statement, driver errors turned into typed custcode errors with secrets removed.
 */
export function createDriverExecutor(spec: DriverExecutorSpec): SqlExecutor {
  let session: Promise<DriverSession> | undefined;
  const open = () => {
    session ??= spec.connect().catch((error: unknown) => {
      session = undefined;
      throw toTypedError(error, 'connect', spec);
    });
    return session;
  };
  const run = async <T>(sql: string, read: (connection: DriverSession) => Promise<T>): Promise<T> => {
    assertReadOnly(sql);
    const connection = await open();
    try {
      return await read(connection);
    } catch (error) {
      throw toTypedError(error, 'query', spec);
    }
  };
  const query = (sql: string, params: unknown[] = []) => run(sql, (connection) => connection.query(sql, params));
  const queryArrays = (sql: string, params: unknown[] = []) =>
    run(sql, async (connection) => (connection.queryArrays ? connection.queryArrays(sql, params) : asArrays(await connection.query(sql, params))));
  async function* streamArrays(sql: string, params: unknown[], pageSize: number): AsyncGenerator<SqlArrayRows> {
    assertReadOnly(sql);
    const connection = await open();
    try {
      yield* connection.streamArrays!(sql, params, pageSize);
    } catch (error) {
      throw toTypedError(error, 'query', spec);
    }
  }
  const describeColumns = async (table: string) => {
    const statement = spec.listColumnsQuery(table);
    const rows = await query(statement.sql, statement.params);
    return rows.map((row) => ({
      name: String(row.column_name),
      type: String(row.data_type ?? ''),
      // 'YES' (information_schema), 'Y' (Oracle), 1/true (SQL Server bit, SQLite).
      nullable: ['YES', 'Y', '1', 'TRUE'].includes(String(row.is_nullable).toUpperCase()),
    }));
  };
  return {
    dialect: spec.dialect,
    query,
    queryArrays,
    ...(spec.streams ? { streamArrays, maxStreams: spec.streams } : {}),
    describeColumns,
    async listTables(schema) {
      const statement = spec.listTablesQuery(schema);
      return (await query(statement.sql, statement.params)).map((row) => String(row.table_name));
    },
    async listColumns(table) {
      return (await describeColumns(table)).map((column) => column.name);
    },
    async close() {
      const pending = session;
      session = undefined;
      if (pending) await (await pending.catch(() => undefined))?.close();
    },
  };
}

/** Object rows as arrays, for drivers (or statements) without an array mode. */
export function asArrays(rows: SqlRow[]): SqlArrayRows {
  const columns = rows.length === 0 ? [] : Object.keys(rows[0]!);
  return { columns, rows: rows.map((row) => columns.map((column) => row[column])) };
}

function toTypedError(error: unknown, phase: 'connect' | 'query', spec: DriverExecutorSpec): Error {
  if (CustcodeError.isInstance(error)) return error;
  const driverMessage = redactSecrets(firstLine(error), spec.secrets);
  const meaning = spec.classify(error, phase);
  if ('reason' in meaning) {
    const what = meaning.reason === 'timeout' ? 'Query timed out on' : phase === 'connect' ? 'Cannot connect to' : 'Connection failed on';
    return new ConnectionError({ reason: meaning.reason, message: `${what} ${spec.target}: ${driverMessage}`, hint: hints[meaning.reason], cause: error });
  }
  return new BackendError({
    message: `${spec.dialect} error on ${spec.target}${meaning.backendCode ? ` (${meaning.backendCode})` : ''}: ${driverMessage}`,
    hint: 'The statement was refused by the database; check the mapping against the schema.',
    backendCode: meaning.backendCode,
    cause: error,
  });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 500) || (error as { code?: string }).code || 'unknown error';
}

/** Runs the first statement on a new pool; a pool that cannot connect is closed before the error is thrown. */
export async function probed(session: DriverSession, probe: string): Promise<DriverSession> {
  try {
    await session.query(probe, []);
    return session;
  } catch (error) {
    await session.close().catch(() => undefined);
    throw error;
  }
}

/** `host:port/database` for messages. */
export function describeTarget(parts: { host?: string; port?: number; database?: string; file?: string }): string {
  if (parts.file !== undefined) return parts.file;
  return `${parts.host ?? 'localhost'}${parts.port === undefined ? '' : `:${parts.port}`}${parts.database ? `/${parts.database}` : ''}`;
}

/** The error's `code` (string) or numeric `errno`/`number`, as text. */
export function errorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; errno?: unknown; number?: unknown } | null;
  if (candidate && typeof candidate.code === 'string') return candidate.code;
  if (candidate && typeof candidate.code === 'number') return String(candidate.code);
  return undefined;
}

/** Network failures every Node driver reports the same way. */
export const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT']);
