import type { Customer } from '@custcode/core';
import type { Hono } from 'hono';
import { z } from 'zod';
import { logged } from '../request-access-log.js';
import type { ServerContext, ServerEnv } from '../server-context.js';

/** Fields whose distinct values the console offers as filter choices. */
export const VALUE_FIELDS = ['category', 'region', 'org'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** Rows read for one answer; a larger source lists the values of its first rows and says `truncated`. */
export const MAX_VALUE_SCAN = 200_000;
/** At most this many values per field (most frequent first). */
export const MAX_VALUES_PER_FIELD = 500;
/** How long an answer is reused. */
export const VALUES_TTL_MS = 5 * 60_000;

const valueCounts = z.array(z.object({ value: z.string(), count: z.number().int() })).describe(`most frequent first, at most ${MAX_VALUES_PER_FIELD}`);
export const distinctValuesSchema = z.object({
  values: z.object({ category: valueCounts, region: valueCounts, org: valueCounts }),
  records: z.number().int().describe('rows read (through the role\'s row filters)'),
  truncated: z.boolean().describe(`true when the source holds more than ${MAX_VALUE_SCAN.toLocaleString('en-US')} rows: the values are those of the first ones`),
});
export type DistinctValues = z.infer<typeof distinctValuesSchema>;

/** Counts each field's values over what the (guarded) search hands out. */
export async function distinctValues(rows: AsyncIterable<Customer>, maxRows = MAX_VALUE_SCAN): Promise<DistinctValues> {
  const counts = Object.fromEntries(VALUE_FIELDS.map((field) => [field, new Map<string, number>()])) as Record<ValueField, Map<string, number>>;
  let records = 0;
  let truncated = false;
  for await (const row of rows) {
    if (records >= maxRows) {
      truncated = true;
      break;
    }
    records++;
    for (const field of VALUE_FIELDS) {
      const value = row[field];
      if (value !== undefined && value !== '') counts[field].set(value, (counts[field].get(value) ?? 0) + 1);
    }
  }
  const listed = (field: ValueField) =>
    [...counts[field]]
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_VALUES_PER_FIELD)
      .map(([value, count]) => ({ value, count }));
  return { values: { category: listed('category'), region: listed('region'), org: listed('org') }, records, truncated };
}

/**
 * `GET /sources/:name/values`: the category, region and org values the caller can see, for filter
 * dropdowns. Read through the guarded source (the role's row filters hold), cached per user and source.
 */
export function registerValuesRoute(app: Hono<ServerEnv>, server: ServerContext, now: () => number = Date.now): void {
  // Keyed by user: two users of one role see the same rows, but a user's role may change with the config.
  const cache = new Map<string, { at: number; answer: Promise<DistinctValues> }>();
  app.get('/sources/:name/values', logged(server, 'search'), async (context) => {
    const name = context.req.param('name');
    const source = await server.guarded(context, name, 'search');
    const key = JSON.stringify([context.get('user'), name]);
    const hit = cache.get(key);
    if (hit && now() - hit.at < VALUES_TTL_MS) return context.json(await hit.answer, 200, { 'cache-control': 'private, max-age=60' });
    const answer = distinctValues(source.search());
    cache.set(key, { at: now(), answer });
    try {
      return context.json(await answer, 200, { 'cache-control': 'private, max-age=60' });
    } catch (error) {
      cache.delete(key);
      throw error;
    }
  });
}
