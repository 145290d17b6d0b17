import type { AccessLog, AccessPolicy } from '@custcode/access';
import type { AuditOptions } from '@custcode/audit';
import type { CustomerSource } from '@custcode/core';
import type { AuditBudget } from './audit/audit-budget.js';

/** An opened source and the secrets it was given, so that error messages can be scrubbed of them. */
export interface OpenedServerSource {
  source: CustomerSource;
  secrets: string[];
}

/** A configured source: its ERP and product label (listed without connecting) and how to open it (once, on first use). */
export interface ServerSourceEntry {
  erp: string;
  /** The product as a person names it ("Yonyou U8 (Customer)"), as the adapter's descriptor gives it; `erp` when not given. */
  label?: string;
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
  /**
   * Host names the server answers to besides IP addresses and `localhost` (the `Host` header is checked:
   * a page on another name cannot reach the API through DNS rebinding). `serve --host NAME` adds NAME.
   */
  allowedHosts?: readonly string[];
  /** Limits of one audit request; each omitted one keeps its default (DEFAULT_AUDIT_BUDGET). */
  auditBudget?: Partial<AuditBudget>;
  /** Limits of one match request (`POST /match`); each omitted one keeps its default (DEFAULT_MATCH_BUDGET). */
  matchBudget?: Partial<AuditBudget>;
  /** Serve the web console at `/` (default true). */
  console?: boolean;
  version?: string;
}
