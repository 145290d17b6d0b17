import type { ExecutorOptions } from '../executor/sql-executor.js';
import type { ConnectionUrl } from './connection-url.js';
import { describeTarget } from './driver-executor.js';
import type { DriverTarget } from './sql-dialect.js';

export interface DatabaseServerTarget {
  /** The parsed URL; undefined when the caller passed its own client. */
  url: ConnectionUrl | undefined;
  /** `options.password` wins over one written in the URL. */
  password: string | undefined;
  /** What messages call the target (`host:port/database`, or `clientLabel`); never holds a password. */
  description: string;
  /** Every way the password was given, to remove from messages. */
  secrets: Array<string | undefined>;
}

/** What a database-server dialect (not SQLite) needs to know about where it connects. */
export function databaseServerTarget(target: DriverTarget, options: ExecutorOptions, clientLabel: string): DatabaseServerTarget {
  const url = 'url' in target ? target.url : undefined;
  return {
    url,
    password: options.password ?? url?.password,
    description: url ? describeTarget(url) : clientLabel,
    secrets: [options.password, url?.password],
  };
}
