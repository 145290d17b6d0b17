import { ConfigError } from '@custcode/core';
import type { DialectName } from '@custcode/sql';
import { z } from 'zod';

/** A plain SQL identifier: mapping names reach SQL quoted, but only names like these are accepted from config. */
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$#]*$/, 'expected a plain table/column/schema name (letters, digits, _)');

/** A URL (`mssql://sa@host/UFDATA_001_2024`, `oracle://…`, `sqlite:PATH`…) or an existing client, its dialect defaulting to the product's. */
const connectionSchema = z.union([
  z.string().min(1),
  z.object({ dialect: z.string().optional(), client: z.unknown() }).refine((value) => value.client != null, 'client is required'),
]);

const ncColumnsSchema = z
  .object({
    shortName: identifier.optional(),
    taxId: identifier.optional(),
    phone: identifier.optional(),
    createdAt: identifier.optional(),
    updatedAt: identifier.optional(),
    mnemonic: identifier.optional(),
  })
  .strict();

const common = {
  name: z.string().min(1),
  connection: connectionSchema,
  password: z.string().optional(),
  /** Schema owning the tables (`dbo` for U8 on SQL Server); absent: the login's default. */
  schema: identifier.optional(),
  pageSize: z.number().int().positive().optional(),
  queryTimeoutMs: z.number().int().positive().optional(),
  connectTimeoutMs: z.number().int().positive().optional(),
  validateSchema: z.boolean().optional(),
  importDriver: z.custom<() => Promise<unknown>>((value) => typeof value === 'function').optional(),
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
type WithConnection<T> = Omit<T, 'connection'> & { connection: string | { dialect?: DialectName; client: unknown } };

/** Options of `createYonyouSource`. */
export type YonyouOptions = WithConnection<Extract<ParsedOptions, { product: 'u8' }>> | WithConnection<Extract<ParsedOptions, { product: 'nc' }>>;

/** The dialect a client without one is assumed to speak: U8 runs on SQL Server, NC mostly on Oracle. */
export const DEFAULT_DIALECT: Record<YonyouOptions['product'], DialectName> = { u8: 'mssql', nc: 'oracle' };


/** Validates options; the message names the key and never echoes a value (it may be a secret). */
export function parseYonyouOptions(options: unknown): ParsedOptions {
  const result = yonyouOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.join('.');
  throw new ConfigError({
    message: `Invalid Yonyou source options${key ? ` at "${key}"` : ''}: ${issue.message}.`,
    hint: "Pass { name, product: 'u8' | 'nc', connection: 'mssql://user@host/UFDATA_001_2024' } (NC: an oracle:// URL), and password from the environment.",
  });
}
