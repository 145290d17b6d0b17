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

type U8Config = z.infer<typeof u8ConfigSchema>;
type NcConfig = z.infer<typeof ncConfigSchema>;

/** The one descriptor shape of both products: the same SQL options, the product passed to the source. */
function yonyouDescriptor<Config extends U8Config | NcConfig>(
  product: 'u8' | 'nc',
  erp: Config['erp'],
  label: string,
  optionsSchema: AdapterDescriptor<Config>['optionsSchema'],
  seed: 'seedU8Database' | 'seedNcDatabase',
): AdapterDescriptor<Config> {
  return {
    erp,
    label,
    optionsSchema,
    defaultDialect: DEFAULT_DIALECT[product],
    create: (config, context) => {
      const options = sqlOptionsOf(config, context);
      return createYonyouSource({ ...options, product, connection: options.connection as SqlSourceConnection });
    },
    describe: describeSqlTarget,
    testing: sqlTesting(erp, { source: product, file: `${product}.sqlite` }, async () => ({ seed: (await loadTesting())[seed] })),
  };
}

/** Yonyou U8 (`"erp": "yonyou-u8"`): the `Customer` table and its class tables, SQL Server by default. */
export const yonyouU8Descriptor = yonyouDescriptor<U8Config>('u8', 'yonyou-u8', 'Yonyou U8 (Customer)', u8ConfigSchema, 'seedU8Database');

/** Yonyou NC (`"erp": "yonyou-nc"`): `bd_customer`, Oracle by default; unconfirmed columns opt-in (`columns`). */
export const yonyouNcDescriptor = yonyouDescriptor<NcConfig>('nc', 'yonyou-nc', 'Yonyou NC (bd_customer)', ncConfigSchema, 'seedNcDatabase');
