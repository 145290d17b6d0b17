import type { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';

export interface ParseOptionsContext {
  /** What was being configured, e.g. `'Yonyou source options'` (the message says `Invalid <what> …`). */
  what: string;
  /** How to write valid options; shown as the error's hint. */
  hint: string;
  /** Key named when the first issue has no path (a refine over the whole object); absent: no key named. */
  rootKey?: string;
}

/**
 * Validates options against a zod schema. Only the first issue is reported, naming its key but never
 * echoing a value: options carry passwords and secrets.
 */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, input: unknown, context: ParseOptionsContext): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.map(String).join('.') || context.rootKey;
  throw new ConfigError({
    message: `Invalid ${context.what}${key ? ` at "${key}"` : ''}: ${issue.message}.`,
    hint: context.hint,
  });
}
