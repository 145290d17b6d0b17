import {
  ConfigError, confirmHold, newCounterState, overflowError, peekNumbers, releaseHold, reserveNext,
  type CounterState, type GapMode, type SequenceRange, type SequenceStore,
} from '@custcode/core';
import { parseConnectionUrl } from '../dialects/connection-url.js';
import { connectMysqlSequence } from './mysql-sequence-connection.js';
import { connectPostgresSequence } from './postgres-sequence-connection.js';
import { isRetryableConflict, type SequenceConnection, type SequenceRow } from './sequence-connection.js';
import { connectSqliteSequence } from './sqlite-sequence-connection.js';

export interface SqlSequenceStoreOptions {
  /** The counter table custcode creates and owns (default `custcode_sequence`). */
  table?: string;
  /** Password when it is not in the URL (e.g. from an environment variable). */
  password?: string;
  /** Test seam: an already-open connection. */
  connection?: SequenceConnection;
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const MAX_ATTEMPTS = 8;

/**
 * Serial counters in a SQL table of their own (MariaDB/MySQL, PostgreSQL, SQLite). Each change is one
 * transaction that locks the counter's row (`SELECT … FOR UPDATE`; SQLite: BEGIN IMMEDIATE), applies the
 * same state machine as the memory and file stores, and writes it back: safe across processes.
 */
export function createSqlSequenceStore(url: string, options: SqlSequenceStoreOptions = {}): SequenceStore {
  const table = options.table ?? 'custcode_sequence';
  if (!TABLE_NAME.test(table)) {
    throw new ConfigError({ message: `The sequence table name ${JSON.stringify(table)} is not a plain identifier.`, hint: 'Use letters, digits and underscores, e.g. custcode_sequence.' });
  }
  let opened: Promise<SequenceConnection> | undefined;
  const connection = () => (opened ??= open(url, options, table));

  const holdsOf = (state: CounterState) => JSON.stringify({ held: state.held, free: state.free });
  const createRow = async (db: SequenceConnection, key: string, range: SequenceRange) => {
    await db.query(insertIgnore(db, table), [key, range.start, JSON.stringify({ held: [], free: [] }), new Date().toISOString()]);
  };

  /** Retries deadlocks and serialization failures with a short random pause. */
  const retrying = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  };

  const update = async <T>(key: string, range: SequenceRange | undefined, change: (state: CounterState) => T): Promise<T> => {
    const db = await connection();
    const p = db.placeholder;
    const select = { sql: `SELECT next_value, holds FROM ${table} WHERE counter_key = ${p(1)}${db.dialect === 'sqlite' ? '' : ' FOR UPDATE'}`, params: [key] };
    const updateSql = `UPDATE ${table} SET next_value = ${p(1)}, holds = ${p(2)}, updated_at = ${p(3)} WHERE counter_key = ${p(4)}`;
    for (;;) {
      type Outcome = { missing: true } | { missing: false; result: T };
      const outcome = await retrying(() =>
        db.lockedUpdate<Outcome>(select, updateSql, (row) => {
          if (!row) return { result: { missing: true } };
          const state = toState(row);
          const result = change(state);
          return { params: [state.next, holdsOf(state), new Date().toISOString(), key], result: { missing: false, result } };
        }),
      );
      if (!outcome.missing) return outcome.result;
      // confirm/release of a key never drawn: answer from an empty state and write nothing.
      if (range === undefined) return change(newCounterState({ start: 1, step: 1, max: 0 }));
      // First use of this key: create its row outside the locking transaction, then lock it.
      await createRow(db, key, range);
    }
  };

