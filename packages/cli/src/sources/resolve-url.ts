import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '@custcode/core';

export const URL_SCHEMES = ['mssql://', 'oracle://', 'mysql://', 'postgres://', 'sqlite:'] as const;

/**
 * Checks a source URL and makes `sqlite:PATH` absolute, relative to the config file. A password inside
 * the URL is refused: secrets belong in `{ "env": … }`.
 */
export function resolveSourceUrl(url: string, directory: string, where: string): string {
  const scheme = URL_SCHEMES.find((prefix) => url.toLowerCase().startsWith(prefix));
  if (!scheme) {
    throw new ConfigError({
      message: `${where}: unsupported URL "${url.replace(/:[^:@/]*@/, ':***@')}".`,
      hint: `Use one of: ${URL_SCHEMES.map((prefix) => `${prefix}…`).join(', ')} (sqlite:PATH is relative to the config file).`,
    });
  }
  if (scheme === 'sqlite:') {
    const path = url.slice('sqlite:'.length);
    if (path === '' ) throw new ConfigError({ message: `${where}: "sqlite:" needs a file path.`, hint: 'Write sqlite:./data.sqlite.' });
    return path === ':memory:' || isAbsolute(path) ? url : `sqlite:${resolve(directory, path)}`;
  }
  if (/^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(url)) {
    throw new ConfigError({
      message: `${where}: the URL contains a password.`,
      hint: 'Remove it from the URL and write "password": { "env": "VARIABLE" } instead.',
    });
  }
  return url;
}
