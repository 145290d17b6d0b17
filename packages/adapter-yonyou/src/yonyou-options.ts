import { parseOptions } from '@custcode/core/adapter';
import { sqlIdentifierSchema, sqlSourceOptionsShape, type DialectName, type SqlSourceConnection } from '@custcode/sql';
import { z } from 'zod';

/** NC bd_customer columns not confirmed by the reference, mapped by name when configured. */
export const ncColumnsSchema = z
  .object({
    shortName: sqlIdentifierSchema.optional(),
    taxId: sqlIdentifierSchema.optional(),
    phone: sqlIdentifierSchema.optional(),
    createdAt: sqlIdentifierSchema.optional(),
    updatedAt: sqlIdentifierSchema.optional(),
    mnemonic: sqlIdentifierSchema.optional(),
  })
  .strict();

const common = {
  name: z.string().min(1),
  ...sqlSourceOptionsShape,
  /** Schema owning the tables (`dbo` for U8 on SQL Server); absent: the login's default. */
  schema: sqlIdentifierSchema.optional(),
};

export const yonyouOptionsSchema = z.discriminatedUnion('product', [
  z.object({ product: z.literal('u8'), ...common }).strict(),
  z
    .object({
      product: z.literal('nc'),
      ...common,
      /**
       * bd_customer columns not confirmed by the reference (short name, tax id, phone, timestamps, mnemonic):
       * `'likely'` maps their probable NC 6 names, an object maps the ones given; absent: none mapped.
       */
      columns: z.union([z.literal('likely'), ncColumnsSchema]).optional(),
    })
    .strict(),
]);

type ParsedOptions = z.infer<typeof yonyouOptionsSchema>;
type WithConnection<T> = Omit<T, 'connection'> & { connection: SqlSourceConnection };

/** Options of `createYonyouSource`. */
export type YonyouOptions = WithConnection<Extract<ParsedOptions, { product: 'u8' }>> | WithConnection<Extract<ParsedOptions, { product: 'nc' }>>;

/** The dialect a client without one is assumed to speak: U8 runs on SQL Server, NC mostly on Oracle. */
export const DEFAULT_DIALECT: Record<YonyouOptions['product'], DialectName> = { u8: 'mssql', nc: 'oracle' };

/** Validates options; the message names the key and never echoes a value (it may be a secret). */
export function parseYonyouOptions(options: unknown): ParsedOptions {
  return parseOptions(yonyouOptionsSchema, options, {
    what: 'Yonyou source options',
    hint: "Pass { name, product: 'u8' | 'nc', connection: 'mssql://user@host/UFDATA_001_2024' } (NC: an oracle:// URL), and password from the environment.",
  });
}
