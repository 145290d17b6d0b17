import type { NearDuplicateFinding } from '@custcode/audit';
import type { RowsByOldCode } from './migration-state.js';
import type { CrosswalkRow, DecisionAction } from './migration-types.js';

const REVIEWING: ReadonlySet<DecisionAction> = new Set(['merge', 'separate']);

/**
 * Flags near-duplicates for a merge decision instead of merging them: in each group, the members without a
 * `merge` / `separate` decision (and not merged earlier) are flagged while more than one of them is left.
 * Returns how many groups are still undecided.
 */
export function flagNearDuplicates(
  groups: readonly NearDuplicateFinding[],
  rowsByOldCode: RowsByOldCode,
  decisions: ReadonlyMap<string, DecisionAction>,
): number {
  let undecidedGroups = 0;
  for (const group of groups) {
    const open = group.codes.filter((code) => {
      const decision = decisions.get(code);
      const row = rowsByOldCode.get(code);
      return row !== undefined && row.decision !== 'merged-into' && !(decision && REVIEWING.has(decision));
    });
    if (open.length < 2) continue;
    undecidedGroups += 1;
    for (const code of open) {
      const others = group.codes.filter((other) => other !== code);
      const row = rowsByOldCode.get(code) as CrosswalkRow;
      const flag = `near-duplicate of ${others.join(', ')} (${group.reason}, score ${group.score.toFixed(2)}): decide merge or separate`;
      row.review = row.review === '' ? flag : `${row.review}; ${flag}`;
    }
  }
  return undecidedGroups;
}
