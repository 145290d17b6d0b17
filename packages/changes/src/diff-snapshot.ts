import type { Customer, CustomerStatus } from '@custcode/core';
import { type ChangedCustomer, type ChangeList, type FieldChange, type ModifiedCustomer, SNAPSHOT_FIELDS, type SnapshotEntry } from './change-types.js';
import { type Snapshot, snapshotKey, toSnapshotEntry } from './snapshot.js';

export interface DiffOptions {
  source: string;
  erp: string;
  generatedAt: string;
}

const statusOf = (entry: SnapshotEntry): CustomerStatus => (entry.fields.status as CustomerStatus | undefined) ?? 'active';

const named = (entry: SnapshotEntry): ChangedCustomer => ({
  code: entry.code,
  ...(entry.org === undefined ? {} : { org: entry.org }),
  name: entry.fields.name ?? '',
  status: statusOf(entry),
});

function fieldChanges(before: SnapshotEntry, after: SnapshotEntry): ModifiedCustomer['changes'] {
  const changes: ModifiedCustomer['changes'] = {};
  for (const field of SNAPSHOT_FIELDS) {
    if (field === 'status') continue;
    const from = before.fields[field] ?? null;
    const to = after.fields[field] ?? null;
    if (from !== to) changes[field] = { from, to } satisfies FieldChange;
  }
  return changes;
}

/** What ties a removed code to an added one: the same tax id in the same org, else the same name in the same org. */
const renumberKeys = (entry: SnapshotEntry): string[] => [
  ...(entry.fields.taxId ? [`tax\u0000${entry.org ?? ''}\u0000${entry.fields.taxId}`] : []),
  ...(entry.fields.name ? [`name\u0000${entry.org ?? ''}\u0000${entry.fields.name}`] : []),
];

/**
 * Compares an earlier snapshot with the current records: added, changed (fields old → new), blocked,
 * unblocked and deleted (gone from the table, or flagged deleted). A code that disappeared while a new one
 * with the same tax id (or name) in the same org appeared is reported as one change of `code`.
 */
export async function diffSnapshot(snapshot: Snapshot, current: AsyncIterable<Customer> | Iterable<Customer>, options: DiffOptions): Promise<ChangeList> {
  const before = new Map(snapshot.entries.map((entry) => [snapshotKey(entry), entry]));
  const list: ChangeList = {
    source: options.source, erp: options.erp, mode: 'snapshot', since: snapshot.header?.takenAt ?? null, generatedAt: options.generatedAt,
    added: [], changed: [], blocked: [], unblocked: [], deleted: [], limitations: [],
  };
  const added: SnapshotEntry[] = [];
  for await (const customer of current) {
    const after = toSnapshotEntry(customer);
    const key = snapshotKey(after);
    const previous = before.get(key);
    if (!previous) {
      added.push(after);
      continue;
    }
    before.delete(key);
    compareEntries(previous, after, list);
  }
  // Pair removed codes with added ones (renumbered customers) before calling them deleted and added.
  const removedByKey = new Map<string, SnapshotEntry>();
  for (const entry of before.values()) for (const key of renumberKeys(entry)) if (!removedByKey.has(key)) removedByKey.set(key, entry);
  const paired = new Set<SnapshotEntry>();
  for (const entry of added) {
    const match = renumberKeys(entry).map((key) => removedByKey.get(key)).find((candidate) => candidate !== undefined && !paired.has(candidate));
    if (!match) {
      list.added.push(named(entry));
      continue;
    }
    paired.add(match);
    list.changed.push({ ...named(entry), changes: { code: { from: match.code, to: entry.code }, ...fieldChanges(match, entry) } });
    pushStatusChange(statusOf(match), statusOf(entry), entry, list);
  }
  for (const entry of before.values()) if (!paired.has(entry)) list.deleted.push(named(entry));
  return list;
}

/** Adds what differs between two states of one customer to `list`: its field changes, its status change. */
export function compareEntries(previous: SnapshotEntry, after: SnapshotEntry, list: ChangeList): void {
  const changes = fieldChanges(previous, after);
  if (Object.keys(changes).length > 0) list.changed.push({ ...named(after), changes });
  pushStatusChange(statusOf(previous), statusOf(after), after, list);
}

function pushStatusChange(from: CustomerStatus, to: CustomerStatus, entry: SnapshotEntry, list: ChangeList): void {
  if (from === to) return;
  if (to === 'blocked') list.blocked.push(named(entry));
  else if (to === 'deleted') list.deleted.push(named(entry));
  else list.unblocked.push(named(entry));
}
