import { ConfigError, redactUrl } from '@custcode/core';
import type { DialectName } from './dialect-name.js';

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

const schemes: Record<string, DialectName> = {
  'mssql:': 'mssql',
  'sqlserver:': 'mssql',
  'oracle:': 'oracle',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'sqlite:': 'sqlite',
};

/**
 * `mysql://user:pass@host:3306/db`, `postgres://…`, `mssql://…/UFDATA_001_2024`,
 * `oracle://user@host:1521/SERVICE`, `sqlite:./file.sqlite` (or `sqlite:///abs/path`).
 */
export function parseConnectionUrl(url: string): ConnectionUrl {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  const dialect = scheme === undefined ? undefined : schemes[scheme];
  if (dialect === undefined) {
    throw new ConfigError({
      message: `Unsupported connection URL ${JSON.stringify(redactUrl(url))}.`,
      hint: 'Use mssql://, oracle://, mysql://, postgres:// or sqlite:PATH.',
    });
  }
  if (dialect === 'sqlite') {
    const rest = url.slice(scheme!.length);
    const file = decodeURIComponent(rest.startsWith('//') ? rest.slice(2) : rest);
    if (file === '') throw new ConfigError({ message: 'The sqlite: URL has no file path.', hint: 'Write sqlite:./data.sqlite.' });
    return { dialect, file, options: {} };
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
    dialect,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    ...(parsed.port === '' ? {} : { port: Number(parsed.port) }),
    ...(database === '' ? {} : { database }),
    ...(parsed.username === '' ? {} : { user: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    options: Object.fromEntries(parsed.searchParams),
  };
}
