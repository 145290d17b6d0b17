/**
 * Test databases for seeders and conformance runs. SQLite always; MariaDB and PostgreSQL when
 * CUSTCODE_MARIADB_URL / CUSTCODE_POSTGRES_URL are set. Without a URL a backend is skipped with a
 * printed reason, except under CI=true, where a missing URL is an error (CI must run them).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectName } from '@custcode/sql';

export type BackendName = 'sqlite' | 'mariadb' | 'postgres';

/** A fresh, empty database that the test owns. `run` executes any statement (seeding needs writes). */
export interface TestDatabase {
  backend: BackendName;
  /** The SQL dialect the backend speaks (MariaDB speaks `mysql`). */
  dialect: DialectName;
  /** URL for custcode (`sqlite:/path`, `mysql://…/db`, `postgres://…/db`). */
  url: string;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Inserts rows in batches; column names are quoted exactly as given. */
  insert(table: string, rows: Array<Record<string, unknown>>): Promise<void>;
  all(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Quotes an identifier for this backend. */
  quote(identifier: string): string;
  drop(): Promise<void>;
}

export interface TestBackend {
  name: BackendName;
  /** Set when the backend cannot run here; tests print it when they skip. */
  unavailable: string | undefined;
  createDatabase(): Promise<TestDatabase>;
}

/** The environment variable holding each server backend's URL. */
export const BACKEND_URL_ENV = { mariadb: 'CUSTCODE_MARIADB_URL', postgres: 'CUSTCODE_POSTGRES_URL' } as const;
const envUrl = BACKEND_URL_ENV;

function unavailableReason(name: 'mariadb' | 'postgres'): string | undefined {
  if (process.env[envUrl[name]]) return undefined;
  const reason = `${name} skipped: ${envUrl[name]} is not set (CI sets it; locally export e.g. ${
    name === 'mariadb' ? 'mysql://root@127.0.0.1:3306/test' : 'postgres://postgres@127.0.0.1:5432/test'
  })`;
  if (process.env.CI === 'true') throw new Error(`${reason} — under CI=true this backend must run.`);
  return reason;
}

const uniqueName = () => `cc_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

function placeholders(backend: BackendName, rowCount: number, columnCount: number): string {
  const rows: string[] = [];
  let index = 0;
  for (let row = 0; row < rowCount; row++) {
    const cells: string[] = [];
    for (let column = 0; column < columnCount; column++) cells.push(backend === 'postgres' ? `$${++index}` : '?');
    rows.push(`(${cells.join(', ')})`);
  }
  return rows.join(', ');
}

function makeInsert(backend: BackendName, quote: (name: string) => string, run: TestDatabase['run']): TestDatabase['insert'] {
  return async (table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const batch = Math.max(1, Math.floor(900 / columns.length));
    const tableSql = table.split('.').map(quote).join('.');
    for (let start = 0; start < rows.length; start += batch) {
      const slice = rows.slice(start, start + batch);
      const params = slice.flatMap((row) => columns.map((column) => row[column] ?? null));
      await run(
        `INSERT INTO ${tableSql} (${columns.map(quote).join(', ')}) VALUES ${placeholders(backend, slice.length, columns.length)}`,
        params,
      );
    }
  };
}

const sqlite: TestBackend = {
  name: 'sqlite',
  unavailable: undefined,
  async createDatabase() {
    const { default: Database } = await import('better-sqlite3');
    const directory = mkdtempSync(join(tmpdir(), 'custcode-test-'));
    const file = join(directory, 'test.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const run: TestDatabase['run'] = async (sql, params = []) => {
      db.prepare(sql).run(...(params as unknown[]));
    };
    return {
      backend: 'sqlite',
      dialect: 'sqlite',
      url: `sqlite:${file}`,
      run,
      insert: async (table, rows) => {
        if (rows.length === 0) return;
        const columns = Object.keys(rows[0]!);
        const statement = db.prepare(
          `INSERT INTO ${table.split('.').map(quote).join('.')} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        db.transaction(() => {
          for (const row of rows) statement.run(...columns.map((column) => row[column] ?? null));
        })();
      },
      all: async (sql, params = []) => db.prepare(sql).all(...(params as unknown[])) as Array<Record<string, unknown>>,
      quote,
      async drop() {
        db.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  },
};

function mariadb(): TestBackend {
  return {
    name: 'mariadb',
    unavailable: unavailableReason('mariadb'),
    async createDatabase() {
      const mysql = await import('mysql2/promise');
      const base = new URL(process.env[envUrl.mariadb]!);
      const admin = await mysql.createConnection({ uri: base.toString() });
      const database = uniqueName();
      // Binary collation: codes order the same on every backend and LIKE is case-sensitive, so the
      // compiler's case-insensitive matching is really tested.
      await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      const url = new URL(base.toString());
      url.pathname = `/${database}`;
      const connection = await mysql.createConnection({ uri: url.toString(), multipleStatements: false, dateStrings: true });
      const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;
      const run: TestDatabase['run'] = async (sql, params = []) => {
        await connection.query(sql, params);
      };
      return {
        backend: 'mariadb',
        dialect: 'mysql',
        url: url.toString(),
        run,
        insert: makeInsert('mariadb', quote, run),
        all: async (sql, params = []) => (await connection.query(sql, params))[0] as Array<Record<string, unknown>>,
        quote,
        async drop() {
          await connection.end();
          await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
          await admin.end();
        },
      };
    },
  };
}

function postgres(): TestBackend {
  return {
    name: 'postgres',
    unavailable: unavailableReason('postgres'),
    async createDatabase() {
      const { default: pg } = await import('pg');
      const base = new URL(process.env[envUrl.postgres]!);
      const admin = new pg.Client({ connectionString: base.toString() });
      await admin.connect();
      const database = uniqueName();
      await admin.query(`CREATE DATABASE "${database}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      const url = new URL(base.toString());
      url.pathname = `/${database}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
      const run: TestDatabase['run'] = async (sql, params = []) => {
        await client.query(sql, params);
      };
      return {
        backend: 'postgres',
        dialect: 'postgres',
        url: url.toString(),
        run,
        insert: makeInsert('postgres', quote, run),
        all: async (sql, params = []) => (await client.query(sql, params)).rows as Array<Record<string, unknown>>,
        quote,
        async drop() {
          await client.end();
          await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  };
}

/** The backends to run against, in a fixed order. Call inside a test file (it reads the environment). */
export function testBackends(): TestBackend[] {
  return [sqlite, mariadb(), postgres()];
}
