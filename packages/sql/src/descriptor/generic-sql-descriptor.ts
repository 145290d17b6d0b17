import type { AdapterDescriptor } from '@custcode/core';
import { z } from 'zod';
import type { SqlConnection } from '../executor/sql-executor.js';
import { createGenericSqlSource, type GenericSqlColumns } from '../source/generic-sql-source.js';
import { describeSqlTarget, sqlConfigShape, sqlOptionsOf, sqlTesting } from './sql-config.js';

const statusValues = z.array(z.union([z.string(), z.number()]));

const genericSqlConfigSchema = z
  .object({
    erp: z.literal('generic-sql'),
    ...sqlConfigShape,
    /** The customer table, optionally schema-qualified (`dbo.Customer`). */
    table: z.string().min(1),
    /** Customer field → column (`code` and `name` required; `mnemonic` for a pinyin-initials column). */
    columns: z.record(z.string(), z.string().min(1)),
    /** A status column and the values meaning blocked / deleted (anything else is active). */
    status: z.object({ column: z.string().min(1), blocked: statusValues.optional(), deleted: statusValues.optional() }).strict().optional(),
    /** Columns exposed under `raw` (default: every configured column). */
    raw: z.array(z.string().min(1)).optional(),
  })
  .strict();

type GenericSqlConfig = z.infer<typeof genericSqlConfigSchema>;

/** Any customer table described by its column names (`"erp": "generic-sql"`). */
export const genericSqlDescriptor: AdapterDescriptor<GenericSqlConfig> = {
  erp: 'generic-sql',
  label: 'generic SQL (any customer table)',
  optionsSchema: genericSqlConfigSchema,
  create: (config, context) => {
    const { connection, columns, ...options } = sqlOptionsOf(config, context);
    // Column keys are checked by the source itself (unknown keys, missing code/name), with suggestions.
    return createGenericSqlSource({ ...options, connection: connection as SqlConnection, columns: columns as unknown as GenericSqlColumns });
  },
  describe: describeSqlTarget,
  testing: sqlTesting(
    'generic-sql',
    { source: 'crm', file: 'crm.sqlite' },
    async () => {
      const { seedGenericDatabase, GENERIC_SEED_COLUMNS, GENERIC_SEED_STATUS } = await import('../testing.js');
      return { seed: seedGenericDatabase, options: { table: 'Customer', columns: GENERIC_SEED_COLUMNS, status: GENERIC_SEED_STATUS } };
    },
  ),
};
