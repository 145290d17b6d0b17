import { accessLogConfigSchema, roleSchema, userSchema } from '@custcode/access';
import { type AdapterDescriptor, customerQuerySchema, type ErpKind, secretRefSchema } from '@custcode/core';
import { z } from 'zod';
import { REGISTERED_ERPS } from '../sources/adapter-registry.js';

/** A secret is never written in the config: it names an environment variable. */
export const secretSchema = secretRefSchema;
export type SecretRef = z.infer<typeof secretSchema>;

/**
 * A source entry as far as the CLI itself knows it: an `erp` of the registry. Its other keys are the
 * product's (each descriptor's `optionsSchema`); `sourceSchemaOf` gives the whole entry's schema.
 */
export const sourceConfigSchema = z.object({ erp: z.enum(REGISTERED_ERPS as [ErpKind, ...ErpKind[]]) }).passthrough();
export type SourceConfig = { erp: ErpKind } & Record<string, unknown>;

/**
 * The schema of a source entry for the products the config names: each descriptor's options; a product
 * whose package is not installed keeps its entry unchecked (opening it says what to install).
 */
export function sourceSchemaOf(descriptors: readonly AdapterDescriptor[], unavailable: readonly ErpKind[] = []): z.ZodType<SourceConfig> {
  const options = [
    ...descriptors.map((descriptor) => descriptor.optionsSchema),
    ...unavailable.map((erp) => z.object({ erp: z.literal(erp) }).passthrough()),
  ];
  if (options.length === 0) return z.never();
  return z.discriminatedUnion('erp', options as unknown as [z.ZodObject<{ erp: z.ZodLiteral<ErpKind> }>]) as unknown as z.ZodType<SourceConfig>;
}

const { limit: _limit, after: _after, ...filterShape } = customerQuerySchema.shape;
export const viewSchema = z
  .object({ source: z.string().min(1), ...filterShape, limit: z.number().int().positive().optional(), fields: z.union([z.string(), z.array(z.string())]).optional() })
  .strict();
export type ViewConfig = z.infer<typeof viewSchema>;
export const VIEW_KEYS: readonly string[] = Object.keys(viewSchema.shape);

/** Limits of one audit or match request in `custcode serve`; each omitted one keeps the server's default. */
const requestBudgetSchema = z
  .object({
    timeoutMs: z.number().int().positive().optional(),
    maxRecords: z.number().int().positive().optional(),
    memoryMb: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().optional(),
  })
  .strict();

/** The config file with `sources` entries checked by `source` (`sourceConfigSchema` when only the `erp` is known). */
export function configSchemaOf<Source extends z.ZodType<SourceConfig>>(source: Source) {
  return z
    .object({
      $schema: z.string().optional(),
      sources: z.record(z.string(), source),
      /** Code rules by name; their form is the rule engine's business. */
      rules: z.record(z.string(), z.unknown()).optional(),
      views: z.record(z.string(), viewSchema).optional(),
      /** Access control (see packages/core/src/access): without `roles` everything is allowed. */
      roles: z.record(z.string(), roleSchema).optional(),
      /** User or API client name → role (and API key as a sha256 hash or an env reference). */
      users: z.record(z.string(), userSchema).optional(),
      /** JSON Lines access log; relative to the config file. Default custcode-access.jsonl when `roles` is set. */
      accessLog: accessLogConfigSchema.optional(),
      /** `custcode changes --notify`: the secret that signs webhook bodies (X-Custcode-Signature). */
      notify: z.object({ secret: secretSchema.optional() }).strict().optional(),
      /** Language of tables and documents: zh or en (`--lang` and CUSTCODE_LANG win; see output-lang.ts). */
      lang: z.enum(['zh', 'zh-CN', 'en']).optional(),
      /** `custcode serve`: the budgets of `POST …/audit` and `POST /match` (worker heap, records, time, at once). */
      serve: z.object({ auditBudget: requestBudgetSchema.optional(), matchBudget: requestBudgetSchema.optional() }).strict().optional(),
    })
    .strict();
}

/** The config file's shape with each source's `erp` checked; `loadConfigSchema()` adds every product's keys. */
export const configSchema = configSchemaOf(sourceConfigSchema as z.ZodType<SourceConfig>);
export type CustcodeConfig = z.infer<typeof configSchema>;
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape);
