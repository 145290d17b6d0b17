import type { MigrationDecisionInput } from './migration-types.js';
import { decide, type MigrationEntry, type MigrationState, type RowsByOldCode } from './migration-state.js';
import { describeHolder, targetHolders } from './target-holders.js';

/** A chain of merges longer than this is a loop in the decisions file. */
const MAX_CHAIN = 20;

/**
 * Gives each `merge` decision's customer the number of the customer it is merged into: another source
 * customer (following chains of merges), a customer only the crosswalk still has, or a target record.
 * Runs after every other customer has its number.
 */
export async function resolveMerges(
  state: MigrationState,
  merging: Array<[MigrationEntry, MigrationDecisionInput]>,
  rowsByOldCode: RowsByOldCode,
): Promise<void> {
  const mergeOf = new Map(merging.map(([entry, decision]) => [entry.original.code, decision.into as string]));
  const numberOf = (code: string): { code: string; via: string } | undefined => {
    // Merged into its own code: the customer is the target record that holds that code.
    if (mergeOf.get(code) === code) return undefined;
    let current = code;
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      const next = mergeOf.get(current);
      if (next !== undefined) {
        current = next;
        continue;
      }
      const row = rowsByOldCode.get(current);
      return row && row.newCode !== '' ? { code: row.newCode, via: current } : undefined;
    }
    return undefined;
  };
  const unresolved = merging.filter(([entry]) => numberOf(entry.original.code) === undefined).map(([, decision]) => decision.into as string);
  const holders = await targetHolders(state.options.target, unresolved, state.options.targetOrg);
  for (const [entry, decision] of merging) {
    const into = decision.into as string;
    const found = numberOf(entry.original.code);
    if (found) {
      const chain = found.via === into ? '' : ` (which is merged into ${found.via})`;
      decide(entry, 'merged-into', found.code, `merged into ${into}${chain} by decision`, { mergedInto: into });
      continue;
    }
    const holder = holders.get(into);
    if (holder) {
      decide(entry, 'merged-into', holder.code, `merged into target record ${describeHolder(holder)} by decision`, { mergedInto: into });
    } else {
      const why = mergeOf.has(into) || rowsByOldCode.has(into) ? `${into} has no number (a conflict or a merge loop)` : `${into} is in neither the source, the crosswalk nor the target`;
      decide(entry, 'conflict', '', `cannot merge: ${why}`, { mergedInto: into });
    }
  }
}
