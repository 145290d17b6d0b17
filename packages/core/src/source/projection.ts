import type { Customer } from '../customer/customer-schema.js';
import { type CustomerFilter, IDENTITY_FIELDS, type QueryField, TEXT_FIELDS } from './v1/customer-query.js';

/**
 * What a reader must fill for a projected search: the asked fields, the identity fields (cursor and
 * ordering read code and org) and the fields of the filter the core checks itself (`text` in a scan).
 * `undefined` (no projection asked): the whole record.
 */
export function readerFields(fields: readonly QueryField[] | undefined, residual: CustomerFilter | undefined): readonly QueryField[] | undefined {
  if (fields === undefined) return undefined;
  const needed = new Set<QueryField>([...IDENTITY_FIELDS, ...fields]);
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

/**
 * Whether records a reader filled for `readerFields(asked, …)` are already what the caller gets: the reader
 * projects exactly and was asked for nothing beyond the asked and identity fields (no text-filter fields).
 */
export function projectedByReader(projectsExactly: boolean | undefined, asked: readonly QueryField[], fieldsOfReader: readonly QueryField[]): boolean {
  return projectsExactly === true && fieldsOfReader.length === new Set<QueryField>([...IDENTITY_FIELDS, ...asked]).size;
}
