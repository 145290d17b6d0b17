import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { type AccessCommand, type AccessLog, type AccessPolicy, type CustomerSource, createFileAccessLog, guardSource } from '@custcode/core';
import type { CommandIo } from '../../command-io.js';
import type { LoadedConfig } from '../../config/load-config.js';

/** The access log file used when `roles` is configured but `accessLog` is not. */
export const DEFAULT_ACCESS_LOG = 'custcode-access.jsonl';

/** Who runs the CLI: `--user NAME`, else CUSTCODE_USER, else the OS user name. */
export function cliUser(io: CommandIo, explicit: string | undefined): string {
  if (explicit !== undefined && explicit !== '') return explicit;
  const fromEnv = io.env.CUSTCODE_USER;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return io.env.USER ?? io.env.USERNAME ?? 'unknown';
  }
}

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

/** The source as the CLI user may see it: every command that reads customers goes through here. */
export function guardCliSource(io: CommandIo, loaded: LoadedConfig, source: CustomerSource, options: { user?: string; command: AccessCommand }): CustomerSource {
  const accessLog = openAccessLog(loaded);
  return guardSource(source, {
    policy: accessPolicyOf(loaded),
    user: cliUser(io, options.user),
    command: options.command,
    ...(accessLog ? { accessLog } : {}),
    via: 'cli',
  });
}
