import { ConfigError } from '@custcode/core';

/** $filter expressions of OData V2, built as text with every literal quoted (never spliced raw). */
export type ODataFilter = string;

/** A string literal: single quotes doubled, as OData V2 ABNF requires. */
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** An Edm.DateTime literal (the ERP's wall time, no offset): `datetime'2024-01-31T00:00:00'`. */
export const datetimeLiteral = (isoLocal: string) => `datetime'${isoLocal.slice(0, 19)}'`;

export const eq = (property: string, value: string) => `${property} eq ${literal(value)}`;
export const compare = (property: string, operator: 'gt' | 'ge' | 'lt' | 'le' | 'ne', value: string) => `${property} ${operator} ${literal(value)}`;
export const startsWith = (property: string, prefix: string) => `startswith(${property},${literal(prefix)}) eq true`;
export const substringOf = (needle: string, property: string) => `substringof(${literal(needle)},${property}) eq true`;

export function allOf(...parts: Array<ODataFilter | undefined>): ODataFilter | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  if (present.length <= 1) return present[0];
  return present.map((part) => `(${part})`).join(' and ');
}

export function anyOf(...parts: Array<ODataFilter | undefined>): ODataFilter | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== '');
  if (present.length <= 1) return present[0];
  return present.map((part) => `(${part})`).join(' or ');
}

/** The query string of an entity set read: system query options in a fixed order, values percent-encoded. */
export function resourceOf(entitySet: string, query: { filter?: ODataFilter; select?: string[]; expand?: string[]; orderby?: string[]; top?: number; inlinecount?: boolean }): string {
  const parts: string[] = [];
  if (query.filter) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.select?.length) parts.push(`$select=${encodeURIComponent(query.select.join(','))}`);
  if (query.expand?.length) parts.push(`$expand=${encodeURIComponent(query.expand.join(','))}`);
  if (query.orderby?.length) parts.push(`$orderby=${encodeURIComponent(query.orderby.join(','))}`);
  if (query.top !== undefined) parts.push(`$top=${query.top}`);
  if (query.inlinecount) parts.push('$inlinecount=allpages');
  return parts.length === 0 ? entitySet : `${entitySet}?${parts.join('&')}`;
}

/**
 * Splits `values` into OR-lists `property eq '…' or …` whose request URL stays within `maxUrlLength`
 * (measured with `urlOf`, the full URL as sent) and `maxPerBatch` values.
 */
export function orListBatches(values: string[], property: string, maxPerBatch: number, fits: (filter: ODataFilter) => boolean): ODataFilter[] {
  const batches: ODataFilter[] = [];
  let current: string[] = [];
  const filterOf = (list: string[]) => list.map((value) => eq(property, value)).join(' or ');
  for (const value of values) {
    const next = [...current, value];
    if (current.length > 0 && (next.length > maxPerBatch || !fits(filterOf(next)))) {
      batches.push(filterOf(current));
      current = [value];
    } else current = next;
    if (current.length === 1 && !fits(filterOf(current))) {
      throw new ConfigError({ message: `maxUrlLength is too small: a request for a single code does not fit in it.`, hint: 'Raise maxUrlLength (the business-partner read with its $select and $expand needs about 1 200 characters; default 4 096).' });
    }
  }
  if (current.length > 0) batches.push(filterOf(current));
  return batches;
}
