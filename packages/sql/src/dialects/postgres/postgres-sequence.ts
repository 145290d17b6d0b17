import { importOptional } from '@custcode/core/adapter';
import type { SequenceConnection, SequenceEngine, SequenceQuery, SequenceRow } from '../../sequence/sequence-connection.js';
import type { ConnectionUrl } from '../connection-url.js';

/** The parts of pg the sequence store uses. */
interface PgClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
interface PgPoolClient extends PgClient {
  release(): void;
}
interface PgPool extends PgClient {
  connect(): Promise<PgPoolClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface PgModule {
  Pool: new (config: Record<string, unknown>) => PgPool;
}

async function connectPostgresSequence(url: ConnectionUrl, password: string | undefined): Promise<SequenceConnection> {
  const pg = await importOptional<PgModule>('pg', () => import('pg') as Promise<unknown> as Promise<PgModule>, 'A PostgreSQL sequence store');
  const pool = new pg.Pool({ host: url.host, port: url.port ?? 5432, user: url.user, password, database: url.database, max: 4 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const run = (client: PgClient): SequenceQuery => async (sql, params) => (await client.query(sql, params)).rows;
  return {
    dialect: 'postgres',
    query: run(pool),
    async lockedUpdate(select, update, apply) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        try {
          const { rows } = await client.query(select.sql, select.params);
          const outcome = apply(rows[0] as SequenceRow | undefined);
          if (outcome.params) await client.query(update, outcome.params);
          await client.query('COMMIT');
          return outcome.result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        client.release();
      }
    },
    async increment(sql, params) {
      const { rows } = await pool.query(sql, params);
      return rows[0] === undefined ? undefined : Number(rows[0].next_value);
    },
    close: () => pool.end(),
  };
}

const sqlState = (error: unknown) => (error as { code?: unknown }).code;

export const postgresSequence: SequenceEngine = {
  connect: connectPostgresSequence,
  placeholder: (index) => `$${index}`,
  longText: 'TEXT',
  insertIfAbsent: (target) => `INSERT INTO ${target} VALUES ($1, $2, $3, $4) ON CONFLICT (counter_key) DO NOTHING`,
  rowLock: ' FOR UPDATE',
  incremented: (step) => `next_value + ${step}`,
  returningNextValue: ' RETURNING next_value',
  // 40P01 deadlock_detected, 40001 serialization_failure.
  isRetryableConflict: (error) => sqlState(error) === '40P01' || sqlState(error) === '40001',
  // CREATE TABLE IF NOT EXISTS racing another: 23505 unique_violation on the catalog, or 42P07 duplicate_table.
  isConcurrentCreate: (error) => sqlState(error) === '23505' || sqlState(error) === '42P07',
};
