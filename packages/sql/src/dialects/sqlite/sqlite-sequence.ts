import { importOptional } from '@custcode/core/adapter';
import type { SequenceConnection, SequenceEngine, SequenceQuery, SequenceRow } from '../../sequence/sequence-connection.js';
import type { ConnectionUrl } from '../connection-url.js';

/** The parts of better-sqlite3 the sequence store uses. */
interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(text: string): unknown;
  transaction<T>(work: () => T): { immediate(): T };
  close(): void;
}
type SqliteConstructor = new (file: string, options: { timeout: number }) => SqliteDatabase;

/**
 * better-sqlite3 is synchronous: a locked update is one BEGIN IMMEDIATE … COMMIT that never yields to
 * the event loop, so connections in one process cannot interleave, and other processes wait on
 * SQLite's own lock (busy timeout). WAL with synchronous=NORMAL: a commit survives a crash of the
 * process; only an OS crash or power loss may lose the last commits.
 */
async function connectSqliteSequence(url: ConnectionUrl): Promise<SequenceConnection> {
  const Database = await importOptional<SqliteConstructor>('better-sqlite3', () => import('better-sqlite3') as Promise<unknown> as Promise<SqliteConstructor>, 'A SQLite sequence store');
  const database = new Database(url.file as string, { timeout: 10_000 });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  const statements = new Map<string, SqliteStatement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const runSync = (sql: string, params: unknown[]): Record<string, unknown>[] => {
    const statement = prepared(sql);
    if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
    statement.run(...params);
    return [];
  };
  const query: SequenceQuery = async (sql, params) => runSync(sql, params);
  return {
    dialect: 'sqlite',
    query,
    async lockedUpdate(select, update, apply) {
      return database.transaction(() => {
        const outcome = apply(runSync(select.sql, select.params)[0] as SequenceRow | undefined);
        if (outcome.params) runSync(update, outcome.params);
        return outcome.result;
      }).immediate();
    },
    async increment(sql, params) {
      const [row] = runSync(sql, params);
      return row === undefined ? undefined : Number(row.next_value);
    },
    close: async () => database.close(),
  };
}

/** SQLite: BEGIN IMMEDIATE already holds the write lock, so the SELECT needs no FOR UPDATE. */
export const sqliteSequence: SequenceEngine = {
  connect: connectSqliteSequence,
  placeholder: () => '?',
  longText: 'TEXT',
  insertIfAbsent: (target) => `INSERT OR IGNORE INTO ${target} VALUES (?, ?, ?, ?)`,
  rowLock: '',
  incremented: (step) => `next_value + ${step}`,
  returningNextValue: ' RETURNING next_value',
  isRetryableConflict: (error) => (error as { code?: unknown }).code === 'SQLITE_BUSY',
  isConcurrentCreate: () => false,
};
