import { z } from 'zod';
import { customerQuerySchema } from '@custcode/core';

/** What a role may be allowed to do with a source. */
export const ACCESS_COMMANDS = ['get', 'search', 'export', 'audit', 'migrate', 'match'] as const;
export type AccessCommand = (typeof ACCESS_COMMANDS)[number];

/** Fields that can be masked (free text a person could be identified by). */
export const MASKABLE_FIELDS = ['name', 'shortName', 'taxId', 'phone', 'contact', 'address'] as const;
export type MaskableField = (typeof MASKABLE_FIELDS)[number];

/**
 * How a value is masked: `partial` keeps the head and tail (`9111********341L`, `138****5678`),
 * `name` keeps the first character (`张**`), `full` shows `****`, `hide` removes the field.
 */
export const MASK_STYLES = ['partial', 'name', 'full', 'hide'] as const;
export type MaskStyle = (typeof MASK_STYLES)[number];

const { org, category, region, status, codePrefix, createdFrom, createdTo } = customerQuerySchema.shape;
/**
 * Row filters a role is confined to; they are ANDed with whatever the user asks. The one list of them:
 * `row-filter.ts` must say how each narrows a query (a type error otherwise), and tests iterate its keys.
 */
export const rowFilterSchema = z.object({ org, category, region, status, codePrefix, createdFrom, createdTo }).strict();
export type RowFilter = z.infer<typeof rowFilterSchema>;

const maskSchema = z.union([z.array(z.enum(MASKABLE_FIELDS)), z.partialRecord(z.enum(MASKABLE_FIELDS), z.enum(MASK_STYLES))]);

/** One role's rights on one source (or on every source, under the key `*`). */
export const grantSchema = z
  .object({
    commands: z.union([z.literal('*'), z.array(z.enum(ACCESS_COMMANDS))]),
    /** Masked fields: a list (default style per field) or field → style. */
    mask: maskSchema.optional(),
    filter: rowFilterSchema.optional(),
  })
  .strict();
export type Grant = z.infer<typeof grantSchema>;

export const roleSchema = z
  .object({
    description: z.string().optional(),
    /** Source name (or `*` for any other source) → rights. A source not listed is denied. */
    sources: z.record(z.string(), grantSchema),
  })
  .strict();
export type Role = z.infer<typeof roleSchema>;

/** An API key is never stored: either its sha256 (hex) or the environment variable holding it. */
export const apiKeySchema = z.union([
  z.object({ sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex digits (sha256 of the key)') }).strict(),
  z.object({ env: z.string().min(1) }).strict(),
]);
export type ApiKeyRef = z.infer<typeof apiKeySchema>;

export const userSchema = z.object({ role: z.string().min(1), apiKey: apiKeySchema.optional() }).strict();
export type AccessUserConfig = z.infer<typeof userSchema>;

export const accessLogConfigSchema = z.object({ path: z.string().min(1) }).strict();

/** The access part of the config: `roles`, `users`, `accessLog`. Without `roles` everything is allowed. */
export const accessPolicySchema = z.object({
  roles: z.record(z.string(), roleSchema).optional(),
  users: z.record(z.string(), userSchema).optional(),
  accessLog: accessLogConfigSchema.optional(),
});
export type AccessPolicy = z.infer<typeof accessPolicySchema>;
