import { filterStart } from '@custcode/core/adapter';
import { UnsupportedQueryError } from '@custcode/core';
import type { Customer, CustomerFilter } from '@custcode/core';
import type { CustomerSource } from '@custcode/core';
import type { ChangedCustomer, ChangeList } from './change-types.js';
import { compareEntries } from './diff-snapshot.js';
import { snapshotKey, toSnapshotEntry } from './snapshot.js';

/** Said in every `--since` change list from modified/created columns: what timestamps cannot tell. */
export const SINCE_LIMITATIONS = [
  'Inferred from the ERP\'s modified/created columns: only added, changed and blocked (or flagged deleted) customers can be told apart.',
  'Which fields changed, unblocked customers, physically deleted rows and renumbered codes cannot be seen this way; compare with a snapshot (--snapshot FILE, written by --save-snapshot) for those.',
];

/** Said in every `--since` change list from a change log (SAP change documents). */
export const CHANGE_DOCUMENT_LIMITATIONS = [
  'From the ERP\'s change documents: each changed customer is compared as it was at the date with how it is now; changes to fields custcode does not read, and changes undone since, are not listed.',
  'Only fields whose change documents are active are logged; archived change documents, physically deleted rows and renumbered codes cannot be seen; compare with a snapshot (--snapshot FILE, written by --save-snapshot) for those.',
];

const entryOf = (customer: Customer): ChangedCustomer => ({ code: customer.code, ...(customer.org === undefined ? {} : { org: customer.org }), name: customer.name, status: customer.status });

/**
 * Changes since a date from the source's change tracking (`search({ updatedSince })`): created on or after
 * the date → added. Otherwise, from a change log (`revisions`): the fields old → new and the status change,
 * as a snapshot comparison reports them (a record that reads the same as at the date is not listed); from timestamps only: blocked / deleted by status, else changed
 * (fields unknown).
 */
export async function changesSince(source: CustomerSource, since: string, options: { generatedAt: string; filter?: CustomerFilter }): Promise<ChangeList> {
  const description = source.describe();
  if (description.changeTracking === 'none') {
    throw new UnsupportedQueryError({
      message: `Source "${source.name}" has no modified or created column, so changes since a date cannot be found.`,
      hint: 'Compare snapshots instead: run with --save-snapshot FILE now, and --snapshot FILE next time.',
    });
  }
  const revisions = description.changeTracking === 'change-documents' ? source.revisions?.bind(source) : undefined;
  const start = filterStart(since);
  const list: ChangeList = {
    source: source.name, erp: source.erp, mode: 'since', since, generatedAt: options.generatedAt,
    added: [], changed: [], blocked: [], unblocked: [], deleted: [], limitations: [...(revisions ? CHANGE_DOCUMENT_LIMITATIONS : SINCE_LIMITATIONS)],
  };
  if (description.changeTracking === 'created-column') list.limitations.push('This source only records creation dates: only added customers can be found.');
  const modified: Customer[] = [];
  for await (const customer of source.search({ ...options.filter, updatedSince: since })) {
    const entry = entryOf(customer);
    if (customer.createdAt !== undefined && customer.createdAt >= start) list.added.push(entry);
    else if (revisions) modified.push(customer);
    else if (customer.status === 'blocked') list.blocked.push(entry);
    else if (customer.status === 'deleted') list.deleted.push(entry);
    else list.changed.push({ ...entry, changes: {} });
  }
  if (!revisions || modified.length === 0) return list;
  const org = options.filter?.org;
  const found = await revisions(modified.map((customer) => customer.code), { since, ...(org === undefined ? {} : { org }) });
  const byKey = new Map(found.map((revision) => [snapshotKey(toSnapshotEntry(revision.current)), revision]));
  for (const customer of modified) {
    const revision = byKey.get(snapshotKey(toSnapshotEntry(customer)));
    // No revision (changed again between the two reads): changed, fields unknown.
    if (revision) compareEntries(toSnapshotEntry(revision.before), toSnapshotEntry(revision.current), list);
    else list.changed.push({ ...entryOf(customer), changes: {} });
  }
  return list;
}
