import type { Customer } from '../customer/customer-schema.js';
import { type SearchOrder, searchOrder } from './cursor.js';
import { type CustomerFilter, type CustomerQuery, IDENTITY_FIELDS, type QueryField, TEXT_FIELDS, type TextField } from './v1/customer-query.js';

/**
 * Fields a projected record of an ordered search keeps beyond the asked ones, so that `cursorAfter` can
 * read its position from the records: the sort fields, or (relevance) the text fields the rank reads.
 */
export function orderFields(order: SearchOrder | undefined, textFields: readonly TextField[] = TEXT_FIELDS): QueryField[] {
  if (order?.rank) return [...textFields];
  return order?.sort ? order.sort.map((key) => key.field) : [];
}

/**
 * What a reader must fill for a projected search: the asked fields, the identity fields (cursor and
 * ordering read code and org) and the fields of the filter the core checks itself (`text` in a scan).
 * `undefined` (no projection asked): the whole record.
 */
export function readerFields(fields: readonly QueryField[] | undefined, residual: CustomerFilter | undefined, order?: SearchOrder): readonly QueryField[] | undefined {
  if (fields === undefined) return undefined;
  const needed = new Set<QueryField>([...IDENTITY_FIELDS, ...fields, ...orderFields(order, order?.rank ? TEXT_FIELDS : undefined)]);
  if (residual?.text !== undefined) for (const field of residual.textFields ?? TEXT_FIELDS) needed.add(field);
  return [...needed];
}

/**
 * The function that cuts a record down to the asked fields and the identity fields (absent values stay
 * absent). A reader may fill more than asked (a column the filter needed): the record still carries exactly these.
 */
export function projector(fields: readonly QueryField[]): (customer: Customer) => Customer {
  const keep = [...new Set<QueryField>([...IDENTITY_FIELDS, ...fields])];
  return (customer) => {
    const picked: Record<string, unknown> = {};
    for (const field of keep) {
      const value = customer[field];
      if (value !== undefined) picked[field] = value;
    }
    // Typed as a record for the pipeline; the public overload of `search` types it as ProjectedCustomer.
    return picked as Customer;
  };
}

/** The record field each filter key is checked against (by `matchesFilter`). */
const FILTERED_FIELDS: { [Key in keyof CustomerFilter]-?: readonly QueryField[] } = {
  text: [],
  textFields: [],
  codePrefix: ['code'],
  name: ['name'],
  phone: ['phone'],
  category: ['category'],
  region: ['region'],
  status: ['status'],
  org: ['org'],
  createdFrom: ['createdAt'],
  createdTo: ['createdAt'],
  updatedSince: ['updatedAt', 'createdAt'],
};

/**
 * The fields `matchesFilter` reads for this filter: a reader that checks its pushed filter again on the
 * records it built (RFC, OData, WebAPI) must fill them even when the projection does not ask for them.
 */
export function filterFields(filter: CustomerFilter): QueryField[] {
  const fields = new Set<QueryField>();
  for (const key of Object.keys(FILTERED_FIELDS) as Array<keyof CustomerFilter>) {
    if (filter[key] === undefined) continue;
    for (const field of FILTERED_FIELDS[key]) fields.add(field);
  }
  if (filter.text !== undefined) for (const field of filter.textFields ?? TEXT_FIELDS) fields.add(field);
  return [...fields];
}

/**
 * The fields a reader must fill for a request: `undefined` (every field) without a projection, else the
 * asked fields, the identity fields and the filter's fields.
 */
export function neededFields(fields: readonly QueryField[] | undefined, filter: CustomerFilter): ReadonlySet<QueryField> | undefined {
  if (fields === undefined) return undefined;
  return new Set<QueryField>([...IDENTITY_FIELDS, ...fields, ...filterFields(filter)]);
}

/**
 * The fields a projected search's records carry: the asked ones and those its order reads (see
 * `orderFields`). Anything but a valid list is returned as given: the query check refuses it.
 */
export function keptFields(query: CustomerQuery): readonly QueryField[] | undefined {
  if (!Array.isArray(query.fields) || !Array.isArray(query.sort)) return query.fields;
  try {
    return [...query.fields, ...orderFields(searchOrder(query), Array.isArray(query.textFields) ? query.textFields : undefined)];
  } catch {
    return query.fields;
  }
}

/**
 * Whether records a reader filled for `readerFields(asked, …)` are already what the caller gets: the reader
 * projects exactly and was asked for nothing beyond the asked and identity fields (no text-filter fields).
 */
export function projectedByReader(projectsExactly: boolean | undefined, asked: readonly QueryField[], fieldsOfReader: readonly QueryField[]): boolean {
  return projectsExactly === true && fieldsOfReader.length === new Set<QueryField>([...IDENTITY_FIELDS, ...asked]).size;
}
