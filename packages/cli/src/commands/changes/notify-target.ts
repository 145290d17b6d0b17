import { appendChangeLine, type ChangeList, postWebhook } from '@custcode/changes';
import type { CommandIo } from '../../command-io.js';
import type { LoadedConfig } from '../../config/load-config.js';
import { resolveSecret } from '../../config/resolve-secret.js';
import type { OutputPath } from '../../output/output-guard.js';
import { humanLine } from '../../output/terminal-text.js';

/** Where the change list goes: a webhook, or a file (checked by the output guard) that gets a JSON line. */
export interface NotifyOptions {
  target: { webhook: string } | { file: OutputPath };
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

/** `--notify` names a webhook (http, https) rather than a file. */
export const isWebhook = (target: string) => /^https?:\/\//i.test(target);

/** Sends the change list: POST to the webhook, or append a JSON line to the file. The secret never appears in messages. */
export async function notify(io: CommandIo, loaded: LoadedConfig, list: ChangeList, options: NotifyOptions): Promise<void> {
  if ('file' in options.target) {
    await appendChangeLine(options.target.file, list);
    return;
  }
  const secret = webhookSecret(io, loaded, options.secretEnv);
  await postWebhook(options.target.webhook, list, {
    ...(secret ? { secret } : {}),
    onRetry: (attempt, reason) => io.stderr.write(`notify: ${humanLine(reason, secret ? [secret] : [])}; retry ${attempt}\n`),
  });
}
