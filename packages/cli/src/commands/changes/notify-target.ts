import { resolve } from 'node:path';
import { appendChangeLine, type ChangeList, postWebhook } from '@custcode/core';
import type { CommandIo } from '../../command-io.js';
import type { LoadedConfig } from '../../config/load-config.js';
import { resolveSecret } from '../../config/resolve-secret.js';

export interface NotifyOptions {
  notify: string;
  secretEnv?: string;
  /** Overrides for tests; defaults are the library's (3 retries, 10 s timeout, 1 s first backoff). */
  retries?: number;
  timeoutMs?: number;
  backoffMs?: number;
}

/**
 * The webhook secret: `--secret-env NAME`, else the config's `notify.secret` (`{ "env": NAME }`).
 * The config schema must accept a top-level `notify` key for the second form (see the report to the lead).
 */
export function webhookSecret(io: CommandIo, loaded: LoadedConfig, secretEnv: string | undefined): string | undefined {
  if (secretEnv !== undefined) return resolveSecret({ env: secretEnv }, io.env, '--secret-env');
  const configured = (loaded.config as { notify?: { secret?: { env: string } } }).notify?.secret;
  return resolveSecret(configured, io.env, 'notify.secret');
}

/** Sends the change list: POST to an http(s) URL, otherwise append a JSON line to a file. Returns the secret used (to scrub). */
export async function notify(io: CommandIo, loaded: LoadedConfig, list: ChangeList, options: NotifyOptions): Promise<string | undefined> {
  if (!/^https?:\/\//i.test(options.notify)) {
    await appendChangeLine(resolve(io.cwd, options.notify), list);
    return undefined;
  }
  const secret = webhookSecret(io, loaded, options.secretEnv);
  await postWebhook(options.notify, list, {
    ...(secret ? { secret } : {}),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    onRetry: (attempt, reason) => io.stderr.write(`notify: ${reason}; retry ${attempt}\n`),
  });
  return secret;
}
