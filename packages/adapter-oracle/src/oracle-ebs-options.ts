import { parseOptions } from '@custcode/core/adapter';
import { sqlIdentifierSchema, sqlSourceOptionsShape, type SqlSourceConnection } from '@custcode/sql';
import { z } from 'zod';

export const oracleEbsOptionsSchema = z
  .object({
    name: z.string().min(1),
    /** `oracle://apps@ebs-db:1521/EBSPROD` (thin mode, Oracle 12.1+), another dialect's URL, or `{ dialect?, client }`; also password, pageSize, timeouts. */
    ...sqlSourceOptionsShape,
    /** Default operating unit (`ORG_ID`, e.g. `'204'`): applied to every lookup and search that names no org. */
    org: z.union([z.string().regex(/^\d+$/, 'expected an ORG_ID such as 204'), z.number().int().nonnegative()]).optional(),
    /** Owner of the TCA tables (`AR`); absent: the login's synonyms (APPS). */
    schema: sqlIdentifierSchema.optional(),
    nameColumn: z.enum(['PARTY_NAME', 'ACCOUNT_NAME']).optional(),
    taxIdColumns: z.array(z.enum(['JGZZ_FISCAL_CODE', 'TAX_REFERENCE'])).min(1).optional(),
    /** A HZ_PARTIES column with a short name (e.g. `KNOWN_AS`); not confirmed for EBS, so unmapped by default. */
    shortNameColumn: sqlIdentifierSchema.optional(),
  })
  .strict();

type ParsedOracleEbsOptions = z.infer<typeof oracleEbsOptionsSchema>;

/** Options of `createOracleEbsSource`. */
export type OracleEbsOptions = Omit<ParsedOracleEbsOptions, 'connection'> & { connection: SqlSourceConnection };

/** Validates options; the message names the key and never echoes a value (it may be a secret). */
export function parseOracleEbsOptions(options: unknown): ParsedOracleEbsOptions {
  return parseOptions(oracleEbsOptionsSchema, options, {
    what: 'Oracle EBS source options',
    hint: "Pass { name, connection: 'oracle://apps@host:1521/SERVICE' } and the password from the environment; org is an ORG_ID such as '204'.",
  });
}
