import type { BackendName } from './backends.js';

/**
 * Counts the connections to the test database, other than the one asking, still at work (not idle in a
 * pool): the statements a server left running, e.g. writing rows to a client that hung up.
 */
export const CONNECTIONS_AT_WORK: Record<BackendName, string | undefined> = {
  mariadb: "SELECT COUNT(*) AS busy FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND <> 'Sleep'",
  postgres: "SELECT COUNT(*) AS busy FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
  sqlite: undefined,
};

/** Reads until `done` holds or `deadlineMs` has passed; returns the last value read. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, deadlineMs: number): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