  /** Fast mode: one atomic UPDATE that only succeeds while the counter is within its maximum. */
  const next = async (key: string, range: SequenceRange): Promise<number> => {
    const db = await connection();
    const p = db.placeholder;
    const bumped = db.dialect === 'mysql' ? `LAST_INSERT_ID(next_value + ${p(1)})` : `next_value + ${p(1)}`;
    const sql = `UPDATE ${table} SET next_value = ${bumped}, updated_at = ${p(2)} WHERE counter_key = ${p(3)} AND next_value <= ${p(4)}${db.dialect === 'mysql' ? '' : ' RETURNING next_value'}`;
    for (;;) {
      const after = await retrying(() => db.increment(sql, [range.step, new Date().toISOString(), key, range.max]));
      if (after !== undefined) return after - range.step;
      const [row] = (await db.query(`SELECT next_value, holds FROM ${table} WHERE counter_key = ${p(1)}`, [key])) as unknown as SequenceRow[];
      // No row changed: the counter is past its maximum, or its row did not exist yet (another
      // generator may have created it since, in which case the next round succeeds).
      if (row && Number(row.next_value) > range.max) throw overflowError(key, Number(row.next_value), range.max);
      if (!row) await createRow(db, key, range);
    }
  };

  return {
    next,
    reserve: (key, range, leaseMs) => update(key, range, (state) => reserveNext(state, key, range, leaseMs)),
    confirm: (key, token) => update(key, undefined, (state) => confirmHold(state, key, token)),
    release: (key, token) => update(key, undefined, (state) => releaseHold(state, token)),
    async peek(key, range, count, mode: GapMode) {
      const db = await connection();
      const [row] = (await db.query(`SELECT next_value, holds FROM ${table} WHERE counter_key = ${db.placeholder(1)}`, [key])) as unknown as SequenceRow[];
      return peekNumbers(row ? toState(row) : undefined, key, range, count, mode);
    },
    async close() {
      if (opened) await (await opened).close();
      opened = undefined;
    },
  };
}

function toState(row: SequenceRow): CounterState {
  const holds = JSON.parse(row.holds) as Pick<CounterState, 'held' | 'free'>;
  return { next: Number(row.next_value), held: holds.held ?? [], free: holds.free ?? [] };
}

function insertIgnore(db: SequenceConnection, table: string): string {
  const columns = `${table} (counter_key, next_value, holds, updated_at)`;
  if (db.dialect === 'mysql') return `INSERT IGNORE INTO ${columns} VALUES (?, ?, ?, ?)`;
  if (db.dialect === 'sqlite') return `INSERT OR IGNORE INTO ${columns} VALUES (?, ?, ?, ?)`;
  return `INSERT INTO ${columns} VALUES ($1, $2, $3, $4) ON CONFLICT (counter_key) DO NOTHING`;
}

async function open(url: string, options: SqlSequenceStoreOptions, table: string): Promise<SequenceConnection> {
  const connection = options.connection ?? (await connect(url, options.password));
  const text = connection.dialect === 'mysql' ? 'LONGTEXT' : 'TEXT';
  try {
    await connection.query(
      `CREATE TABLE IF NOT EXISTS ${table} (counter_key VARCHAR(191) NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL, holds ${text} NOT NULL, updated_at VARCHAR(32) NOT NULL)`,
      [],
    );
  } catch (error) {
    // Two stores creating the table at once on PostgreSQL: the loser sees a duplicate; the table exists.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
  return connection;
}

async function connect(url: string, password: string | undefined): Promise<SequenceConnection> {
  const parsed = parseConnectionUrl(url);
  const secret = password ?? parsed.password;
  if (parsed.dialect === 'mysql') return connectMysqlSequence(parsed, secret);
  if (parsed.dialect === 'postgres') return connectPostgresSequence(parsed, secret);
  if (parsed.dialect === 'sqlite') return connectSqliteSequence(parsed);
  throw new ConfigError({
    message: `A sequence store cannot use ${parsed.dialect}: custcode writes counters only to MariaDB/MySQL, PostgreSQL or SQLite.`,
    hint: 'Use a mysql://, postgres:// or sqlite: URL, or a JSON file, for --store.',
  });
}
