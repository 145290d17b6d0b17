import { slices, type SeedConnection, type SeedEngine } from '../../seed/seed-connection.js';
import type { ConnectionUrl } from '../connection-url.js';
import { loadDriverPackage } from '../load-driver-package.js';

/** The parts of a mysql2/promise connection seeding uses. */
interface MysqlConnection {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
}
interface MysqlModule {
  createConnection(config: Record<string, unknown>): Promise<MysqlConnection>;
}

/** Rows per multi-row INSERT: large enough to load a million rows in seconds, small enough for max_allowed_packet. */
const ROWS_PER_STATEMENT = 2_000;

function over(client: unknown): SeedConnection {
  const connection = client as MysqlConnection;
  return {
    run: async (sql, params) => void (await connection.query(sql, params)),
    all: async (sql, params) => (await connection.query(sql, params))[0] as Array<Record<string, unknown>>,
    async insertRows(table, columns, rows) {
      // `VALUES ?` with nested arrays: mysql2 writes the rows out client-side, one statement per slice.
      // Unique checks off while loading (the seeder writes distinct keys), back on afterwards.
      await connection.query('SET unique_checks = 0');
      try {
        for (const slice of slices(rows, ROWS_PER_STATEMENT)) await connection.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [slice]);
      } finally {
        await connection.query('SET unique_checks = 1');
      }
    },
    close: async () => undefined,
  };
}

/** One connection, dates read back as text like the executor's (`dateStrings`). */
async function connect(url: ConnectionUrl, password: string | undefined): Promise<SeedConnection> {
  const mysql = await loadDriverPackage<MysqlModule>('mysql2', 'Seeding a MySQL/MariaDB database', {}, () => import('mysql2/promise'));
  const connection = await mysql.createConnection({ host: url.host, port: url.port ?? 3306, user: url.user, password, database: url.database, dateStrings: true });
  return { ...over(connection), close: () => connection.end() };
}

export const mysqlSeed: SeedEngine = { connect, over };
