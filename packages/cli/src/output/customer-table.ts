import type { Customer, CustomerField } from '@custcode/core';
import { fieldLabel, type Lang, statusTerm } from '@custcode/core/messages';
import { renderTable } from './table.js';

/** Columns of the human table, in order; a column shows only when some row has a value. */
const COLUMNS: readonly CustomerField[] = ['code', 'name', 'shortName', 'status', 'category', 'region', 'phone', 'contact', 'org'];
const ALWAYS: ReadonlySet<CustomerField> = new Set(['code', 'name', 'status']);

/**
 * The customers as a text table. In Chinese the headers and status words come from the catalogue
 * (客户编号, 停用); in English the table keeps the field names and status values, the words `--fields`
 * and `--status` take (as `--headers en` does for exports).
 */
export function renderCustomerTable(customers: readonly Customer[], lang: Lang = 'en'): string {
  const columns = COLUMNS.filter((field) => ALWAYS.has(field) || customers.some((customer) => customer[field] !== undefined));
  const header = (field: CustomerField) => (lang === 'en' ? field : fieldLabel(lang, field));
  const value = (customer: Customer, field: CustomerField) => (field === 'status' && lang !== 'en' ? statusTerm(lang, customer.status) : (customer[field] ?? ''));
  return renderTable(columns.map(header), customers.map((customer) => columns.map((field) => value(customer, field))));
}
