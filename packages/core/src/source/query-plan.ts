import type { Customer } from '../customer/customer-schema.js';
import { UnsupportedQueryError } from '../errors/unsupported-query-error.js';
import { matchesFilter } from './match-filter.js';
import type { SourceContext } from './source-context.js';
import type { CustomerFilter } from './v1/customer-query.js';

/** A filter split into what the reader evaluates and what the core must check itself. */
export interface QueryPlan {
  pushed: CustomerFilter;
  residual: CustomerFilter | undefined;
}

/** Splits a filter by the reader's capabilities; a filter the source cannot answer at all is an error. */
export function planQuery({ reader, capabilities }: SourceContext, filter: CustomerFilter): QueryPlan {
  for (const key of capabilities.unsupportedFilters) {
    if ((filter as Record<string, unknown>)[key] !== undefined) {
      throw new UnsupportedQueryError({
        message: `Source "${reader.name}" (${reader.erp}) cannot filter by "${key}": the ERP has no such column in this mapping.`,
        hint: `Remove the "${key}" filter, or map a column for it in the source's configuration.`,
      });
    }
  }
  const text = filter.text === '' ? undefined : filter.text;
  const { text: _text, textFields, ...rest } = filter;
  const textFilter = text === undefined ? {} : { text, ...(textFields === undefined ? {} : { textFields }) };
  if (text !== undefined && capabilities.pinyinSearch === 'scan') return { pushed: rest, residual: textFilter };
  return { pushed: { ...rest, ...textFilter }, residual: undefined };
}

/** What the caller gets of a page: the rows that pass the filter the core checks itself, at most `remaining`. */
export function handOn(rows: Customer[], residual: CustomerFilter | undefined, remaining: number): Customer[] {
  const page = residual ? rows.filter((row) => matchesFilter(row, residual)) : rows;
  return page.length > remaining ? page.slice(0, remaining) : page;
}
