import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { type AccessCommand, type AccessLog, type AccessPolicy, authorize, createFileAccessLog, guardSource } from '@custcode/access';
import { type CustomerSource } from '@custcode/core';
import type { LoadedConfig } from '../../config/load-config.js';

/** The access log file used when `roles` is configured but `accessLog` is not. */
export const DEFAULT_ACCESS_LOG = 'custcode-access.jsonl';

/** Who runs the CLI: `--user NAME`, else CUSTCODE_USER, else the OS user name. */
export function cliUser(env: NodeJS.ProcessEnv, explicit: string | undefined): string {
  if (explicit !== undefined && explicit !== '') return explicit;
  const fromEnv = env.CUSTCODE_USER;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

/** How `openSource` guards: the user and command to check, or `unguarded` (the server guards per request). */
export type SourceAccess = { user?: string; command?: AccessCommand } | 'unguarded';

/** The config's `roles`, `users` and `accessLog`. */
export function accessPolicyOf(loaded: LoadedConfig): AccessPolicy {
  const { roles, users, accessLog } = loaded.config;
  return { ...(roles ? { roles } : {}), ...(users ? { users } : {}), ...(accessLog ? { accessLog } : {}) };
}

/** Absolute path of the access log, or `undefined` when nothing asks for one (no roles, no accessLog). */
export function accessLogPath(loaded: LoadedConfig): string | undefined {
  const configured = loaded.config.accessLog?.path;
  if (configured !== undefined) return resolve(loaded.directory, configured);
  return loaded.config.roles === undefined ? undefined : resolve(loaded.directory, DEFAULT_ACCESS_LOG);
}

export function openAccessLog(loaded: LoadedConfig): AccessLog | undefined {
  const path = accessLogPath(loaded);
  return path === undefined ? undefined : createFileAccessLog(path);
}

/** Refuses a denied command before the source is opened (no connection for a user without the right). */
export function authorizeCliSource(env: NodeJS.ProcessEnv, loaded: LoadedConfig, name: string, options: { user?: string; command?: AccessCommand }): void {
  const accessLog = openAccessLog(loaded);
  authorize({ policy: accessPolicyOf(loaded), user: cliUser(env, options.user), command: options.command ?? 'search', source: name, ...(accessLog ? { accessLog } : {}), via: 'cli' });
}

/**
 * The source as the CLI user may see it (`openSource` calls this, so every command that reads customers
 * goes through it). The command defaults to `search`: reading records is what every other command does.
 */
export function guardCliSource(env: NodeJS.ProcessEnv, loaded: LoadedConfig, source: CustomerSource, options: { user?: string; command?: AccessCommand }): CustomerSource {
  const accessLog = openAccessLog(loaded);
  return guardSource(source, {
    policy: accessPolicyOf(loaded),
    user: cliUser(env, options.user),
    command: options.command ?? 'search',
    ...(accessLog ? { accessLog } : {}),
    via: 'cli',
  });
}
