import { CUSTOMER_STATUSES, type CustomerQuery, CustcodeError, parseCustomerQuery, type TextField } from '@custcode/core';
import { SORT_FIELDS } from '@custcode/core/adapter';
import { type GuardedSource, narrowedTextFields } from '@custcode/access';
import { parseStatusList, parseWholeNumber } from '@custcode/core/adapter';
import type { MiddlewareHandler } from 'hono';
import { BadRequestError } from './http-error.js';

/** Query parameters that are filters, under their CustomerQuery names. */
export const FILTER_PARAMETERS = ['text', 'codePrefix', 'name', 'phone', 'category', 'region', 'status', 'org', 'createdFrom', 'createdTo', 'updatedSince'] as const;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** The filters of `?text=…&status=active,blocked&…` as a validated CustomerQuery (400 when invalid). */
export function filtersFromParameters(parameters: Record<string, string>): CustomerQuery {
  const query: Record<string, unknown> = {};
  for (const key of FILTER_PARAMETERS) {
    const value = parameters[key];
    if (value === undefined || value === '') continue;
    if (key === 'status') {
      const parsed = parseStatusList(value);
      if ('unknown' in parsed) throw new BadRequestError({ message: `Unknown status "${parsed.unknown}".`, hint: `status is ${CUSTOMER_STATUSES.join(', ')} (comma-separated for several).` });
      query.status = parsed.status;
    } else {
      query[key] = value;
    }
  }
  return validated(query);
}

/** `fields=code,name` as the query's projection (checked with the query: an unknown field is a 400 naming the valid ones). */
export function fieldsParameter(value: string | undefined): { fields?: string[] } {
  if (value === undefined) return {};
  return { fields: value.split(',').map((field) => field.trim()).filter((field) => field !== '') };
}

/**
 * `sort=name:desc,code` or `sort=relevance` as the query's sort (checked with the query: an unknown field
 * or direction is a 400 naming the valid ones).
 */
export function sortParameter(value: string | undefined): { sort?: { field: string; direction?: string }[] } {
  if (value === undefined || value.trim() === '') return {};
  const sort = value.split(',').map((item) => {
    const [field = '', direction, ...rest] = item.trim().split(':');
    if (rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      throw new BadRequestError({ message: `Invalid parameter "sort": "${item.trim()}" is not FIELD or FIELD:asc or FIELD:desc.`, hint: `For example sort=name:desc or sort=relevance; fields are ${SORT_FIELDS.join(', ')}.` });
    }
    return { field, ...(direction === undefined ? {} : { direction }) };
  });
  return { sort };
}

/** `limit` between 1 and MAX_PAGE_SIZE. */
export function pageSize(value: string | undefined, fallback = DEFAULT_PAGE_SIZE, maximum = MAX_PAGE_SIZE): number {
  if (value === undefined || value === '') return fallback;
  const size = parseWholeNumber(value);
  if (size === undefined || size < 1 || size > maximum) {
    throw new BadRequestError({ message: `limit must be a whole number from 1 to ${maximum}, not "${value}".`, hint: `For example limit=${fallback}.` });
  }
  return size;
}

/** The query, or a 400 naming the parameter (`cursor` for `after`) and how to write it. */
export function validated(query: Record<string, unknown>): CustomerQuery {
  try {
    return parseCustomerQuery(query, (key) => `parameter "${key === 'after' ? 'cursor' : key}"`);
  } catch (error) {
    throw new BadRequestError({ message: (error as Error).message, ...(CustcodeError.isInstance(error) && error.hint ? { hint: error.hint } : {}), cause: error });
  }
}

/** Response header naming what `text` matched when the caller's role masks the name or short name. */
export const TEXT_FIELDS_HEADER = 'custcode-text-fields';

/** What `text` matched for this caller when a mask narrowed it (then also sent as TEXT_FIELDS_HEADER), else undefined. */
export function maskedTextFields(source: GuardedSource, query: CustomerQuery): TextField[] | undefined {
  return narrowedTextFields(query, source.access.textFields);
}

/** Whether a text is free of NUL characters (no ERP stores one in a code; PostgreSQL cannot even bind one). */
export const noNul = (value: string): boolean => !value.includes('\u0000');

const nulError = (where: string) =>
  new BadRequestError({ message: `A NUL character is not allowed in ${where}.`, hint: 'Customer codes, filters and names are plain text: remove the \\u0000 / %00.' });

/** Refuses a NUL character anywhere in the path or the query string, on every route (bodies check their own). */
export const refuseNul: MiddlewareHandler = async (context, next) => {
  const url = new URL(context.req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  if (!noNul(path)) throw nulError('the path');
  for (const [name, value] of url.searchParams) if (!noNul(name) || !noNul(value)) throw nulError(`the query parameter ${JSON.stringify(name.replaceAll('\u0000', ''))}`);
  return next();
};
