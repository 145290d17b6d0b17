import { normalizeCode } from '../code/normalize-code.js';
import { DATE_INPUT_FORMAT } from '../customer/iso-date.js';
import { UnsupportedQueryError } from '../errors/unsupported-query-error.js';
import { type CustomerQuery, customerQuerySchema, MAX_FILTER_TEXT_LENGTH, QUERY_FIELDS } from './v1/customer-query.js';

const DATE_FILTERS = new Set(['createdFrom', 'createdTo', 'updatedSince']);

/**
 * Validates a query; unknown keys and bad values become an UnsupportedQueryError that says which.
 * `fieldName` names a key as the caller's user knows it (a CLI flag such as `--created-to`).
 */
export function parseCustomerQuery(query: unknown, fieldName?: (key: string) => string): CustomerQuery {
  const result = customerQuerySchema.safeParse(query ?? {});
  if (result.success) {
    // A prefix is typed like a code: every backend gets it in the form codeHasPrefix compares.
    const { codePrefix } = result.data;
    return codePrefix === undefined ? result.data : { ...result.data, codePrefix: normalizeCode(codePrefix) };
  }
  const issue = result.error.issues[0]!;
  const key = issue.path.join('.') || (issue as { keys?: string[] }).keys?.join(', ') || 'query';
  const field = issue.path.length > 0 && fieldName ? fieldName(String(issue.path[0])) : `search query at "${key}"`;
  throw new UnsupportedQueryError({ message: `Invalid ${field}: ${issue.message}.`, hint: queryHint(String(issue.path[0] ?? ''), issue.code) });
}

function queryHint(key: string, issue: string): string {
  if (key === 'fields') return `Fields are: ${QUERY_FIELDS.join(', ')}.`;
  if (DATE_FILTERS.has(key)) return `Write dates as ${DATE_INPUT_FORMAT}, e.g. 2024-06-01 or 2024-06-01T08:30.`;
  if (issue === 'too_big') return `Filters take at most ${MAX_FILTER_TEXT_LENGTH} characters: search for a distinctive part of the value.`;
  return `Query fields are: ${Object.keys(customerQuerySchema.shape).join(', ')}.`;
}
