import { alphaOutput, CUSTOMER_TEXT_FIELDS, type Customer, type CustomerStatus } from '@custcode/core';
import type { QueryField } from '@custcode/core/adapter';
import { toIsoDateTime } from '@custcode/core/adapter';
import { ALIAS, rawAliases } from '../compile/compile-select.js';
import { scopedOrg, type TableMapping } from '../mapping/table-mapping.js';

/** A text value with CHAR padding removed; blank and NULL are absent. */
function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = (typeof value === 'string' ? value : value instanceof Date ? toIsoDateTime(value) ?? '' : String(value)).trimEnd();
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
 * Turns one result row, read as an array of cells in the order of the result's columns (the compiled
 * SELECT's aliases), into a Customer; `askedOrg` is the org a query named.
 */
export type RowMapper = (row: readonly unknown[], askedOrg: string | undefined) => Customer;

/**
 * Builds the row mapper of one mapping for one column list. Positions and raw keys are worked out here,
 * once, because the mapper runs for every row of a full export. A column the SELECT does not have reads
 * as absent. For `exists` org mappings the asked org (else the default org) is the customer's org in that answer.
 * With `fields` (a projected search) the record has exactly those fields, in that order (see `projectedMapper`).
 */
export function createRowMapper(mapping: TableMapping, source: string, columns: readonly string[], fields?: readonly QueryField[]): RowMapper {
  const position = new Map(columns.map((column, index) => [column, index]));
  // Index -1 is no array element: a missing column reads as undefined.
  const keyOf = (alias: string) => position.get(alias) ?? -1;
  const erp = mapping.erp;
  const sapAlpha = mapping.codeForm === 'sap-alpha';
  // Only columns the result has: reading index -1 of an array is a slow lookup by property name, and a
  // projected search leaves most columns out.
  const textFields = CUSTOMER_TEXT_FIELDS.filter((field) => mapping.fields[field] !== undefined && keyOf(ALIAS.field(field)) >= 0);
  const textKeys = textFields.map((field) => keyOf(ALIAS.field(field)));
  const [codeKey, nameKey, statusKey, orgKey, createdKey, updatedKey] = [ALIAS.code, ALIAS.name, ALIAS.status, ALIAS.org, ALIAS.createdAt, ALIAS.updatedAt].map(keyOf) as [number, number, number, number, number, number];
  const hasName = nameKey >= 0;
  const hasStatus = statusKey >= 0;
  const hasCreatedAt = mapping.fields.createdAt !== undefined && createdKey >= 0;
  const hasUpdatedAt = mapping.fields.updatedAt !== undefined && updatedKey >= 0;
  const hasOrg = mapping.org !== undefined;
  const hasOrgColumn = orgKey >= 0;
  const orgFromQuery = mapping.org?.kind === 'exists';
  const rawKeys = mapping.raw.map(rawKey);
  const rawColumns = rawAliases(mapping).map(keyOf);
  const codeOf = (row: readonly unknown[]): string => {
    const storedCode = text(row[codeKey]) ?? '';
    return sapAlpha ? alphaOutput(storedCode) : storedCode;
  };
  const orgOf = (row: readonly unknown[], askedOrg: string | undefined): string | undefined => {
    if (!hasOrg) return undefined;
    const scoped = orgFromQuery ? scopedOrg(mapping.org, askedOrg) : undefined;
    return scoped ?? (hasOrgColumn ? text(row[orgKey]) : undefined);
  };
  const rawOf = (row: readonly unknown[]): Record<string, unknown> => {
    const raw: Record<string, unknown> = {};
    for (let index = 0; index < rawKeys.length; index++) {
      const column = rawColumns[index]!;
      raw[rawKeys[index]!] = column >= 0 ? rawValue(row[column]) : null;
    }
    return raw;
  };
  if (fields !== undefined) {
    return projectedMapper(fields, (field) => {
      switch (field) {
        case 'source':
          return () => source;
        case 'erp':
          return () => erp;
        case 'code':
          return codeOf;
        case 'org':
          return orgOf;
        case 'name':
          return (row) => (hasName ? (text(row[nameKey]) ?? '') : '');
        case 'status':
          return (row) => (hasStatus ? statusOf(row[statusKey]) : 'active');
        case 'createdAt':
          return (row) => (hasCreatedAt ? toIsoDateTime(row[createdKey]) : undefined);
        case 'updatedAt':
          return (row) => (hasUpdatedAt ? toIsoDateTime(row[updatedKey]) : undefined);
        case 'raw':
          return rawOf;
        default: {
          const index = textFields.indexOf(field);
          const key = index < 0 ? -1 : textKeys[index]!;
          return (row) => (key >= 0 ? text(row[key]) : undefined);
        }
      }
    });
  }
  return (row, askedOrg) => {
    const customer = { source, erp, code: codeOf(row), name: hasName ? (text(row[nameKey]) ?? '') : '', status: hasStatus ? statusOf(row[statusKey]) : 'active' } as Customer;
    for (let index = 0; index < textFields.length; index++) {
      const value = text(row[textKeys[index]!]);
      if (value !== undefined) customer[textFields[index]!] = value;
    }
    const createdAt = hasCreatedAt ? toIsoDateTime(row[createdKey]) : undefined;
    if (createdAt !== undefined) customer.createdAt = createdAt;
    const updatedAt = hasUpdatedAt ? toIsoDateTime(row[updatedKey]) : undefined;
    if (updatedAt !== undefined) customer.updatedAt = updatedAt;
    const org = orgOf(row, askedOrg);
    if (org !== undefined) customer.org = org;
    // Set last so that JSON output lists the ERP's own columns after the record's fields.
    customer.raw = rawOf(row);
    return customer;
  };
}

/**
 * A projected search's mapper: the record has exactly the asked fields (absent values left out), keys in
 * the order asked, which is the order the core's own projection gives, so the core hands it on as it is.
 */
function projectedMapper(fields: readonly QueryField[], readerOf: (field: QueryField) => (row: readonly unknown[], askedOrg: string | undefined) => unknown): RowMapper {
  const names = [...new Set(fields)];
  const readers = names.map(readerOf);
  return (row, askedOrg) => {
    const customer: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index++) {
      const value = readers[index]!(row, askedOrg);
      if (value !== undefined) customer[names[index]!] = value;
    }
    return customer as unknown as Customer;
  };
}
