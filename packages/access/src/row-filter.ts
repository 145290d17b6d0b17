import { codeHasPrefix, normalizeCode } from '@custcode/core';
import type { Customer } from '@custcode/core';
import { filterEndExclusive, filterStart } from '@custcode/core/adapter';
import { matchesFilter, statusList } from '@custcode/core/adapter';
import type { CustomerFilter, CustomerQuery, LookupOptions } from '@custcode/core';
import type { QueryField } from '@custcode/core/adapter';
import { type RowFilter, rowFilterSchema } from './access-policy-schema.js';

/** Every field a role can be confined by, read from the schema: a field added there is applied everywhere. */
export const ROW_FILTER_FIELDS = Object.keys(rowFilterSchema.shape) as Array<keyof RowFilter>;

const NOTHING = Symbol('nothing can match');

/** How a role's value of one field narrows what the user asked: the value to query with, or NOTHING. */
type Narrow<Key extends keyof RowFilter> = (required: NonNullable<RowFilter[Key]>, asked: CustomerFilter[Key]) => NonNullable<CustomerFilter[Key]> | typeof NOTHING;

const exact = (required: string, asked: string | undefined) => (asked === undefined || asked === required ? required : NOTHING);

/** An inclusive `createdTo` as a sortable key: the earlier end is the tighter, at the same instant the exclusive one. */
const endKey = (date: string) => {
  const end = filterEndExclusive(date);
  return `${end.value}${end.inclusive ? '1' : '0'}`;
};

/** One entry per row-filter field; a field missing here is a type error. */
const NARROW: { [Key in keyof RowFilter]-?: Narrow<Key> } = {
  org: exact,
  category: exact,
  region: exact,
  status(required, asked) {
    const allowed = statusList(required) ?? [];
    const statuses = asked === undefined ? allowed : (statusList(asked) ?? []).filter((status) => allowed.includes(status));
    if (statuses.length === 0) return NOTHING;
    return statuses.length === 1 ? statuses[0]! : statuses;
  },
  // Both prefixes compared the way codeHasPrefix compares codes: the longer one wins, unrelated ones match nothing.
  codePrefix(required, asked) {
    const role = normalizeCode(required);
    if (asked === undefined || codeHasPrefix(role, asked)) return role;
    return codeHasPrefix(normalizeCode(asked), role) ? asked : NOTHING;
  },
  createdFrom: (required, asked) => (asked === undefined || filterStart(required) >= filterStart(asked) ? required : asked),
  createdTo: (required, asked) => (asked === undefined || endKey(required) <= endKey(asked) ? required : asked),
};

/**
 * The query narrowed to what a role may see, or `undefined` when the two cannot both hold
 * (the answer is then empty, without asking the backend).
 */
export function restrictQuery<Query extends CustomerFilter & Pick<CustomerQuery, 'limit' | 'after'>>(query: Query, filter: RowFilter | undefined): Query | undefined {
  if (filter === undefined) return query;
  const restricted: Record<string, unknown> = { ...query };
  for (const key of ROW_FILTER_FIELDS) {
    const required = filter[key];
    if (required === undefined) continue;
    const narrowed = (NARROW[key] as Narrow<typeof key>)(required as never, query[key] as never);
    if (narrowed === NOTHING) return undefined;
    restricted[key] = narrowed;
  }
  return restricted as Query;
}

/** Whether a record is inside the role's row filter: the check every returned record passes, whatever the path. */
export function withinRowFilter(customer: Customer, filter: RowFilter | undefined): boolean {
  return filter === undefined || matchesFilter(customer, filter);
}

/** The record field each row-filter key is checked against. */
const FILTERED_FIELD: { [Key in keyof RowFilter]-?: QueryField } = {
  org: 'org',
  category: 'category',
  region: 'region',
  status: 'status',
  codePrefix: 'code',
  createdFrom: 'createdAt',
  createdTo: 'createdAt',
};

/** The fields `withinRowFilter` reads for this filter: a projected search must still read them. */
export function rowFilterFields(filter: RowFilter | undefined): QueryField[] {
  if (filter === undefined) return [];
  return ROW_FILTER_FIELDS.filter((key) => filter[key] !== undefined).map((key) => FILTERED_FIELD[key]);
}

/** Lookup options within the role's org; `undefined` when the user asked for another org. */
export function restrictLookup(options: LookupOptions | undefined, filter: RowFilter | undefined): LookupOptions | undefined {
  if (filter?.org === undefined) return options ?? {};
  if (options?.org !== undefined && options.org !== filter.org) return undefined;
  return { ...options, org: filter.org };
}
