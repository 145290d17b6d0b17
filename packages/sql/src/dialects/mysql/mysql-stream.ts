import type { SqlArrayRows } from '../../executor/sql-executor.js';

/** mysql2's callback connection, under a pooled promise connection (`.connection`): what a stream needs. */
interface CoreConnection {
  /** The socket: ending the connection (what mysql2's destroy does) leaves it open for reading. */
  stream?: { destroy(): void };
  execute(options: { sql: string; values: unknown[]; rowsAsArray: boolean }): StatementEvents;
  pause(): void;
  resume(): void;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  off(event: 'error', listener: (error: unknown) => void): unknown;
}
interface StatementEvents {
  on(event: 'fields', listener: (fields: Array<{ name: string }>) => void): this;
  on(event: 'result', listener: (row: unknown[]) => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
  on(event: 'end', listener: () => void): this;
}
export interface PooledConnection {
  connection: CoreConnection;
  release(): void;
  destroy(): void;
}

/** Full pages held before the socket is paused: one being read, one ready. */
const PAGES_AHEAD = 2;

/**
 * Streams one prepared statement on a connection of its own, in pages of `pageSize` rows. The socket is
 * paused while pages wait unread, so memory stays at a few pages however slow the reader. A connection
 * whose statement was not read to the end (the reader stopped, or it failed) is destroyed, not reused,
 * and its socket closed at once: the server, blocked sending rows nobody reads, then ends the statement
 * instead of waiting out its net_write_timeout.
 * `timeoutMs`: how long the server may stay silent while the reader waits.
 */
export async function* streamStatement(pooled: PooledConnection, sql: string, values: unknown[], pageSize: number, timeoutMs: number | undefined): AsyncGenerator<SqlArrayRows> {
  const connection = pooled.connection;
  let columns: string[] = [];
  let page: unknown[][] = [];
  const ready: unknown[][][] = [];
  let ended = false;
  let failure: unknown;
  let paused = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const fail = (error: unknown) => {
    failure ??= error;
    notify();
  };
  // A statement's own errors come as its 'error' event; a lost connection (a KILL, a dead pooled
  // connection) reaches mysql2's connection instead, since the statement has no callback.
  connection.on('error', fail);
  connection
    .execute({ sql, values, rowsAsArray: true })
    .on('fields', (fields) => {
      columns = fields.map((field) => field.name);
    })
    .on('result', (row) => {
      page.push(row);
      if (page.length < pageSize) return;
      ready.push(page);
      page = [];
      if (ready.length >= PAGES_AHEAD && !paused) {
        paused = true;
        connection.pause();
      }
      notify();
    })
    .on('error', fail)
    .on('end', () => {
      if (page.length > 0) ready.push(page);
      page = [];
      ended = true;
      notify();
    });

  let complete = false;
  try {
    for (;;) {
      const next = ready.shift();
      if (next !== undefined) {
        if (paused && ready.length < PAGES_AHEAD) {
          paused = false;
          connection.resume();
        }
        yield { columns, rows: next };
        continue;
      }
      if (failure !== undefined) throw failure;
      if (ended) break;
      await waitForServer(timeoutMs, (resolve) => (wake = resolve));
    }
    complete = true;
  } finally {
    connection.off('error', fail);
    if (complete) pooled.release();
    else {
      pooled.destroy();
      connection.stream?.destroy();
    }
  }
}

/** Waits for the next event; past `timeoutMs` of silence it fails as mysql2's own statement timeout does. */
function waitForServer(timeoutMs: number | undefined, register: (resolve: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => reject(Object.assign(new Error(`Query inactivity timeout: no rows for ${timeoutMs} ms.`), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' })), timeoutMs);
    register(() => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    });
  });
}
