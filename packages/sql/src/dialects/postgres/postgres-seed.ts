import { slices, type SeedConnection, type SeedEngine } from '../../seed/seed-connection.js';
import type { ConnectionUrl } from '../connection-url.js';
import { loadDriverPackage } from '../load-driver-package.js';

/** The parts of a pg client seeding uses. */
interface PgClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  connect(): Promise<void>;
  end(): Promise<void>;
}
interface PgModule {
  Client: new (config: Record<string, unknown>) => PgClient;
}

/** `($1, $2), ($3, $4)`: `rowCount` rows of `columnCount` numbered parameters. */
function placeholders(rowCount: number, columnCount: number): string {
  return Array.from({ length: rowCount }, (_, row) => `(${Array.from({ length: columnCount }, (_, column) => `$${row * columnCount + column + 1}`).join(', ')})`).join(', ');
}

/** Seed tables keep bits as SMALLINT (`seedColumnType`), which takes no boolean. */
const bindable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);

function over(client: unknown, maxParameters: number): SeedConnection {
  const pg = client as PgClient;
  return {
    run: async (sql, params) => void (await pg.query(sql, params)),
    all: async (sql, params) => (await pg.query(sql, params)).rows,
    async insertRows(table, columns, rows) {
      const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
      for (const slice of slices(rows, Math.max(1, Math.floor(maxParameters / columns.length)))) {
        await pg.query(head + placeholders(slice.length, columns.length), slice.flat().map(bindable));
      }
    },
    close: async () => undefined,
  };
}

async function connect(url: ConnectionUrl, password: string | undefined, maxParameters: number): Promise<SeedConnection> {
  const { Client } = await loadDriverPackage<PgModule>('pg', 'Seeding a PostgreSQL database', {}, () => import('pg'));
  const client = new Client({ host: url.host, port: url.port ?? 5432, user: url.user, password, database: url.database });
  await client.connect();
  return { ...over(client, maxParameters), close: () => client.end() };
}

/** Multi-row INSERTs of as many rows as the dialect's parameter limit (`maxParameters`) allows. */
export function postgresSeed(maxParameters: number): SeedEngine {
  return { connect: (url, password) => connect(url, password, maxParameters), over: (client) => over(client, maxParameters) };
}
