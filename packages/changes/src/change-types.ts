import type { CustomerStatus } from '@custcode/core';

/** Fields a snapshot keeps and compares (not updatedAt: it moves with every edit and says nothing by itself). */
export const SNAPSHOT_FIELDS = ['name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt'] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/** One customer in a snapshot: its key (code, org) and the compared fields. */
export interface SnapshotEntry {
  code: string;
  org?: string;
  fields: Partial<Record<SnapshotField, string>>;
}

/** A customer named in a change list. */
export interface ChangedCustomer {
  code: string;
  org?: string;
  name: string;
  status: CustomerStatus;
}

export interface FieldChange {
  from: string | null;
  to: string | null;
}

/** A customer whose fields changed: which ones, old → new (`code` when a code was renumbered). */
export interface ModifiedCustomer extends ChangedCustomer {
  changes: Partial<Record<SnapshotField | 'code', FieldChange>>;
}

/** What changed in a source; the JSON that `changes --json` prints and `--notify` sends. */
export interface ChangeList {
  source: string;
  erp: string;
  /** `snapshot`: compared with an earlier snapshot; `since`: inferred from the ERP's modified/created columns. */
  mode: 'snapshot' | 'since';
  /** The `--since` date, or when the snapshot was taken (if it says). */
  since: string | null;
  generatedAt: string;
  added: ChangedCustomer[];
  changed: ModifiedCustomer[];
  blocked: ChangedCustomer[];
  unblocked: ChangedCustomer[];
  deleted: ChangedCustomer[];
  /** What this mode cannot see. */
  limitations: string[];
}

export const CHANGE_KINDS = ['added', 'changed', 'blocked', 'unblocked', 'deleted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Whether a change list has anything to report. */
export function hasChanges(list: ChangeList): boolean {
  return CHANGE_KINDS.some((kind) => list[kind].length > 0);
}
