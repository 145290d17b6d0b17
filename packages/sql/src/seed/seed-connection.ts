import type { ConnectionUrl } from '../dialects/connection-url.js';

/**
 * An engine's writing connection for seeding: never a source's read-only executor. Identifiers arrive
 * quoted; values arrive as the seeder wrote them (NULL as null).
 */
export interface SeedConnection {
  /** One statement; without parameters a seeder may send several at once where the engine allows it. */
  run(sql: string, params: unknown[]): Promise<void>;
  all(sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Rows (values in `columns` order) into `table`, loaded the fastest way the engine offers. */
  insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** Closes what the engine opened; a connection the caller passed stays open. */
  close(): Promise<void>;
}

/** What an engine contributes to seeding: opening a writing connection, or writing through the caller's. */
export interface SeedEngine {
  connect(url: ConnectionUrl, password: string | undefined): Promise<SeedConnection>;
  /** Over an open connection of the engine's driver (not a pool: session settings must stay on it). */
  over(client: unknown): SeedConnection;
}

/** `rows` in slices of at most `size`, for engines that bound a statement's rows or parameters. */
export function* slices<T>(rows: T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
