import { appendFileSync, closeSync, createReadStream, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { AccessLogError } from '@custcode/core';
import { DATE_INPUT_FORMAT, dateInputProblem } from '@custcode/core/adapter';
import { ConfigError } from '@custcode/core';
import { redactStrings } from '@custcode/core/adapter';
import type { AccessCommand } from './access-policy-schema.js';

/** What an entry is about: a command on a source, a listing of what exists (`list`), or a read of this log. */
export type AccessLogCommand = AccessCommand | 'list' | 'access-log';

/** One recorded access. Never the records themselves: only how many were returned. */
export interface AccessLogEntry {
  /** UTC, ISO 8601. */
  time: string;
  user: string;
  role: string | null;
  command: AccessLogCommand;
  /**
   * The CustomerSource call: get, getMany, search, count; `open` for a denial before any call; `request`
   * for an API request's own entries; `read` for a read of the access log.
   */
  operation: 'open' | 'get' | 'getMany' | 'search' | 'count' | 'revisions' | 'request' | 'read';
  source: string;
  /** The filters or codes asked for (codes of a batch capped, with their total; long text cut, see capLoggedQuery). */
  query: Record<string, unknown>;
  records: number;
  /**
   * `started`: an API request's opening entry, written before anything is read or sent; `aborted`: the
   * reader stopped before the end (a client that hung up, a budget), with the records handed over so far.
   */
  outcome: 'ok' | 'denied' | 'error' | 'started' | 'aborted';
  /** The error code when the outcome is not ok. */
  error?: string;
  /** Where the access came from. */
  via?: 'cli' | 'api';
  /** API: shared by a request's opening entry and every entry written while serving it. */
  request?: string;
  /** API request entries: the method and path asked for, and (closing entry) the HTTP status. */
  method?: string;
  path?: string;
  status?: number;
}

/** Longest text kept in a logged query or path: a 3 MB code is logged as its head and its length. */
export const MAX_LOGGED_TEXT = 256;

/** The query with every string longer than MAX_LOGGED_TEXT cut to its head plus `…[N characters]`. */
export function capLoggedQuery(query: Record<string, unknown>): Record<string, unknown> {
  return capped(query) as Record<string, unknown>;
}

export function capLoggedText(text: string): string {
  if (text.length <= MAX_LOGGED_TEXT) return text;
  // Never end on half a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[MAX_LOGGED_TEXT - 1] as string) ? MAX_LOGGED_TEXT - 1 : MAX_LOGGED_TEXT;
  return `${text.slice(0, end)}…[${text.length} characters]`;
}

function capped(value: unknown): unknown {
  if (typeof value === 'string') return capLoggedText(value);
  if (Array.isArray(value)) return value.map(capped);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, capped(item)]));
  return value;
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
  return {
    record(entry) {
      try {
        appendFileSync(path, `${JSON.stringify(redactStrings(entry))}\n`, { mode: 0o600 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new AccessLogError({ message: `The access log cannot be written (${code}).`, hint: 'Make "accessLog.path" writable; nothing is served until it is.', cause: error });
      }
    },
  };
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

/** Parses a date as every date filter does (`dateInputProblem`), in local time; a ConfigError naming `field` and the problem. */
export function parseSince(value: string, field = 'since'): Date {
  const problem = dateInputProblem(value);
  if (problem !== undefined) throw new ConfigError({ message: `Invalid ${field}: ${problem}.`, hint: `Use ${DATE_INPUT_FORMAT} (local time), e.g. 2024-06-01.` });
  return new Date(value.length === 10 ? `${value}T00:00:00` : `${value.slice(0, 10)}T${value.slice(11)}`);
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
