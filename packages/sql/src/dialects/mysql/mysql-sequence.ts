import { importOptional } from '@custcode/core/adapter';
import type { SequenceConnection, SequenceEngine, SequenceQuery, SequenceRow } from '../../sequence/sequence-connection.js';
import type { ConnectionUrl } from '../connection-url.js';

/** The parts of mysql2/promise the sequence store uses. */
interface MysqlPoolConnection {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
  release(): void;
}
interface MysqlPool {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
  getConnection(): Promise<MysqlPoolConnection>;
  end(): Promise<void>;
}
interface MysqlModule {
  createPool(config: Record<string, unknown>): MysqlPool;
}

async function connectMysqlSequence(url: ConnectionUrl, password: string | undefined): Promise<SequenceConnection> {
  const mysql = await importOptional<MysqlModule>('mysql2', () => import('mysql2/promise') as Promise<unknown> as Promise<MysqlModule>, 'A MySQL/MariaDB sequence store');
  const pool = mysql.createPool({
    host: url.host,
    port: url.port ?? 3306,
    user: url.user,
    password,
    database: url.database,
    charset: 'utf8mb4',
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectionLimit: 4,
  });
  const run = (client: Pick<MysqlPool, 'query'>): SequenceQuery => async (sql, params) => {
    const [rows] = await client.query(sql, params);
    return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
  };
  return {
    dialect: 'mysql',
    query: run(pool),
    async lockedUpdate(select, update, apply) {
      const connection = await pool.getConnection();
      try {
        await connection.query('START TRANSACTION');
        try {
          const [rows] = await connection.query(select.sql, select.params);
          const outcome = apply((rows as SequenceRow[])[0]);
          if (outcome.params) await connection.query(update, outcome.params);
          await connection.query('COMMIT');
          return outcome.result;
        } catch (error) {
          await connection.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        connection.release();
      }
    },
    async increment(sql, params) {
      // The statement sets LAST_INSERT_ID(next_value + step); the OK packet carries it back.
      const [header] = await pool.query(sql, params);
      const { affectedRows, insertId } = header as { affectedRows: number; insertId: number | string };
      return affectedRows === 1 ? Number(insertId) : undefined;
    },
    close: () => pool.end(),
  };
}

/** MariaDB/MySQL: `INSERT IGNORE`, and the new value of an increment comes back through LAST_INSERT_ID. */
export const mysqlSequence: SequenceEngine = {
  connect: connectMysqlSequence,
  placeholder: () => '?',
  longText: 'LONGTEXT',
  insertIfAbsent: (target) => `INSERT IGNORE INTO ${target} VALUES (?, ?, ?, ?)`,
  rowLock: ' FOR UPDATE',
  incremented: (step) => `LAST_INSERT_ID(next_value + ${step})`,
  returningNextValue: '',
  isRetryableConflict: (error) => {
    const { code, errno } = error as { code?: unknown; errno?: unknown };
    return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || errno === 1213;
  },
  isConcurrentCreate: () => false,
};
