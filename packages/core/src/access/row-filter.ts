import type { CustomerFilter, CustomerQuery, LookupOptions } from '../source/v1/customer-query.js';
import { statusList } from '../source/match-filter.js';
import type { RowFilter } from './access-policy-schema.js';

const EXACT_KEYS = ['org', 'category', 'region'] as const;

/**
 * The query narrowed to what a role may see, or `undefined` when the two cannot both hold
 * (the answer is then empty, without asking the backend).
 */
export function restrictQuery<Query extends CustomerFilter & Pick<CustomerQuery, 'limit' | 'after'>>(query: Query, filter: RowFilter | undefined): Query | undefined {
  if (filter === undefined) return query;
  const restricted: Query = { ...query };
  for (const key of EXACT_KEYS) {
    const required = filter[key];
    if (required === undefined) continue;
    if (query[key] !== undefined && query[key] !== required) return undefined;
    restricted[key] = required;
  }
  const allowedStatuses = statusList(filter.status);
  if (allowedStatuses !== undefined) {
    const asked = statusList(query.status);
    const statuses = asked === undefined ? allowedStatuses : asked.filter((status) => allowedStatuses.includes(status));
    if (statuses.length === 0) return undefined;
    restricted.status = statuses.length === 1 ? statuses[0] : statuses;
  }
  if (filter.codePrefix !== undefined) {
    const asked = query.codePrefix;
    const [required, given] = [filter.codePrefix.toLowerCase(), asked?.toLowerCase()];
    if (given === undefined || required.startsWith(given)) restricted.codePrefix = filter.codePrefix;
    else if (!given.startsWith(required)) return undefined;
  }
  return restricted;
}

/** Lookup options within the role's org; `undefined` when the user asked for another org. */
export function restrictLookup(options: LookupOptions | undefined, filter: RowFilter | undefined): LookupOptions | undefined {
  if (filter?.org === undefined) return options ?? {};
  if (options?.org !== undefined && options.org !== filter.org) return undefined;
  return { ...options, org: filter.org };
}
