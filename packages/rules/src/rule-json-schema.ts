import { z } from 'zod';
import { ConfigError } from '@custcode/core';
import { CHAR_CLASSES, CHECK_ALGORITHMS, DATE_PARTS, FIELD_PARTS, GAP_MODES, RESET_PERIODS, type RuleSegment } from './rule-types.js';

const length = z.number().int().min(1).max(1000);

const segmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('literal'), text: z.string().min(1) }).strict(),
  z.object({ type: z.literal('date'), part: z.enum(DATE_PARTS) }).strict(),
  z.object({ type: z.literal('field'), field: z.enum(FIELD_PARTS), length }).strict(),
  z.object({ type: z.literal('chars'), class: z.enum(CHAR_CLASSES), min: length, max: length }).strict(),
  z.object({ type: z.literal('alpha'), length }).strict(),
  z.object({
    type: z.literal('seq'),
    width: z.number().int().min(1).max(15),
    start: z.number().int().min(0).optional(),
    step: z.number().int().min(1).optional(),
    reset: z.enum(RESET_PERIODS).optional(),
    max: z.number().int().min(1).optional(),
    scope: z.union([z.enum(['all', 'none']), z.array(z.enum([...DATE_PARTS, ...FIELD_PARTS])).min(1)]).optional(),
    mode: z.enum(GAP_MODES).optional(),
  }).strict(),
  z.object({ type: z.literal('check'), algorithm: z.enum(CHECK_ALGORITHMS) }).strict(),
  z.object({ type: z.literal('grades'), levels: z.array(length).min(1) }).strict(),
]);

const ruleSchema = z.union([
  z.array(segmentSchema).min(1),
  z.object({ segments: z.array(segmentSchema).min(1), timeZone: z.string().optional() }).strict(),
]);

/** Checks the JSON form of a rule (an array of segments, or `{ segments, timeZone }`). */
export function parseRuleJson(value: unknown): { segments: RuleSegment[]; timeZone?: string } {
  const result = ruleSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ConfigError({
      message: `The JSON rule is not valid${where}: ${issue?.message ?? 'unknown problem'}.`,
      hint: 'A JSON rule is an array of segments such as [{"type":"literal","text":"KH"},{"type":"seq","width":4}].',
    });
  }
  return Array.isArray(result.data) ? { segments: result.data as RuleSegment[] } : (result.data as { segments: RuleSegment[]; timeZone?: string });
}
