import { type AdapterContext, type AdapterTesting, type ErpKind, secretRefSchema, type SecretRef, type Customer } from '@custcode/core';
import { redactUrl } from '@custcode/core/adapter';
import { type SeedCustomer } from '@custcode/core/fixtures';
import { z } from 'zod';
import type { SeedTarget } from '../seed/seed-target.js';

/** The config-file keys every SQL-backed product accepts: the URL as written, the password as `{ env }`, tuning. */
export const sqlConfigShape = {
  url: z.string().min(1),
  password: secretRefSchema.optional(),
  pageSize: z.number().int().positive().optional(),
  queryTimeoutMs: z.number().int().positive().optional(),
  connectTimeoutMs: z.number().int().positive().optional(),
};

type SqlConfig = { erp: ErpKind; url?: string | undefined; password?: SecretRef | undefined };

/** What a SQL adapter's factory takes for a config entry: `url` resolved into `connection`, the password read. */
export type SqlOptionsOf<Config extends SqlConfig> = Omit<Config, 'erp' | 'url' | 'password'> & { name: string; connection?: string; password?: string };

/** A config entry as a SQL adapter's factory takes it; unset keys are left out rather than passed as undefined. */
export function sqlOptionsOf<Config extends SqlConfig>(config: Config, context: AdapterContext): SqlOptionsOf<Config> {
  const { erp: _erp, url, password, ...rest } = config;
  const options: Record<string, unknown> = { ...rest, name: context.name };
  if (url !== undefined) options.connection = context.connectionUrl(url, 'url');
  const secret = context.secret(password, 'password');
  if (secret !== undefined) options.password = secret;
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as SqlOptionsOf<Config>;
}

/** Where a SQL source reads from: its URL, password-free. */
export const describeSqlTarget = (config: { url?: string | undefined }) => ({ target: config.url === undefined ? '' : redactUrl(config.url) });

/** A seeder of a product's table layout (loaded from the package's `/testing` subpath when first used). */
export type SqlSeeder = (target: SeedTarget, customers: SeedCustomer[], options: { source: string }) => Promise<Customer[]>;

/** A product's seeder and, for products configured by columns, the config options that describe its layout. */
export interface SqlFixtureCode {
  seed: SqlSeeder;
  options?: Record<string, unknown>;
}

/**
 * The fixtures of a SQL product: a database in its table layout, written through a SeedTarget; a source over
 * it is configured by its URL (and `options`). `load` imports the seeder only when a fixture is written.
 */
export function sqlTesting(erp: ErpKind, demo: AdapterTesting['demo'], load: () => Promise<SqlFixtureCode>): AdapterTesting {
  return {
    fixture: 'database',
    demo,
    async seed(fixture, customers, seedOptions) {
      if (fixture.kind !== 'database') throw new TypeError(`${erp} is seeded into a database, not a ${fixture.kind}.`);
      const { seed, options } = await load();
      const records = await seed(fixture.target as SeedTarget, customers, seedOptions);
      return { options: { erp, url: fixture.url, ...options }, records };
    },
  };
}
