import { ConfigError, isCustcodeError } from '@custcode/core';
import { urlSecrets } from '@custcode/core/adapter';
import { describeUrlSchemes, resolveConnectionUrl } from '@custcode/sql';
import type { CustcodeConfig } from '../config/config-schema.js';

/**
 * Refuses a URL that carries a secret — a password in the userinfo or a `password=`, `pwd=`, `secret=`,
 * `token=`… parameter, whatever the scheme: secrets belong in `{ "env": … }`. The URL is not echoed.
 */
export function assertNoSecretInUrl(url: string, where: string, passwordKey = 'password'): void {
  if (urlSecrets(url).length === 0) return;
  throw new ConfigError({
    message: `${where}: the URL contains a password or another secret.`,
    hint: `Remove it from the URL and write "${passwordKey}": { "env": "VARIABLE" } instead.`,
  });
}

/**
 * Checks a source URL with @custcode/sql's `parseConnectionUrl` (every scheme its dialects document) and makes
 * a file path absolute, relative to the config file. A secret inside the URL is refused before anything else
 * is said about it.
 */
export function resolveSourceUrl(url: string, directory: string, where: string): string {
  assertNoSecretInUrl(url, where);
  try {
    return resolveConnectionUrl(url, directory);
  } catch (error) {
    if (!isCustcodeError(error, 'CONFIG_INVALID')) throw error;
    throw new ConfigError({
      message: `${where}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`,
      hint: `${error.hint ?? `Use ${describeUrlSchemes()}.`} A file path in a URL is relative to the config file.`,
      cause: error,
    });
  }
}

/** Config validation: every source URL must be one a dialect opens, and hold no secret (`resolveSourceUrl`). */
export function checkSourceUrls(config: CustcodeConfig, directory: string): void {
  for (const [name, source] of Object.entries(config.sources)) {
    if (typeof source.url === 'string') resolveSourceUrl(source.url, directory, `sources.${name}.url`);
  }
}

