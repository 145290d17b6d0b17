import { ConfigError } from '@custcode/core';
import type { DialectName } from '@custcode/sql';
import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$#]*$/, 'expected a plain schema/column name (letters, digits, _, $, #)');

export const oracleEbsOptionsSchema = z
  .object({
    name: z.string().min(1),
    /** `oracle://apps@ebs-db:1521/EBSPROD` (thin mode, Oracle 12.1+), another dialect's URL, or `{ dialect?, client }`. */
    connection: z.union([
      z.string().min(1),
      z.object({ dialect: z.string().optional(), client: z.unknown() }).refine((value) => value.client != null, 'client is required'),
    ]),
    password: z.string().optional(),
    /** Default operating unit (`ORG_ID`, e.g. `'204'`): applied to every lookup and search that names no org. */
    org: z.union([z.string().regex(/^\d+$/, 'expected an ORG_ID such as 204'), z.number().int().nonnegative()]).optional(),
    /** Owner of the TCA tables (`AR`); absent: the login's synonyms (APPS). */
    schema: identifier.optional(),
    nameColumn: z.enum(['PARTY_NAME', 'ACCOUNT_NAME']).optional(),
    taxIdColumns: z.array(z.enum(['JGZZ_FISCAL_CODE', 'TAX_REFERENCE'])).min(1).optional(),
    /** A HZ_PARTIES column with a short name (e.g. `KNOWN_AS`); not confirmed for EBS, so unmapped by default. */
    shortNameColumn: identifier.optional(),
    pageSize: z.number().int().positive().optional(),
    queryTimeoutMs: z.number().int().positive().optional(),
    connectTimeoutMs: z.number().int().positive().optional(),
    validateSchema: z.boolean().optional(),
    importDriver: z.custom<() => Promise<unknown>>((value) => typeof value === 'function').optional(),
  })
  .strict();

type ParsedOracleEbsOptions = z.infer<typeof oracleEbsOptionsSchema>;

/** Options of `createOracleEbsSource`. */
export type OracleEbsOptions = Omit<ParsedOracleEbsOptions, 'connection'> & {
  connection: string | { dialect?: DialectName; client: unknown };
};

/** Validates options; the message names the key and never echoes a value (it may be a secret). */
export function parseOracleEbsOptions(options: unknown): ParsedOracleEbsOptions {
  const result = oracleEbsOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.join('.');
  throw new ConfigError({
    message: `Invalid Oracle EBS source options${key ? ` at "${key}"` : ''}: ${issue.message}.`,
    hint: "Pass { name, connection: 'oracle://apps@host:1521/SERVICE' } and the password from the environment; org is an ORG_ID such as '204'.",
  });
}
