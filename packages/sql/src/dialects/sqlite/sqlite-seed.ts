import type { SeedConnection, SeedEngine } from '../../seed/seed-connection.js';
import type { ConnectionUrl } from '../connection-url.js';
import { loadDriverPackage } from '../load-driver-package.js';

/** The parts of better-sqlite3 seeding uses. */
interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(text: string): unknown;
  transaction(work: () => void): () => void;
  close(): void;
}
type SqliteConstructor = new (file: string) => SqliteDatabase;

/** better-sqlite3 binds neither dates nor booleans: dates as the text the seed tables store (`datetime` is TEXT). */
const bindable = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 19) : typeof value === 'boolean' ? Number(value) : value);

function over(client: unknown): SeedConnection {
  const database = client as SqliteDatabase;
  return {
    async run(sql, params) {
      // Without parameters a seeder may send several statements at once.
      if (params.length === 0) database.exec(sql);
      else database.prepare(sql).run(...params.map(bindable));
    },
    all: async (sql, params) => database.prepare(sql).all(...params.map(bindable)) as Array<Record<string, unknown>>,
    async insertRows(table, columns, rows) {
      // One transaction per call: thousands of rows take milliseconds.
      const statement = database.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      database.transaction(() => {
        for (const row of rows) statement.run(...row.map(bindable));
      })();
    },
    close: async () => undefined,
  };
}

/**
 * A file opened for loading: WAL without syncing each commit (a fixture lost to an OS crash is seeded
 * again); closing returns it to a plain rollback journal, so it is one file again, as readers expect.
 */
async function connect(url: ConnectionUrl): Promise<SeedConnection> {
  const Database = await loadDriverPackage<SqliteConstructor>('better-sqlite3', 'Seeding a SQLite database', {}, () => import('better-sqlite3'));
  const database = new Database(url.file!);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = OFF');
  return {
    ...over(database),
    async close() {
      try {
        database.pragma('journal_mode = DELETE');
      } catch {
        // Another connection still reads the file (a test's source): it stays in WAL, which readers open as well.
      } finally {
        database.close();
      }
    },
  };
}

export const sqliteSeed: SeedEngine = { connect, over };
