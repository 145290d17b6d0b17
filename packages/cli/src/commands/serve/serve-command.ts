import { isIP } from 'node:net';
import { ConfigError } from '@custcode/core';
import { createCustcodeApp, type RunningServer, type ServerSourceEntry, startServer } from '@custcode/server';
import { type CommandIo, EXIT_CODES } from '../../command-io.js';
import { type LoadedConfig, loadConfig } from '../../config/load-config.js';
import { reportError } from '../../output/report-error.js';
import { UsageError } from '../../output/usage-error.js';
import { openSource } from '../../sources/open-source.js';
import { wholeNumberFlag } from '../flag-values.js';
import { accessLogPath, accessPolicyOf, openAccessLog } from '../access-log/cli-access.js';
import { resolveAuditRule } from '../audit/resolve-audit-rule.js';

export interface ServeOptions {
  config?: string;
  port?: string;
  host?: string;
  /** Host names the server answers to besides IP addresses, localhost and a --host name. */
  allowedHost?: string[];
  json?: boolean;
  /** Stops the server (tests); without it SIGINT / SIGTERM do. */
  signal?: AbortSignal;
  /** Called once listening (tests). */
  onListening?: (server: RunningServer) => void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function parsePort(value: string | undefined): number {
  return value === undefined ? 8080 : wholeNumberFlag('--port', value, { min: 0, max: 65_535, example: '8080 (0 picks a free port)' });
}

/** Why the server could not listen, as the user can fix it: which port or address, and the flag that changes it. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = { cause: error };
  if (code === 'EADDRINUSE') {
    return new UsageError({ message: `Port ${port} on ${host} is already in use (EADDRINUSE).`, hint: `Stop the program listening there, or pick another port: custcode serve --port ${port === 65_535 ? 8081 : port + 1} (--port 0 picks a free one).`, ...cause });
  }
  if (code === 'EACCES') {
    return new UsageError({ message: `Not allowed to listen on port ${port} on ${host} (EACCES).`, hint: 'Ports below 1024 need extra rights: use --port 8080, or 0 for a free one.', ...cause });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new UsageError({ message: `Cannot listen on ${host}: it is not an address of this machine (${code}).`, hint: 'Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface).', ...cause });
  }
  return error;
}

/** Resolves when the signal aborts, or on SIGINT / SIGTERM when there is none. */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * The configured sources as the server lists and opens them: the product label from the adapter registry's
 * descriptor (the ERP value when the adapter package is not installed), opened through the registry on first use.
 */
export function serverSources(loaded: LoadedConfig, env: NodeJS.ProcessEnv): Record<string, ServerSourceEntry> {
  return Object.fromEntries(
    Object.entries(loaded.config.sources).map(([name, config]): [string, ServerSourceEntry] => {
      const adapter = loaded.adapters.get(config.erp);
      const label = adapter === undefined || adapter instanceof ConfigError ? config.erp : adapter.label;
      return [name, { erp: config.erp, label, open: () => openSource(loaded, name, env, 'unguarded') }];
    }),
  );
}

/** `custcode serve [--port 8080] [--host 127.0.0.1]`: the REST API and the web console over the configured sources. */
export async function runServe(io: CommandIo, options: ServeOptions): Promise<number> {
  let running: RunningServer | undefined;
  try {
    const loaded = await loadConfig(io, options.config);
    const port = parsePort(options.port);
    const host = options.host ?? '127.0.0.1';
    const sources = serverSources(loaded, io.env);
    const accessLog = openAccessLog(loaded);
    const policy = accessPolicyOf(loaded);
    const app = createCustcodeApp({
      sources,
      // A name given to --host is one the server is reached by; IP addresses and localhost always are.
      allowedHosts: [...(options.allowedHost ?? []), ...(isIP(host) === 0 ? [host] : [])],
      policy,
      ...(accessLog ? { accessLog } : {}),
      env: io.env,
      views: loaded.config.views ?? {},
      resolveRule: (rule) => resolveAuditRule(rule, loaded.config.rules ?? {}),
      ...(loaded.config.serve?.auditBudget ? { auditBudget: loaded.config.serve.auditBudget } : {}),
      ...(loaded.config.serve?.matchBudget ? { matchBudget: loaded.config.serve.matchBudget } : {}),
    });
    running = await startServer(app, { port, host }).catch((error: unknown) => {
      throw listenError(error, host, port);
    });
    const logPath = accessLogPath(loaded);
    if (options.json) io.stdout.write(`${JSON.stringify({ url: running.url, accessLog: logPath ?? null, roles: loaded.config.roles !== undefined })}\n`);
    io.stderr.write(`custcode API and console on ${running.url} (OpenAPI: ${running.url}/openapi.json)\n`);
    if (loaded.config.roles === undefined) {
      io.stderr.write(`no "roles" in the config: the API needs no key and shows everything${LOOPBACK.has(host) ? '' : ` — and ${host} is reachable from other machines`}\n`);
    }
    if (logPath) io.stderr.write(`access log: ${logPath}\n`);
    options.onListening?.(running);
    await untilStopped(options.signal);
    return EXIT_CODES.ok;
  } catch (error) {
    return reportError(io, error, { json: options.json });
  } finally {
    await running?.close().catch(() => undefined);
  }
}
