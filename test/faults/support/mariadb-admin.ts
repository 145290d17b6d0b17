import type { Connection } from 'mysql2/promise';

/** A root connection to the test server (CUSTCODE_MARIADB_URL) for KILL, users and server settings. */
export async function openMariadbAdmin(): Promise<Connection> {
  const mysql = await import('mysql2/promise');
  return mysql.createConnection({ uri: process.env.CUSTCODE_MARIADB_URL!, dateStrings: true });
}

export interface KillRecord {
  id: number;
  /** PROCESSLIST.COMMAND when the kill was sent: `Sleep` (idle in the pool) or `Execute`/`Query` (mid-statement). */
  command: string;
}

/**
 * Kills every connection to `database` except `spare` (the test's own seeding connection and this admin
 * connection). Returns what was killed; a connection that ended meanwhile is skipped.
 */
export async function killConnections(admin: Connection, database: string, spare: number[]): Promise<KillRecord[]> {
  const [rows] = await admin.query('SELECT ID AS id, COMMAND AS command FROM information_schema.PROCESSLIST WHERE DB = ? AND ID NOT IN (?)', [
    database,
    spare,
  ]);
  const killed: KillRecord[] = [];
  for (const row of rows as Array<{ id: number; command: string }>) {
    try {
      await admin.query(`KILL CONNECTION ${Number(row.id)}`);
      killed.push({ id: Number(row.id), command: row.command });
    } catch (error) {
      // ER_NO_SUCH_THREAD: it closed on its own between the two statements.
      if ((error as { code?: string }).code !== 'ER_NO_SUCH_THREAD') throw error;
    }
  }
  return killed;
}

export async function connectionId(query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<number> {
  const [row] = await query('SELECT CONNECTION_ID() AS id');
  return Number(row!.id);
}

/** The database name of a `mysql://…/name` URL. */
export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * Polls the process list until a connection to `database` (other than `spare`) is running a statement,
 * then kills it mid-statement. Gives up (returns []) when `stop()` turns true first.
 */
export async function killWhenBusy(admin: Connection, database: string, spare: number[], stop: () => boolean): Promise<KillRecord[]> {
  while (!stop()) {
    const [rows] = await admin.query(
      "SELECT ID AS id, COMMAND AS command FROM information_schema.PROCESSLIST WHERE DB = ? AND ID NOT IN (?) AND COMMAND IN ('Query', 'Execute')",
      [database, spare],
    );
    const busy = (rows as Array<{ id: number; command: string }>)[0];
    if (busy) {
      try {
        await admin.query(`KILL CONNECTION ${Number(busy.id)}`);
        return [{ id: Number(busy.id), command: busy.command }];
      } catch (error) {
        if ((error as { code?: string }).code !== 'ER_NO_SUCH_THREAD') throw error;
      }
    }
  }
  return [];
}
