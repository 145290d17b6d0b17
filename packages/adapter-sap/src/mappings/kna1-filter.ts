import type { CustomerFilter, CustomerStatus } from '@custcode/core';
import { allOf, anyOf, compare, like, type AbapCondition } from '../rfc/abap-condition.js';
import { codePrefixForms } from './code-prefix-forms.js';
import type { CategoryField } from './kna1-mapping.js';
import type { SapTexts } from './text-tables.js';

export interface Kna1Pushdown {
  /** A condition on KNA1 selecting a SUPERSET of the matching customers (the adapter re-checks every row). */
  where: AbapCondition | undefined;
  /** True when no row can match (e.g. a region longer than REGIO): skip the calls. */
  impossible: boolean;
}

const blank = (field: string) => compare(field, '=', ' ');
const notBlank = (field: string) => compare(field, '<>', ' ');

/** Exact status conditions on the central flags (kna1Status in WHERE form). */
const statusCondition: Record<CustomerStatus, AbapCondition> = {
  deleted: notBlank('LOEVM'),
  blocked: allOf(blank('LOEVM'), anyOf(notBlank('SPERR'), notBlank('AUFSD')))!,
  active: allOf(blank('LOEVM'), blank('SPERR'), blank('AUFSD'))!,
};

/** `Customer.code` starts with `prefix` (case-insensitive, on the ALPHA output form) → LIKE on the internal form. */
function codePrefixCondition(prefix: string): AbapCondition | undefined {
  // LIKE wildcards, quotes and spaces have no faithful LIKE form either.
  const forms = codePrefixForms(prefix, /[%_'\s]/);
  return forms && anyOf(...forms.map((form) => like('KUNNR', `${form}%`)));
}

const dats = (date: string) => date.slice(0, 10).replaceAll('-', '');

/**
 * What of a filter RFC_READ_TABLE's WHERE expresses faithfully on KNA1: region, category, central status
 * (when there is no org level), code prefixes (as LIKE on the internal form) and ERDAT date bounds. Name
 * and phone (case-insensitive contains) cannot be written as ABAP LIKE: they are filtered after reading.
 */
export function kna1Pushdown(filter: CustomerFilter, options: { categoryField: CategoryField; centralStatusOnly: boolean; texts: SapTexts }): Kna1Pushdown {
  const conditions: Array<AbapCondition | undefined> = [];
  // Region and category are compared by name: the codes whose text (or bare code) equals it.
  const region = filter.region === undefined ? undefined : options.texts.regionCondition(filter.region);
  const category = filter.category === undefined ? undefined : options.texts.categoryCondition(filter.category);
  if (region === 'impossible' || category === 'impossible') return { where: undefined, impossible: true };
  conditions.push(region, category);
  if (filter.codePrefix !== undefined) conditions.push(codePrefixCondition(filter.codePrefix));
  if (filter.status !== undefined && options.centralStatusOnly) {
    const statuses = [...new Set(Array.isArray(filter.status) ? filter.status : [filter.status])];
    if (statuses.length < 3) conditions.push(anyOf(...statuses.map((status) => statusCondition[status])));
  }
  // ERDAT is a date; createdAt is that date at 00:00. Day bounds are a superset of any time bound.
  const from = [filter.createdFrom, filter.updatedSince].filter((value): value is string => value !== undefined).map(dats).sort().pop();
  if (from !== undefined) conditions.push(compare('ERDAT', '>=', from));
  if (filter.createdTo !== undefined) conditions.push(compare('ERDAT', '<=', dats(filter.createdTo)));
  return { where: allOf(...conditions), impossible: false };
}
