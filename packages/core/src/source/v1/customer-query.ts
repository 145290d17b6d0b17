import { z } from 'zod';
import { CUSTOMER_FIELDS, CUSTOMER_STATUSES, type Customer } from '../../customer/customer-schema.js';
import { dateInputProblem } from '../../customer/iso-date.js';

/** Longest text a filter takes. Generous for any name, phone or code; it keeps every backend's answer the same (SQLite refuses LIKE patterns of about 50,000 bytes). */
export const MAX_FILTER_TEXT_LENGTH = 500;

// Checked here, in the schema, so that views, API parameters, CLI flags and questions are refused the same way.
const dateInput = z.string().superRefine((value, context) => {
  const problem = dateInputProblem(value);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

// NUL cannot be bound as text by PostgreSQL and ends strings inside SQLite's LIKE: refuse it up front.
const filterText = z
  .string()
  .max(MAX_FILTER_TEXT_LENGTH, `at most ${MAX_FILTER_TEXT_LENGTH} characters are accepted`)
  .regex(/^[^\u0000]*$/, 'must not contain NUL characters');

/** What `text` can match: the code, the name (with its pinyin initials and any mnemonic column), the short name. */
export const TEXT_FIELDS = ['code', 'name', 'shortName'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** What `fields` can ask for: every Customer field, `raw` included. */
export const QUERY_FIELDS = [...CUSTOMER_FIELDS, 'raw'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/**
 * Fields every projected record keeps, asked or not: where it comes from and its key. `org` tells the
 * rows of one code in several organisations apart (and orders them); it is absent when the row has none.
 */
export const IDENTITY_FIELDS = ['source', 'erp', 'code', 'org'] as const satisfies readonly QueryField[];
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** A record of a search with `fields`: the asked fields and the identity fields, nothing else. */
export type ProjectedCustomer<Field extends QueryField> = Pick<Customer, Field | IdentityField>;

/**
 * Fields a search can be sorted by (`sort`): text fields a backend orders and compares the same way it
 * filters them. Dates are left out: engines keep fractions of a second the records do not show, so a
 * keyset cursor could not say where a page ended.
 */
export const SORT_FIELDS = ['code', 'name', 'shortName', 'category', 'region', 'status', 'org', 'phone'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
/** `relevance`: best text matches first (see `textRank`); only alone, and only meaningful with `text`. */
export const RELEVANCE = 'relevance';
export type SortDirection = 'asc' | 'desc';
/** One sort key of a query. Absent (blank) values come last in both directions; code then org break ties. */
export interface SortKey {
  field: SortField | typeof RELEVANCE;
  direction?: SortDirection;
}
/** A sort key a reader orders by (relevance is the core's; it never reaches a reader). */
export interface ReaderSortKey {
  field: SortField;
  direction: SortDirection;
}
/** At most this many sort keys in one query. */
export const MAX_SORT_KEYS = 3;

const sortSchema = z
  .array(z.object({ field: z.enum([...SORT_FIELDS, RELEVANCE]), direction: z.enum(['asc', 'desc']).optional() }).strict())
  .min(1)
  .max(MAX_SORT_KEYS, `at most ${MAX_SORT_KEYS} sort keys are accepted`)
  .superRefine((keys, context) => {
    const fields = keys.map((key) => key.field);
    if (new Set(fields).size !== fields.length) context.addIssue({ code: 'custom', message: 'a field may be named only once' });
    if (fields.includes(RELEVANCE) && (keys.length > 1 || keys[0]!.direction === 'desc')) {
      context.addIssue({ code: 'custom', message: '"relevance" sorts alone and only best match first (no direction desc, no other keys)' });
    }
  });

/**
 * Filters for `search` and `count`. All given filters must hold (AND).
 * `text` matches code, name, short name and, for Chinese names, pinyin initials; `textFields` narrows that
 * to some of them (a role that masks the name gets `['code', 'shortName']`).
 */
export const customerQuerySchema = z
  .object({
    text: filterText.optional(),
    textFields: z.array(z.enum(TEXT_FIELDS)).min(1).optional(),
    codePrefix: filterText.optional(),
    name: filterText.optional(),
    phone: filterText.optional(),
    category: filterText.optional(),
    region: filterText.optional(),
    status: z.union([z.enum(CUSTOMER_STATUSES), z.array(z.enum(CUSTOMER_STATUSES)).min(1)]).optional(),
    org: filterText.optional(),
    createdFrom: dateInput.optional(),
    createdTo: dateInput.optional(),
    updatedSince: dateInput.optional(),
    limit: z.number().int().positive().optional(),
    // Projection (search only): the record carries these fields and IDENTITY_FIELDS; filters still apply to every field.
    fields: z.array(z.enum(QUERY_FIELDS)).min(1).readonly().optional(),
    // Order (search only): default is by code then org. A sorted search's `after` must come from the same sort.
    sort: sortSchema.optional(),
    // Compared with `>`, never matched with LIKE: no length bound needed.
    after: z.string().regex(/^[^\u0000]*$/, 'must not contain NUL characters').optional(),
  })
  .strict();

export type CustomerQuery = z.infer<typeof customerQuerySchema>;

/** The filter part of a query: what a backend must evaluate (no paging). */
export type CustomerFilter = Omit<CustomerQuery, 'limit' | 'after' | 'fields' | 'sort'>;

export interface LookupOptions {
  /** Organisation scope; the same strings as `Customer.org`. */
  org?: string;
}
