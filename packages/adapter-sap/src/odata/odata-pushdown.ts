import type { CustomerFilter, CustomerStatus } from '@custcode/core';
import { allOf, anyOf, compare, datetimeLiteral, eq, startsWith, substringOf, type ODataFilter } from './odata-query.js';
import { codePrefixForms } from '../mappings/code-prefix-forms.js';

export interface ODataPushdown {
  /** A $filter on A_Customer selecting a SUPERSET of the matching customers (every record is re-checked in core's terms). */
  filter: ODataFilter | undefined;
  /** No customer can match (a category longer than its property): no request is sent. */
  impossible: boolean;
}

const isTrue = (property: string) => `${property} eq true`;
const isFalse = (property: string) => `${property} eq false`;

/** The central status in A_Customer terms: kna1Status over DeletionIndicator (LOEVM), PostingIsBlocked (SPERR), OrderIsBlockedForCustomer (AUFSD). */
const statusFilter: Record<CustomerStatus, ODataFilter> = {
  deleted: isTrue('DeletionIndicator'),
  blocked: allOf(isFalse('DeletionIndicator'), anyOf(isTrue('PostingIsBlocked'), compare('OrderIsBlockedForCustomer', 'ne', '')))!,
  active: allOf(isFalse('DeletionIndicator'), isFalse('PostingIsBlocked'), eq('OrderIsBlockedForCustomer', ''))!,
};

/** A code prefix as startswith on the stored forms (startswith is case-sensitive in SAP Gateway: see codePrefixForms). */
function codePrefixFilter(prefix: string): ODataFilter | undefined {
  const forms = codePrefixForms(prefix, /\s/);
  return forms && anyOf(...forms.map((form) => startsWith('Customer', form)));
}

/**
 * What of a filter OData V2 expresses faithfully on A_Customer. `substringof` is case-sensitive on SAP's side
 * (it becomes a LIKE on the database), so a name is pushed only when it has no cased letters (Chinese names,
 * digits), on both name properties. Phone, region and short name live on the business partner and the change
 * date too: those, `text` and `updatedSince` are filtered after reading.
 */
export function customerPushdown(filter: CustomerFilter, options: { categoryProperty: string; categoryLength: number; centralStatusOnly: boolean }): ODataPushdown {
  const parts: Array<ODataFilter | undefined> = [];
  if (filter.category !== undefined) {
    // The service has no category texts: the category is its code, compared exactly.
    if (filter.category === '' || filter.category.length > options.categoryLength || filter.category !== filter.category.trim()) return { filter: undefined, impossible: true };
    parts.push(eq(options.categoryProperty, filter.category));
  }
  if (filter.codePrefix !== undefined) parts.push(codePrefixFilter(filter.codePrefix));
  if (filter.name !== undefined && filter.name !== '' && filter.name.toLowerCase() === filter.name.toUpperCase()) {
    parts.push(anyOf(substringOf(filter.name, 'CustomerFullName'), substringOf(filter.name, 'CustomerName')));
  }
  if (filter.status !== undefined && options.centralStatusOnly) {
    const statuses = [...new Set(Array.isArray(filter.status) ? filter.status : [filter.status])];
    if (statuses.length < 3) parts.push(anyOf(...statuses.map((status) => statusFilter[status])));
  }
  // CreationDate is a date (00:00): day bounds are a superset of any time bound.
  if (filter.createdFrom !== undefined) parts.push(`CreationDate ge ${datetimeLiteral(`${filter.createdFrom.slice(0, 10)}T00:00:00`)}`);
  if (filter.createdTo !== undefined) parts.push(`CreationDate le ${datetimeLiteral(`${filter.createdTo.slice(0, 10)}T00:00:00`)}`);
  return { filter: allOf(...parts), impossible: false };
}
