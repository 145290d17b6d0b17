import { appendFileSync, closeSync, createReadStream, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError } from '../errors/config-error.js';
import { redactStrings } from '../internal/redact.js';
import type { AccessCommand } from './access-policy-schema.js';

/** One recorded access. Never the records themselves: only how many were returned. */
export interface AccessLogEntry {
  /** UTC, ISO 8601. */
  time: string;
  user: string;
  role: string | null;
  command: AccessCommand;
  /** The CustomerSource call: get, getMany, search, count; `open` for a denial before any call. */
  operation: 'open' | 'get' | 'getMany' | 'search' | 'count';
  source: string;
  /** The filters or codes asked for (codes of a batch capped, with their total). */
  query: Record<string, unknown>;
  records: number;
  outcome: 'ok' | 'denied' | 'error';
  /** The error code when the outcome is not ok. */
  error?: string;
  /** Where the access came from. */
  via?: 'cli' | 'api';
}

/** Where entries go. `record` is synchronous so that a denial is on disk before the error is thrown. */
export interface AccessLog {
  record(entry: AccessLogEntry): void;
}

/** Appends JSON Lines to `path` (created 0600 with its directory); fails early when it cannot be written. */
export function createFileAccessLog(path: string): AccessLog {
  try {
    mkdirSync(dirname(path), { recursive: true });
    closeSync(openSync(path, 'a', 0o600));
  } catch (error) {
    throw new ConfigError({ message: `Cannot write the access log ${path}: ${(error as Error).message}.`, hint: 'Point "accessLog.path" at a writable file.', cause: error });
  }
  // A URL typed into a query keeps its password out of the log.
  return { record: (entry) => appendFileSync(path, `${JSON.stringify(redactStrings(entry))}\n`, { mode: 0o600 }) };
}

/** Keeps entries in an array (tests, embedding). */
export function createMemoryAccessLog(): AccessLog & { entries: AccessLogEntry[] } {
  const entries: AccessLogEntry[] = [];
  return { entries, record: (entry) => void entries.push(entry) };
}

export interface AccessLogFilter {
  user?: string;
  /** Entries at or after this instant. */
  since?: Date;
}

/** Parses `YYYY-MM-DD` as local midnight, anything else as `Date` does; a ConfigError when invalid. */
export function parseSince(value: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) {
    throw new ConfigError({ message: `Not a date: "${value}".`, hint: 'Use YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss.' });
  }
  return date;
}

/** Streams the entries of a JSON Lines access log that match `filter`; unreadable lines are skipped. */
export async function* readAccessLog(path: string, filter: AccessLogFilter = {}): AsyncGenerator<AccessLogEntry> {
  if (!existsSync(path)) return;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let entry: AccessLogEntry;
    try {
      entry = JSON.parse(line) as AccessLogEntry;
    } catch {
      continue;
    }
    if (filter.user !== undefined && entry.user !== filter.user) continue;
    if (filter.since !== undefined && !(new Date(entry.time).getTime() >= filter.since.getTime())) continue;
    yield entry;
  }
}
