import { z } from 'zod';
import type { SqlSourceOptions } from './create-sql-source.js';

/** A table, column or schema name from configuration: mappings quote names, but only plain ones are accepted. */
export const sqlIdentifierSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$#]*$/, 'expected a plain table/column/schema name (letters, digits, _, $, #)');

/**
 * The options every SQL-backed adapter accepts, as a zod shape to spread into its own `z.object`.
 * The dialect of a `{ client }` is checked later by createExecutor (it knows the supported names).
 */
export const sqlSourceOptionsShape = {
  /** A URL (`mssql://sa@host/UFDATA_001_2024`, `oracle://…`, `sqlite:PATH`…) or an existing client, its dialect defaulting to the product's. */
  connection: z.union([
    z.string().min(1),
    z.object({ dialect: z.string().optional(), client: z.unknown() }).refine((value) => value.client != null, 'client is required'),
  ]),
  password: z.string().optional(),
  pageSize: z.number().int().positive().optional(),
  queryTimeoutMs: z.number().int().positive().optional(),
  connectTimeoutMs: z.number().int().positive().optional(),
  validateSchema: z.boolean().optional(),
  importDriver: z.custom<() => Promise<unknown>>((value) => typeof value === 'function').optional(),
};

type PassedThrough = 'password' | 'pageSize' | 'queryTimeoutMs' | 'connectTimeoutMs' | 'validateSchema' | 'importDriver';

/**
 * The parsed settings that go to createSqlSource unchanged; unset ones are left out rather than
 * passed as undefined (exactOptionalPropertyTypes). The connection stays with the adapter (it names
 * the default dialect); an adapter with its own validateSchema default sets it after this spread.
 */
export function sqlSourceSettings(parsed: { [Key in PassedThrough]?: SqlSourceOptions[Key] | undefined }): Pick<SqlSourceOptions, PassedThrough> {
  const settings: Pick<SqlSourceOptions, PassedThrough> = {};
  if (parsed.password !== undefined) settings.password = parsed.password;
  if (parsed.pageSize !== undefined) settings.pageSize = parsed.pageSize;
  if (parsed.queryTimeoutMs !== undefined) settings.queryTimeoutMs = parsed.queryTimeoutMs;
  if (parsed.connectTimeoutMs !== undefined) settings.connectTimeoutMs = parsed.connectTimeoutMs;
  if (parsed.validateSchema !== undefined) settings.validateSchema = parsed.validateSchema;
  if (parsed.importDriver !== undefined) settings.importDriver = parsed.importDriver;
  return settings;
}
