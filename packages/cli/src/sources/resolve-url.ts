import { isAbsolute, resolve } from 'node:path';
import { ConfigError, redactUrl, urlSecrets } from '@custcode/core';

export const URL_SCHEMES = ['mssql://', 'oracle://', 'mysql://', 'postgres://', 'sqlite:'] as const;

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
 * Checks a source URL and makes `sqlite:PATH` absolute, relative to the config file. A secret inside the
 * URL is refused before anything else is said about it.
 */
export function resolveSourceUrl(url: string, directory: string, where: string): string {
  assertNoSecretInUrl(url, where);
  const scheme = URL_SCHEMES.find((prefix) => url.toLowerCase().startsWith(prefix));
  if (!scheme) {
    throw new ConfigError({
      message: `${where}: unsupported URL "${redactUrl(url)}".`,
      hint: `Use one of: ${URL_SCHEMES.map((prefix) => `${prefix}…`).join(', ')} (sqlite:PATH is relative to the config file).`,
    });
  }
  if (scheme === 'sqlite:') {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new ConfigError({ message: `${where}: "sqlite:" needs a file path.`, hint: 'Write sqlite:./data.sqlite.' });
    return path === ':memory:' || isAbsolute(path) ? url : `sqlite:${resolve(directory, path)}`;
  }
  return url;
}
