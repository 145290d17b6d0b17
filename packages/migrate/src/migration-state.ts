import type { Customer } from '@custcode/core';
import type { CompiledRule } from '@custcode/rules';
import type { SequenceStore } from '@custcode/rules';
import type { CrosswalkRow, MigrateOptions, MigrationDecision } from './migration-types.js';
import { rowIdText } from './migration-key.js';

/** One source customer on its way through the migration. */
export interface MigrationEntry {
  key: string;
  /** As read from the source. */
  original: Customer;
  /** After value translations: what the target rule and the import layouts see. */
  customer: Customer;
  row?: CrosswalkRow;
  /** Why the old code was not kept, and numbers passed over: they end up in the row's reason. */
  notes: string[];
}

/** The decided rows by old code, as merges and the near-duplicate review look them up (a Map, or rows spilled to disk). */
export type RowsByOldCode = Pick<ReadonlyMap<string, CrosswalkRow>, 'get' | 'has'>;

/** What the phases of one run share. */
export interface MigrationState {
  rule: CompiledRule;
  store: SequenceStore;
  options: MigrateOptions;
  /** Every new code handed out so far (crosswalk and this run) and every code the target was seen to hold. */
  used: Set<string>;
  skippedNumbers: number;
}

export function decide(
  entry: MigrationEntry,
  decision: MigrationDecision,
  newCode: string,
  reason: string,
  extra: Partial<Pick<CrosswalkRow, 'mergedInto' | 'heldBy'>> = {},
): CrosswalkRow {
  const notes = entry.notes.length > 0 ? `${reason}; ${entry.notes.join('; ')}` : reason;
  entry.row = {
    oldCode: entry.original.code,
    newCode,
    decision,
    reason: notes,
    mergedInto: extra.mergedInto ?? '',
    heldBy: extra.heldBy ?? '',
    review: '',
    name: entry.original.name,
    org: entry.original.org ?? '',
    rowId: rowIdText(entry.original),
    sourceStatus: entry.original.status,
  };
  return entry.row;
}
