import { alphaOutput, CUSTOMER_TEXT_FIELDS, toIsoDateTime, type Customer, type CustomerStatus } from '@custcode/core';
import { ALIAS } from '../compile/compile-select.js';
import type { SqlRow } from '../executor/sql-executor.js';
import type { TableMapping } from '../mapping/table-mapping.js';

/** A text value with CHAR padding removed; blank and NULL are absent. */
function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = (value instanceof Date ? toIsoDateTime(value) ?? '' : String(value)).trimEnd();
  return trimmed === '' ? undefined : trimmed;
}

function statusOf(value: unknown): CustomerStatus {
  return value === 'deleted' || value === 'blocked' ? value : 'active';
}

/** A raw value as read; a driver's Date (SQL Server) becomes its zone-less wall-clock text, as record dates do. */
function rawValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return value instanceof Date ? (toIsoDateTime(value) ?? null) : value;
}

/** The raw key of a column reference: its own name, without the table alias. */
export function rawKey(reference: string): string {
  return reference.slice(reference.lastIndexOf('.') + 1);
}

/**
 * One result row (aliased by the compiled SELECT) as a Customer. `askedOrg` is the org a query was
 * scoped to; for `exists` org mappings it is the customer's org in that answer.
 */
export function rowToCustomer(row: SqlRow, mapping: TableMapping, source: string, askedOrg: string | undefined): Customer {
  const storedCode = text(row[ALIAS.code]) ?? '';
  const customer: Customer = {
    source,
    erp: mapping.erp,
    code: mapping.codeForm === 'sap-alpha' ? alphaOutput(storedCode) : storedCode,
    name: text(row[ALIAS.name]) ?? '',
    status: statusOf(row[ALIAS.status]),
  } as Customer;
  for (const field of CUSTOMER_TEXT_FIELDS) {
    if (mapping.fields[field] === undefined) continue;
    const value = text(row[ALIAS.field(field)]);
    if (value !== undefined) customer[field] = value;
  }
  const createdAt = mapping.fields.createdAt ? toIsoDateTime(row[ALIAS.createdAt]) : undefined;
  if (createdAt !== undefined) customer.createdAt = createdAt;
  const updatedAt = mapping.fields.updatedAt ? toIsoDateTime(row[ALIAS.updatedAt]) : undefined;
  if (updatedAt !== undefined) customer.updatedAt = updatedAt;
  const org = mapping.org?.kind === 'exists' && askedOrg !== undefined ? askedOrg : text(row[ALIAS.org]);
  if (mapping.org && org !== undefined) customer.org = org;
  // Set last so that JSON output lists the ERP's own columns after the record's fields.
  customer.raw = Object.fromEntries(mapping.raw.map((reference, index) => [rawKey(reference), rawValue(row[ALIAS.raw(index)])]));
  return customer;
}
