import { alphaOutput, CUSTOMER_TEXT_FIELDS, type Customer, type CustomerStatus } from '@custcode/core';
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
 * `withRaw` false (a projected search that does not ask for `raw`): no `raw` object, since the core drops it anyway.
 */
export function createRowMapper(mapping: TableMapping, source: string, columns: readonly string[], withRaw = true): RowMapper {
  const position = new Map(columns.map((column, index) => [column, index]));
  // Index -1 is no array element: a missing column reads as undefined.
  const keyOf = (alias: string) => position.get(alias) ?? -1;
  const erp = mapping.erp;
  const sapAlpha = mapping.codeForm === 'sap-alpha';
  const textFields = CUSTOMER_TEXT_FIELDS.filter((field) => mapping.fields[field] !== undefined);
  const textKeys = textFields.map((field) => keyOf(ALIAS.field(field)));
  const [codeKey, nameKey, statusKey, orgKey, createdKey, updatedKey] = [ALIAS.code, ALIAS.name, ALIAS.status, ALIAS.org, ALIAS.createdAt, ALIAS.updatedAt].map(keyOf) as number[];
  const hasCreatedAt = mapping.fields.createdAt !== undefined;
  const hasUpdatedAt = mapping.fields.updatedAt !== undefined;
  const hasOrg = mapping.org !== undefined;
  const orgFromQuery = mapping.org?.kind === 'exists';
  const rawKeys = mapping.raw.map(rawKey);
  const rawColumns = rawAliases(mapping).map(keyOf);
  return (row, askedOrg) => {
    const storedCode = text(row[codeKey!]) ?? '';
    const customer = {
      source,
      erp,
      code: sapAlpha ? alphaOutput(storedCode) : storedCode,
      name: text(row[nameKey!]) ?? '',
      status: statusOf(row[statusKey!]),
    } as Customer;
    for (let index = 0; index < textFields.length; index++) {
      const value = text(row[textKeys[index]!]);
      if (value !== undefined) customer[textFields[index]!] = value;
    }
    const createdAt = hasCreatedAt ? toIsoDateTime(row[createdKey!]) : undefined;
    if (createdAt !== undefined) customer.createdAt = createdAt;
    const updatedAt = hasUpdatedAt ? toIsoDateTime(row[updatedKey!]) : undefined;
    if (updatedAt !== undefined) customer.updatedAt = updatedAt;
    if (hasOrg) {
      const scoped = orgFromQuery ? scopedOrg(mapping.org, askedOrg) : undefined;
      const org = scoped ?? text(row[orgKey!]);
      if (org !== undefined) customer.org = org;
    }
    if (!withRaw) return customer;
    // Set last so that JSON output lists the ERP's own columns after the record's fields.
    const raw: Record<string, unknown> = {};
    for (let index = 0; index < rawKeys.length; index++) raw[rawKeys[index]!] = rawValue(row[rawColumns[index]!]);
    customer.raw = raw;
    return customer;
  };
}
