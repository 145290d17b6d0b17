import type { AdapterDescriptor } from '@custcode/core';
import { describeSqlTarget, sqlConfigShape, sqlIdentifierSchema, sqlOptionsOf, sqlTesting, type SqlSourceConnection } from '@custcode/sql';
import { z } from 'zod';
import { createYonyouSource } from './yonyou-source.js';
import { DEFAULT_DIALECT, ncColumnsSchema } from './yonyou-options.js';

const configShape = {
  ...sqlConfigShape,
  /** Schema owning the tables (`dbo` for U8 on SQL Server); absent: the login's default. */
  schema: sqlIdentifierSchema.optional(),
  validateSchema: z.boolean().optional(),
};

const u8ConfigSchema = z.object({ erp: z.literal('yonyou-u8'), ...configShape }).strict();
const ncConfigSchema = z.object({ erp: z.literal('yonyou-nc'), ...configShape, columns: z.union([z.literal('likely'), ncColumnsSchema]).optional() }).strict();

const loadTesting = () => import('./testing.js');

/** Yonyou U8 (`"erp": "yonyou-u8"`): the `Customer` table and its class tables, SQL Server by default. */
export const yonyouU8Descriptor: AdapterDescriptor<z.infer<typeof u8ConfigSchema>> = {
  erp: 'yonyou-u8',
  label: 'Yonyou U8 (Customer)',
  optionsSchema: u8ConfigSchema,
  defaultDialect: DEFAULT_DIALECT.u8,
  create: (config, context) => {
    const options = sqlOptionsOf(config, context);
    return createYonyouSource({ ...options, product: 'u8', connection: options.connection as SqlSourceConnection });
  },
  describe: describeSqlTarget,
  testing: sqlTesting('yonyou-u8', { source: 'u8', file: 'u8.sqlite' }, async () => ({ seed: (await loadTesting()).seedU8Database })),
};

/** Yonyou NC (`"erp": "yonyou-nc"`): `bd_customer`, Oracle by default; unconfirmed columns opt-in (`columns`). */
export const yonyouNcDescriptor: AdapterDescriptor<z.infer<typeof ncConfigSchema>> = {
  erp: 'yonyou-nc',
  label: 'Yonyou NC (bd_customer)',
  optionsSchema: ncConfigSchema,
  defaultDialect: DEFAULT_DIALECT.nc,
  create: (config, context) => {
    const options = sqlOptionsOf(config, context);
    return createYonyouSource({ ...options, product: 'nc', connection: options.connection as SqlSourceConnection });
  },
  describe: describeSqlTarget,
  testing: sqlTesting('yonyou-nc', { source: 'nc', file: 'nc.sqlite' }, async () => ({ seed: (await loadTesting()).seedNcDatabase })),
};
