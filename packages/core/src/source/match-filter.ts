import type { Customer, CustomerStatus } from '../customer/customer-schema.js';
import { filterEndExclusive, filterStart } from '../customer/iso-date.js';
import { isPinyinQuery, pinyinInitials } from '../text/pinyin-initials.js';
import { codeHasPrefix } from '../code/normalize-code.js';
import { TEXT_FIELDS, type CustomerFilter, type TextField } from './v1/customer-query.js';

const contains = (value: string | undefined, needle: string) =>
  value !== undefined && value.toLowerCase().includes(needle.toLowerCase());

/**
 * Whether `text` matches code, name, short name, or the pinyin initials of the name — of those in `fields`.
 * Pinyin initials match only from the start of the name (`bj` finds 北京…, never 立奥铂建材 through its
 * `labjc`): that is how people type an ERP's 助记码, and a mnemonic column answers it in SQL with a prefix LIKE.
 */
export function matchesText(customer: Customer, text: string, fields: readonly TextField[] = TEXT_FIELDS): boolean {
  if (fields.includes('code') && contains(customer.code, text)) return true;
  if (fields.includes('shortName') && contains(customer.shortName, text)) return true;
  if (!fields.includes('name')) return false;
  return contains(customer.name, text) || (isPinyinQuery(text) && pinyinInitials(customer.name).startsWith(text.toLowerCase()));
}

export function statusList(status: CustomerFilter['status']): CustomerStatus[] | undefined {
  if (status === undefined) return undefined;
  return Array.isArray(status) ? status : [status];
}

/**
 * The reference semantics of every filter, evaluated in memory. SQL compilers and the RFC adapter
 * must give the same answers; the conformance suite compares them with this function.
 */
export function matchesFilter(customer: Customer, filter: CustomerFilter): boolean {
  if (filter.text !== undefined && filter.text !== '' && !matchesText(customer, filter.text, filter.textFields)) return false;
  if (filter.codePrefix !== undefined && !codeHasPrefix(customer.code, filter.codePrefix)) return false;
  if (filter.name !== undefined && !contains(customer.name, filter.name)) return false;
  if (filter.phone !== undefined && !contains(customer.phone, filter.phone)) return false;
  if (filter.category !== undefined && customer.category !== filter.category) return false;
  if (filter.region !== undefined && customer.region !== filter.region) return false;
  if (filter.org !== undefined && customer.org !== filter.org) return false;
  const statuses = statusList(filter.status);
  if (statuses && !statuses.includes(customer.status)) return false;
  if (filter.createdFrom !== undefined && !(customer.createdAt && customer.createdAt >= filterStart(filter.createdFrom))) return false;
  if (filter.createdTo !== undefined) {
    const end = filterEndExclusive(filter.createdTo);
    if (!customer.createdAt || (end.inclusive ? customer.createdAt > end.value : customer.createdAt >= end.value)) return false;
  }
  if (filter.updatedSince !== undefined) {
    const changed = customer.updatedAt ?? customer.createdAt;
    if (!changed || changed < filterStart(filter.updatedSince)) return false;
  }
  return true;
}
