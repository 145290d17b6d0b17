import type { AdapterDescriptor } from '@custcode/core';
import { describeSqlTarget, sqlConfigShape, sqlIdentifierSchema, sqlOptionsOf, sqlTesting, type SqlSourceConnection } from '@custcode/sql';
import { z } from 'zod';
import { createOracleEbsSource } from './oracle-ebs-source.js';

const oracleEbsConfigSchema = z
  .object({
    erp: z.literal('oracle-ebs'),
    ...sqlConfigShape,
    /** Owner of the TCA tables (`AR`); absent: the login's synonyms (APPS). */
    schema: sqlIdentifierSchema.optional(),
    validateSchema: z.boolean().optional(),
    /** Default operating unit (`ORG_ID`). */
    org: z.string().optional(),
  })
  .strict();

/** Oracle E-Business Suite TCA (`"erp": "oracle-ebs"`): `HZ_CUST_ACCOUNTS` ⋈ `HZ_PARTIES`, Oracle by default. */
export const oracleEbsDescriptor: AdapterDescriptor<z.infer<typeof oracleEbsConfigSchema>> = {
  erp: 'oracle-ebs',
  label: 'Oracle EBS (HZ_PARTIES / HZ_CUST_ACCOUNTS)',
  optionsSchema: oracleEbsConfigSchema,
  defaultDialect: 'oracle',
  create: (config, context) => {
    const options = sqlOptionsOf(config, context);
    return createOracleEbsSource({ ...options, connection: options.connection as SqlSourceConnection });
  },
  describe: describeSqlTarget,
  testing: sqlTesting('oracle-ebs', { source: 'ebs', file: 'ebs.sqlite' }, async () => ({ seed: (await import('./testing.js')).seedEbsDatabase })),
};
