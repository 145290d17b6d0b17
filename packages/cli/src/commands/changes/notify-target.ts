import { resolve } from 'node:path';
import { appendChangeLine, type ChangeList, postWebhook } from '@custcode/core';
import type { CommandIo } from '../../command-io.js';
import type { LoadedConfig } from '../../config/load-config.js';
import { resolveSecret } from '../../config/resolve-secret.js';
import { humanLine } from '../../output/terminal-text.js';

export interface NotifyOptions {
  notify: string;
  secretEnv?: string;
}

/**
 * The webhook secret: `--secret-env NAME`, else the config's `notify.secret` (`{ "env": NAME }`).
 */
export function webhookSecret(io: CommandIo, loaded: LoadedConfig, secretEnv: string | undefined): string | undefined {
  if (secretEnv !== undefined) return resolveSecret({ env: secretEnv }, io.env, '--secret-env');
  const configured = loaded.config.notify?.secret;
  return resolveSecret(configured, io.env, 'notify.secret');
}

/** Sends the change list: POST to an http(s) URL, otherwise append a JSON line to a file. The secret never appears in messages. */
export async function notify(io: CommandIo, loaded: LoadedConfig, list: ChangeList, options: NotifyOptions): Promise<void> {
  if (!/^https?:\/\//i.test(options.notify)) {
    await appendChangeLine(resolve(io.cwd, options.notify), list);
    return;
  }
  const secret = webhookSecret(io, loaded, options.secretEnv);
  await postWebhook(options.notify, list, {
    ...(secret ? { secret } : {}),
    onRetry: (attempt, reason) => io.stderr.write(`notify: ${humanLine(reason, secret ? [secret] : [])}; retry ${attempt}\n`),
  });
}
