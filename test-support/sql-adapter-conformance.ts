/**
 * The conformance run of a SQL-backed adapter on one test backend: the suite from @custcode/core with
 * the error cases and the read-only check every SQL adapter provokes the same way.
 */
import type { Customer, CustomerSource } from '@custcode/core';
import { CONFORMANCE_PASSWORD, type ConformanceOptions } from '@custcode/core/testing';
import type { TestBackend, TestDatabase } from './backends.js';
import { attemptWrite, badUserUrl, missingModule } from './error-cases.js';

/** The settings the cases pass to the adapter's factory, beside its own options. */
export interface SqlCaseSettings {
  password?: string;
  pageSize?: number;
  connectTimeoutMs?: number;
  importDriver?: () => Promise<unknown>;
}

export interface SqlAdapterConformanceOptions {
  backend: TestBackend;
  /** The adapter's factory on a connection URL, with `settings` spread over its options. */
  open(connection: string, settings: SqlCaseSettings): CustomerSource;
  /** Writes the canonical customers and returns the records the source must report. */
  seed(database: TestDatabase): Promise<Customer[]>;
  /** pageSize of the source under test (small, so streams cross pages); absent: the adapter's default. */
  pageSize?: number;
  /** A server URL on a closed port (`…@127.0.0.1:1/…`), with a connect timeout when the driver's default is long. */
  unreachable: { url: string; connectTimeoutMs?: number };
  /** A URL whose driver is replaced by one that is "not installed". */
  missingDriver: { url: string; packageName?: string };
  /** A write that the executor must refuse with READ_ONLY_VIOLATION. */
  write: string;
  additionalTests?: ConformanceOptions['additionalTests'];
}

/** The suite's options for one SQL adapter on `options.backend` (the caller adds the name and availability). */
export function sqlAdapterConformance(options: SqlAdapterConformanceOptions): Omit<ConformanceOptions, 'name' | 'unavailable'> {
  const { backend, open } = options;
  const bad = badUserUrl(backend);
  let url = '';
  return {
    async setup() {
      const database = await backend.createDatabase();
      url = database.url;
      const expected = await options.seed(database);
      return { source: open(database.url, options.pageSize === undefined ? {} : { pageSize: options.pageSize }), expected, teardown: () => database.drop() };
    },
    errorCases: {
      ...(bad ? { badCredentials: () => open(bad, { password: CONFORMANCE_PASSWORD }).count() } : {}),
      unreachable: () =>
        open(options.unreachable.url, {
          password: CONFORMANCE_PASSWORD,
          ...(options.unreachable.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.unreachable.connectTimeoutMs }),
        }).count(),
      missingDriver: () => open(options.missingDriver.url, { importDriver: missingModule(options.missingDriver.packageName) }).count(),
    },
    readOnly: () => attemptWrite(url, options.write),
    ...(options.additionalTests ? { additionalTests: options.additionalTests } : {}),
  };
}
