import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '@custcode/core';
import { redactUrl } from '@custcode/core/adapter';
import type { DialectName } from './dialect-name.js';
import { allDialects, dialectFor } from './dialects.js';
import type { SqlDialect } from './sql-dialect.js';

/** A parsed connection URL. `file` is set for SQLite, host/port/database for servers. */
export interface ConnectionUrl {
  dialect: DialectName;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  file?: string;
  /** Query-string options (`?encrypt=false&trustServerCertificate=true`). */
  options: Record<string, string>;
}

/** The dialect whose scheme starts `url` (`mariadb://…` → mysql), without reading the rest of it. */
export function connectionUrlDialect(url: string): DialectName | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined ? undefined : allDialects().find((dialect) => dialect.urlSchemes.includes(scheme))?.name;
}

/** How one dialect's URL starts, for hints: `mysql://` or `sqlite:PATH`. */
export function urlExample(dialect: SqlDialect, scheme = dialect.urlSchemes[0]): string {
  return dialect.urlForm === 'file' ? `${scheme}:PATH` : `${scheme}://`;
}

/** The URL of a database file for a dialect that keeps its database in one (`sqlite:./u8.sqlite`). */
export function fileConnectionUrl(name: DialectName, file: string): string {
  const dialect = dialectFor(name);
  if (dialect.urlForm !== 'file') throw new ConfigError({ message: `A ${name} database is not a file.`, hint: `Use ${urlExample(dialect)}.` });
  return `${dialect.urlSchemes[0]}:${file}`;
}

/** Every URL form custcode opens, aliases included, for hints: `mssql:// or sqlserver://, …, sqlite:PATH`. */
export function describeUrlSchemes(dialects: SqlDialect[] = allDialects()): string {
  return dialects.map((dialect) => dialect.urlSchemes.map((scheme) => urlExample(dialect, scheme)).join(' or ')).join(', ');
}

/**
 * `mysql://user:pass@host:3306/db` (or `mariadb://`), `postgres://…` (or `postgresql://`), `mssql://…/UFDATA_001_2024`
 * (or `sqlserver://`), `oracle://user@host:1521/SERVICE`, `sqlite:./file.sqlite` (or `sqlite:///abs/path`).
 * The schemes are the dialects' own (`SqlDialect.urlSchemes`).
 */
export function parseConnectionUrl(url: string): ConnectionUrl {
  const name = connectionUrlDialect(url);
  if (name === undefined) {
    throw new ConfigError({
      message: `Unsupported connection URL ${JSON.stringify(redactUrl(url))}.`,
      hint: `Use ${describeUrlSchemes()}.`,
    });
  }
  const dialect = dialectFor(name);
  if (dialect.urlForm === 'file') {
    const rest = url.slice(url.indexOf(':') + 1);
    const file = decodeURIComponent(rest.startsWith('//') ? rest.slice(2) : rest);
    if (file === '') throw new ConfigError({ message: `The ${url.slice(0, url.indexOf(':') + 1)} URL has no file path.`, hint: `Write ${dialect.urlSchemes[0]}:./data.${dialect.urlSchemes[0]}.` });
    return { dialect: name, file, options: {} };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new ConfigError({ message: `Malformed connection URL ${JSON.stringify(redactUrl(url))}.`, hint: 'Check the URL syntax: scheme://user@host:port/database.', cause: error });
  }
  if (parsed.hostname === '') throw new ConfigError({ message: `The URL ${JSON.stringify(redactUrl(url))} has no host.`, hint: 'Write scheme://user@host:port/database.' });
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    dialect: name,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    ...(parsed.port === '' ? {} : { port: Number(parsed.port) }),
    ...(database === '' ? {} : { database }),
    ...(parsed.username === '' ? {} : { user: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    options: Object.fromEntries(parsed.searchParams),
  };
}

/** The file on disk a URL reads (a `file` dialect's path), or undefined for a server or an in-memory database. */
export function connectionUrlFile(url: ConnectionUrl): string | undefined {
  return url.file === undefined || url.file === dialectFor(url.dialect).inMemoryFile ? undefined : url.file;
}

/**
 * Checks `url` (`parseConnectionUrl`'s ConfigError when it is not one custcode opens) and makes a relative
 * file path absolute against `directory`, keeping the scheme as written. Server URLs come back unchanged.
 */
export function resolveConnectionUrl(url: string, directory: string): string {
  const file = connectionUrlFile(parseConnectionUrl(url));
  if (file === undefined || isAbsolute(file)) return url;
  // parseConnectionUrl decodes the path: keep a % in the directory name literal.
  return `${url.slice(0, url.indexOf(':') + 1)}${resolve(directory, file).replace(/%/g, '%25')}`;
}
