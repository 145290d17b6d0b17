import { ConfigError } from '@custcode/core';
import { confirmHold, newCounterState, overflowError, peekNumbers, releaseHold, reserveNext, type CounterState, type GapMode, type SequenceRange, type SequenceStore } from '@custcode/rules';
import { parseConnectionUrl, urlExample } from '../dialects/connection-url.js';
import type { DialectName } from '../dialects/dialect-name.js';
import { allDialects, dialectFor } from '../dialects/dialects.js';
import type { SequenceConnection, SequenceEngine, SequenceRow } from './sequence-connection.js';

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
    await db.query(sequenceEngine(db.dialect).insertIfAbsent(`${table} (counter_key, next_value, holds, updated_at)`), [key, range.start, JSON.stringify({ held: [], free: [] }), new Date().toISOString()]);
  };

  /** Retries deadlocks and serialization failures with a short random pause. */
  const retrying = async <T>(engine: SequenceEngine, work: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !engine.isRetryableConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  };

  const update = async <T>(key: string, range: SequenceRange | undefined, change: (state: CounterState) => T): Promise<T> => {
    const db = await connection();
    const engine = sequenceEngine(db.dialect);
    const p = engine.placeholder;
    const select = { sql: `SELECT next_value, holds FROM ${table} WHERE counter_key = ${p(1)}${engine.rowLock}`, params: [key] };
    const updateSql = `UPDATE ${table} SET next_value = ${p(1)}, holds = ${p(2)}, updated_at = ${p(3)} WHERE counter_key = ${p(4)}`;
    for (;;) {
      type Outcome = { missing: true } | { missing: false; result: T };
      const outcome = await retrying(engine, () =>
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
    const engine = sequenceEngine(db.dialect);
    const p = engine.placeholder;
    const sql = `UPDATE ${table} SET next_value = ${engine.incremented(p(1))}, updated_at = ${p(2)} WHERE counter_key = ${p(3)} AND next_value <= ${p(4)}${engine.returningNextValue}`;
    for (;;) {
      const after = await retrying(engine, () => db.increment(sql, [range.step, new Date().toISOString(), key, range.max]));
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
      const [row] = (await db.query(`SELECT next_value, holds FROM ${table} WHERE counter_key = ${sequenceEngine(db.dialect).placeholder(1)}`, [key])) as unknown as SequenceRow[];
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

/** The dialect's sequence engine; a dialect without one is a ConfigError naming those that have one. */
function sequenceEngine(name: DialectName): SequenceEngine {
  const engine = dialectFor(name).sequence;
  if (engine) return engine;
  throw new ConfigError({
    message: `A sequence store cannot use ${name}: custcode writes counters only to ${either(storeDialects().map((dialect) => dialect.label))}.`,
    hint: `Use a ${sequenceStoreUrls()} URL, or a JSON file, for --store.`,
  });
}

const storeDialects = () => allDialects().filter((dialect) => dialect.sequence !== undefined);
const either = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/** The URLs a SQL sequence store opens, for help texts and hints: `mysql://, postgres:// or sqlite:PATH`. */
export function sequenceStoreUrls(): string {
  return either(storeDialects().map((dialect) => urlExample(dialect)));
}

async function open(url: string, options: SqlSequenceStoreOptions, table: string): Promise<SequenceConnection> {
  const connection = options.connection ?? (await connect(url, options.password));
  const engine = sequenceEngine(connection.dialect);
  try {
    await connection.query(
      `CREATE TABLE IF NOT EXISTS ${table} (counter_key VARCHAR(191) NOT NULL PRIMARY KEY, next_value BIGINT NOT NULL, holds ${engine.longText} NOT NULL, updated_at VARCHAR(32) NOT NULL)`,
      [],
    );
  } catch (error) {
    if (!engine.isConcurrentCreate(error)) throw error;
  }
  return connection;
}

function connect(url: string, password: string | undefined): Promise<SequenceConnection> {
  const parsed = parseConnectionUrl(url);
  return sequenceEngine(parsed.dialect).connect(parsed, password ?? parsed.password);
}
