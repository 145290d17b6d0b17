import { filterStart } from '@custcode/core/adapter';
import { UnsupportedQueryError } from '@custcode/core';
import type { CustomerFilter } from '@custcode/core';
import type { CustomerSource } from '@custcode/core';
import type { ChangedCustomer, ChangeList } from './change-types.js';

/** Said in every `--since` change list: what timestamps cannot tell. */
export const SINCE_LIMITATIONS = [
  'Inferred from the ERP\'s modified/created columns: only added, changed and blocked (or flagged deleted) customers can be told apart.',
  'Which fields changed, unblocked customers, physically deleted rows and renumbered codes cannot be seen this way; compare with a snapshot (--snapshot FILE, written by --save-snapshot) for those.',
];

/**
 * Changes since a date from the source's change tracking (`search({ updatedSince })`): created on or after
 * the date → added; otherwise blocked / deleted by status, else changed (fields unknown).
 */
export async function changesSince(source: CustomerSource, since: string, options: { generatedAt: string; filter?: CustomerFilter }): Promise<ChangeList> {
  const description = source.describe();
  if (description.changeTracking === 'none') {
    throw new UnsupportedQueryError({
      message: `Source "${source.name}" has no modified or created column, so changes since a date cannot be found.`,
      hint: 'Compare snapshots instead: run with --save-snapshot FILE now, and --snapshot FILE next time.',
    });
  }
  const start = filterStart(since);
  const list: ChangeList = {
    source: source.name, erp: source.erp, mode: 'since', since, generatedAt: options.generatedAt,
    added: [], changed: [], blocked: [], unblocked: [], deleted: [], limitations: [...SINCE_LIMITATIONS],
  };
  if (description.changeTracking === 'created-column') list.limitations.push('This source only records creation dates: only added customers can be found.');
  for await (const customer of source.search({ ...options.filter, updatedSince: since })) {
    const entry: ChangedCustomer = { code: customer.code, ...(customer.org === undefined ? {} : { org: customer.org }), name: customer.name, status: customer.status };
    if (customer.createdAt !== undefined && customer.createdAt >= start) list.added.push(entry);
    else if (customer.status === 'blocked') list.blocked.push(entry);
    else if (customer.status === 'deleted') list.deleted.push(entry);
    else list.changed.push({ ...entry, changes: {} });
  }
  return list;
}
