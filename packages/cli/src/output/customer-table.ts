import type { Customer, CustomerField } from '@custcode/core';
import { renderTable } from './table.js';

/** Columns of the human table, in order; a column shows only when some row has a value. */
const COLUMNS: readonly CustomerField[] = ['code', 'name', 'shortName', 'status', 'category', 'region', 'phone', 'contact', 'org'];
const ALWAYS: ReadonlySet<CustomerField> = new Set(['code', 'name', 'status']);

export function renderCustomerTable(customers: readonly Customer[]): string {
  const columns = COLUMNS.filter((field) => ALWAYS.has(field) || customers.some((customer) => customer[field] !== undefined));
  return renderTable(columns, customers.map((customer) => columns.map((field) => customer[field] ?? '')));
}
