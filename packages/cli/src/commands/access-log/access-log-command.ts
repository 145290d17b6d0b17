import { type AccessLog, type AccessLogEntry, capLoggedQuery, parseSince, policyEnabled, readAccessLog, roleOf } from '@custcode/access';
import { NotAuthorizedError } from '@custcode/core';
import { translate } from '@custcode/core/messages';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { loadConfig } from '../../config/load-config.js';
import { terminalLang } from '../../output/output-lang.js';
import { reportError } from '../../output/report-error.js';
import { renderTable } from '../../output/table.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { accessLogPath, accessPolicyOf, cliUser, openAccessLog } from './cli-access.js';

export interface AccessLogOptions {
  config?: string;
  /** Only this user's entries (for this command `--user` filters; the reader is CUSTCODE_USER or the OS user). */
  user?: string;
  since?: string;
  json?: boolean;
  /** `--lang zh|en` (global): language of the table's headers. */
  lang?: string;
}

/** Human output shows the latest entries only; --json prints all. */
const HUMAN_ROWS = 200;

/** Reading the log is for roles granted every command on every source (`"*": { "commands": "*" }`). */
function assertMayReadLog(io: CommandIo, policy: ReturnType<typeof accessPolicyOf>): void {
  if (!policyEnabled(policy)) return;
  const reader = cliUser(io.env, undefined);
  const role = roleOf(policy, reader) ?? undefined;
  const sources = role !== undefined && Object.hasOwn(policy.roles, role) ? policy.roles[role]?.sources : undefined;
  const grant = sources !== undefined && Object.hasOwn(sources, '*') ? sources['*'] : undefined;
  if (grant?.commands !== '*') {
    throw new NotAuthorizedError({
      message: `User "${reader}" may not read the access log${role === undefined ? '' : ` (role "${role}")`}.`,
      hint: 'Run as a user whose role has "sources": { "*": { "commands": "*" } } (set CUSTCODE_USER).',
    });
  }
}

/**
 * Reads of the log are logged too (`command: "access-log"`, `operation: "read"`): a refusal as `denied`,
 * a read as `started` before the first entry is printed and `ok` with the number printed after.
 */
function readLogger(io: CommandIo, options: AccessLogOptions, policy: ReturnType<typeof accessPolicyOf>, log: AccessLog | undefined) {
  const reader = cliUser(io.env, undefined);
  const query = capLoggedQuery({ ...(options.user === undefined ? {} : { user: options.user }), ...(options.since === undefined ? {} : { since: options.since }) });
  return (outcome: AccessLogEntry['outcome'], records: number) =>
    log?.record({
      time: new Date().toISOString(), user: reader, role: roleOf(policy, reader), command: 'access-log', operation: 'read', source: '*', query, records, outcome,
      ...(outcome === 'denied' ? { error: 'NOT_AUTHORIZED' } : {}), via: 'cli',
    });
}

/** `custcode access-log [--user U] [--since DATE] [--json]`: who read what, when, and how many records. */
export async function runAccessLog(io: CommandIo, options: AccessLogOptions): Promise<number> {
  try {
    const loaded = await loadConfig(io, options.config);
    const policy = accessPolicyOf(loaded);
    const path = accessLogPath(loaded);
    const logRead = readLogger(io, options, policy, openAccessLog(loaded));
    try {
      assertMayReadLog(io, policy);
    } catch (error) {
      logRead('denied', 0);
      throw error;
    }
    if (path === undefined) {
      throw new UsageError({ message: 'No access log is configured.', hint: 'Add "accessLog": { "path": "access.jsonl" } (or "roles") to the config.' });
    }
    const since = options.since === undefined ? undefined : parseSince(options.since, '--since');
    logRead('started', 0);
    const entries = readAccessLog(path, { ...(options.user ? { user: options.user } : {}), ...(since ? { since } : {}) });
    if (options.json) {
      let first = true;
      let printed = 0;
      for await (const entry of entries) {
        await writeChunk(io.stdout, `${first ? '[\n' : ',\n'}${JSON.stringify(entry)}`);
        first = false;
        printed += 1;
      }
      await writeChunk(io.stdout, first ? '[]\n' : '\n]\n');
      logRead('ok', printed);
      return EXIT_CODES.ok;
    }
    const latest: AccessLogEntry[] = [];
    let total = 0;
    for await (const entry of entries) {
      latest.push(entry);
      total += 1;
      if (latest.length > HUMAN_ROWS) latest.shift();
    }
    if (total === 0) {
      io.stderr.write(`no access log entries${options.user ? ` for ${options.user}` : ''}${options.since ? ` since ${options.since}` : ''} in ${path}\n`);
      logRead('ok', 0);
      return EXIT_CODES.ok;
    }
    const rows = latest.map((entry) => [entry.time, entry.user, entry.role ?? '-', entry.command, entry.operation, entry.source, entry.outcome, String(entry.records), JSON.stringify(entry.query)]);
    const lang = terminalLang({ lang: options.lang, env: io.env, configLang: loaded.config.lang });
    const columns = ['cli.col.time', 'cli.col.user', 'cli.col.role', 'cli.col.command', 'cli.col.operation', 'cli.col.source', 'cli.col.outcome', 'cli.col.records', 'cli.col.query'] as const;
    await writeChunk(io.stdout, renderTable(columns.map((key) => translate(lang, key)), rows));
    if (total > latest.length) io.stderr.write(`showing the latest ${latest.length} of ${total}; use --json for all\n`);
    logRead('ok', latest.length);
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json });
  }
}
