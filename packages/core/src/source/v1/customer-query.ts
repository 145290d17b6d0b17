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
    // Compared with `>`, never matched with LIKE: no length bound needed.
    after: z.string().regex(/^[^\u0000]*$/, 'must not contain NUL characters').optional(),
  })
  .strict();

export type CustomerQuery = z.infer<typeof customerQuerySchema>;

/** The filter part of a query: what a backend must evaluate (no paging). */
export type CustomerFilter = Omit<CustomerQuery, 'limit' | 'after' | 'fields'>;

export interface LookupOptions {
  /** Organisation scope; the same strings as `Customer.org`. */
  org?: string;
}
