import type { AccessLog, AccessPolicy, AuditOptions, CustomerSource } from '@custcode/core';

/** An opened source and the secrets it was given, so that error messages can be scrubbed of them. */
export interface OpenedServerSource {
  source: CustomerSource;
  secrets: string[];
}

/** A configured source: its ERP (listed without connecting) and how to open it (once, on first use). */
export interface ServerSourceEntry {
  erp: string;
  open: () => Promise<OpenedServerSource>;
}

/** A saved view from the config, offered by the console. */
export interface ServerView {
  source: string;
  [filter: string]: unknown;
}

export interface ServerOptions {
  sources: Readonly<Record<string, ServerSourceEntry>>;
  /** `roles`, `users` (API keys); without `roles` the API needs no key and allows everything. */
  policy?: AccessPolicy;
  accessLog?: AccessLog;
  /** Where `{ "env": NAME }` API keys are read. */
  env?: NodeJS.ProcessEnv;
  views?: Readonly<Record<string, ServerView>>;
  /** Turns an audit request's `rule` (a config name, pattern or preset) into what `audit` takes. */
  resolveRule?: (rule: string) => AuditOptions['rule'];
  /** Serve the web console at `/` (default true). */
  console?: boolean;
  version?: string;
}
