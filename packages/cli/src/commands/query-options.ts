import { CUSTOMER_STATUSES, type CustomerQuery, CustcodeError, parseCustomerQuery } from '@custcode/core';
import { SORT_FIELDS } from '@custcode/core/adapter';
import { type ExportField, parseExportFields } from '@custcode/export';
import { parseStatusList } from '@custcode/core/adapter';
import type { LoadedConfig } from '../config/load-config.js';
import { didYouMean } from '../config/nearest-key.js';
import { UsageError } from '../output/usage-error.js';
import { wholeNumberFlag } from './flag-values.js';

/** Filter flags as commander gives them. */
export interface FilterFlags {
  codePrefix?: string;
  name?: string;
  phone?: string;
  category?: string;
  region?: string;
  status?: string;
  org?: string;
  createdFrom?: string;
  createdTo?: string;
  updatedSince?: string;
  limit?: string;
  view?: string;
  /** `--sort field[:desc][,field…]` or `relevance` (search and export). */
  sort?: string;
}

/** Flags that go into the query as they are. */
const TEXT_FILTERS = ['codePrefix', 'name', 'phone', 'category', 'region', 'org', 'createdFrom', 'createdTo', 'updatedSince'] as const;

export interface ResolvedQuery {
  query: CustomerQuery;
  /** Fields a saved view asks for, if any. */
  fields: ExportField[] | undefined;
}

/** The query of a search or export: the saved view's filters (if any), then the flags on top. */
export function resolveQuery(loaded: LoadedConfig, source: string, text: string | undefined, flags: FilterFlags): ResolvedQuery {
  let base: Record<string, unknown> = {};
  let fields: ExportField[] | undefined;
  if (flags.view !== undefined) {
    const views = loaded.config.views ?? {};
    const view = views[flags.view];
    if (!view) {
      throw new UsageError({ message: `Unknown view "${flags.view}".${didYouMean(flags.view, Object.keys(views))}`, hint: `Views in ${loaded.path}: ${Object.keys(views).join(', ') || '(none)'}.` });
    }
    if (view.source !== source) {
      throw new UsageError({ message: `View "${flags.view}" is for source "${view.source}", not "${source}".`, hint: `Run it as: custcode … ${view.source} --view ${flags.view}` });
    }
    const { source: _source, fields: viewFields, ...filters } = view;
    base = filters;
    if (viewFields !== undefined) fields = parseExportFields(viewFields);
  }
  const { limit, status } = flags;
  const query: Record<string, unknown> = { ...base };
  for (const key of TEXT_FILTERS) if (flags[key] !== undefined) query[key] = flags[key];
  if (text !== undefined && text !== '') query.text = text;
  if (status !== undefined) query.status = parseStatus(status);
  if (limit !== undefined) query.limit = wholeNumberFlag('--limit', limit, { min: 1, example: '100' });
  if (flags.sort !== undefined) query.sort = parseSortFlag(flags.sort);
  return { query: checkedQuery(query, (key) => (key === 'text' ? 'search text' : (flags as Record<string, unknown>)[key] !== undefined ? flagName(key) : `view "${flags.view}": ${key}`)), fields };
}

/** `createdTo` → `--created-to`. */
export const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** A query validated as every source does, its mistakes a usage error (exit 2) naming the field as the user wrote it. */
export function checkedQuery(query: Record<string, unknown>, fieldName: (key: string) => string = flagName): CustomerQuery {
  try {
    return parseCustomerQuery(query, fieldName);
  } catch (error) {
    throw new UsageError({ message: (error as Error).message, ...(CustcodeError.isInstance(error) && error.hint ? { hint: error.hint } : {}), cause: error });
  }
}

/** `name:desc,code` → sort keys; the fields themselves are checked with the query (a usage error naming the valid ones). */
export function parseSortFlag(value: string): { field: string; direction?: string }[] {
  return value.split(',').map((item) => {
    const [field = '', direction, ...rest] = item.trim().split(':');
    if (rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      throw new UsageError({ message: `--sort: "${item.trim()}" is not FIELD, FIELD:asc or FIELD:desc.`, hint: `For example --sort name:desc or --sort relevance; fields are ${SORT_FIELDS.join(', ')}.` });
    }
    return { field, ...(direction === undefined ? {} : { direction }) };
  });
}

function parseStatus(value: string): CustomerQuery['status'] {
  const parsed = parseStatusList(value);
  if ('unknown' in parsed) {
    throw new UsageError({ message: `Unknown status "${parsed.unknown}".${didYouMean(parsed.unknown, CUSTOMER_STATUSES)}`, hint: `--status takes ${CUSTOMER_STATUSES.join(', ')} (comma-separated for several).` });
  }
  return parsed.status;
}
