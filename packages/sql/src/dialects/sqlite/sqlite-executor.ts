import type { ExecutorOptions, SqlArrayRows, SqlExecutor, SqlRow } from '../../executor/sql-executor.js';
import { loadDriverPackage } from '../load-driver-package.js';
import { asArrays, createDriverExecutor, errorCode, type DriverSession, type ErrorMeaning } from '../driver-executor.js';
import { splitTableName, type DriverTarget } from '../sql-dialect.js';

/** The parts of better-sqlite3 custcode uses. */
interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  /** better-sqlite3 only: rows as arrays, with `columns()` naming them; absent on minimal stand-ins. */
  reader?: boolean;
  raw?(toggle: boolean): SqliteStatement;
  columns?(): Array<{ name: string }>;
}
interface RunStatement {
  objects(params: unknown[]): SqlRow[];
  arrays(params: unknown[]): SqlArrayRows;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

/** Prepared statements kept per database; a stream or a batched lookup repeats a handful of statements. */
const STATEMENT_CACHE_SIZE = 64;
type SqliteConstructor = new (file: string, options: { readonly: boolean; fileMustExist: boolean; timeout?: number }) => SqliteDatabase;

const loadDriver = (options: ExecutorOptions) =>
  loadDriverPackage<SqliteConstructor>('better-sqlite3', 'Reading a SQLite database', options, () =>
    import('better-sqlite3'),
  );

/**
 * better-sqlite3, opened read-only (`readonly: true`: the engine refuses every write). Queries are
 * synchronous, so `queryTimeoutMs` cannot interrupt one; SQLite files are local and fast.
 */
export function createSqliteExecutor(target: DriverTarget, options: ExecutorOptions): SqlExecutor {
  const file = 'url' in target ? target.url.file! : undefined;
  return createDriverExecutor({
    dialect: 'sqlite',
    target: file ?? 'the given SQLite database',
    secrets: [],
    async connect() {
      const database = 'client' in target ? (target.client as SqliteDatabase) : new (await loadDriver(options))(file!, { readonly: true, fileMustExist: true, timeout: options.queryTimeoutMs ?? 5000 });
      return session(database, 'url' in target);
    },
    classify,
    listTablesQuery(schema) {
      const catalog = schema === undefined ? 'sqlite_master' : `${schema.replace(/[^\w]/g, '')}.sqlite_master`;
      return { sql: `SELECT name AS table_name FROM ${catalog} WHERE type IN ('table', 'view') ORDER BY name`, params: [] };
    },
    listColumnsQuery(table) {
      const { schema, name } = splitTableName(table);
      return schema === undefined
        ? { sql: 'SELECT name AS column_name, type AS data_type, CASE WHEN "notnull" = 0 AND pk = 0 THEN 1 ELSE 0 END AS is_nullable FROM pragma_table_info(?)', params: [name] }
        : { sql: 'SELECT name AS column_name, type AS data_type, CASE WHEN "notnull" = 0 AND pk = 0 THEN 1 ELSE 0 END AS is_nullable FROM pragma_table_info(?, ?)', params: [name, schema] };
    },
  });
}

function session(database: SqliteDatabase, owned: boolean): DriverSession {
  // Preparing compiles the SQL every time; keep the recently used statements (least recently used dropped first).
  const statements = new Map<string, RunStatement>();
  const prepared = (sql: string): RunStatement => {
    let statement = statements.get(sql);
    if (statement !== undefined) {
      statements.delete(sql);
    } else {
      statement = runner(database.prepare(sql));
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  return {
    async query(sql, params) {
      return prepared(sql).objects(bindable(params));
    },
    async queryArrays(sql, params) {
      return prepared(sql).arrays(bindable(params));
    },
    async close() {
      if (owned) database.close();
    },
  };
}

/** better-sqlite3 binds no booleans. */
const bindable = (params: unknown[]) => params.map((value) => (typeof value === 'boolean' ? Number(value) : value));

/**
 * Reads rows as arrays (better-sqlite3 builds row objects natively about 1.7× slower than naming the
 * cells here: 1M rows of a U8 page query, 4.1–5.1 s against 2.4–3.0 s); a stand-in without `raw` reads objects.
 */
function runner(statement: SqliteStatement): RunStatement {
  if (statement.reader !== true || statement.raw === undefined || statement.columns === undefined) {
    const objects = (params: unknown[]) => statement.all(...params) as SqlRow[];
    return { objects, arrays: (params) => asArrays(objects(params)) };
  }
  const names = statement.columns().map((column) => column.name);
  const arrays = statement.raw(true);
  return {
    arrays: (params) => ({ columns: names, rows: arrays.all(...params) as unknown[][] }),
    objects(params) {
      const cells = arrays.all(...params) as unknown[][];
      const rows = new Array<SqlRow>(cells.length);
      for (let index = 0; index < cells.length; index++) {
        const values = cells[index]!;
        const row: SqlRow = {};
        for (let column = 0; column < names.length; column++) row[names[column]!] = values[column];
        rows[index] = row;
      }
      return rows;
    },
  };
}

function classify(error: unknown, phase: 'connect' | 'query'): ErrorMeaning {
  const code = errorCode(error);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB') return { reason: 'unknown-database' };
  // better-sqlite3 checks `fileMustExist` itself and throws a plain TypeError without a code.
  if (phase === 'connect' && code === undefined && /does not exist|unable to open/i.test(String((error as Error).message))) {
    return { reason: 'unknown-database' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { reason: 'timeout' };
  if (code === 'SQLITE_AUTH' || code === 'SQLITE_PERM') return { reason: 'authentication' };
  return { backendCode: code };
}
