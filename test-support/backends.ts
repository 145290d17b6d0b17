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
import { openSeedTarget } from '@custcode/sql/testing';

export type BackendName = 'sqlite' | 'mariadb' | 'postgres';

/** A fresh, empty database that the test owns. `run` executes any statement (seeding needs writes). */
export interface TestDatabase {
  backend: BackendName;
  /** The SQL dialect the backend speaks (MariaDB speaks `mysql`). */
  dialect: DialectName;
  /** URL for custcode (`sqlite:/path`, `mysql://…/db`, `postgres://…/db`). */
  url: string;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Inserts rows in the engine's bulk form; column names are quoted exactly as given. */
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

/** A test database over @custcode/sql's seed target for `url` (the one the demo and the bench seed through). */
async function openTestDatabase(backend: BackendName, url: string, drop: () => Promise<void>): Promise<TestDatabase> {
  const target = await openSeedTarget(url);
  return {
    backend,
    dialect: target.dialect,
    url,
    run: target.run,
    insert: target.insert,
    all: target.all,
    quote: target.quote,
    async drop() {
      await target.close();
      await drop();
    },
  };
}

const sqlite: TestBackend = {
  name: 'sqlite',
  unavailable: undefined,
  async createDatabase() {
    const directory = mkdtempSync(join(tmpdir(), 'custcode-test-'));
    return openTestDatabase('sqlite', `sqlite:${join(directory, 'test.sqlite')}`, async () => rmSync(directory, { recursive: true, force: true }));
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
      return openTestDatabase('mariadb', url.toString(), async () => {
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.end();
      });
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
      return openTestDatabase('postgres', url.toString(), async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      });
    },
  };
}

/** The backends to run against, in a fixed order. Call inside a test file (it reads the environment). */
export function testBackends(): TestBackend[] {
  return [sqlite, mariadb(), postgres()];
}
