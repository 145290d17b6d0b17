import type { PreviousLink, RecordRef } from './match-types.js';
import { recordKey } from './match-record.js';

const ID_PATTERN = /^G(\d+)$/;
const formatId = (number: number) => `G${String(number).padStart(8, '0')}`;

export interface AssignedIds {
  /** Per cluster (same order as given), its global id. */
  ids: string[];
  /** Per cluster, the earlier ids it absorbed (clusters joined since the earlier run). */
  merged: string[][];
}

/**
 * Global ids that survive re-runs. A cluster keeps the earlier id its members carried; when members
 * of several earlier clusters are now one, it keeps the smallest of their ids and lists the others as
 * merged; when an earlier cluster was split (a rejection), the part holding most of its records keeps
 * the id (ties: the part whose first record was read first) and the other parts get new ids. New ids
 * continue after the largest earlier one (`G00000001`, …), handed out in the clusters' order, so ids
 * never come back after a record is gone.
 */
export function assignGlobalIds(clusters: ReadonlyArray<readonly RecordRef[]>, previous: readonly PreviousLink[]): AssignedIds {
  const earlier = new Map(previous.map((link) => [recordKey(link), link.globalId]));
  let next = 1;
  for (const link of previous) {
    const number = ID_PATTERN.exec(link.globalId);
    if (number) next = Math.max(next, Number(number[1]) + 1);
  }

  // A first run: every cluster gets the next new id (no per-cluster bookkeeping for millions of clusters).
  if (earlier.size === 0) return { ids: clusters.map(() => formatId(next++)), merged: clusters.map(() => []) };

  // Who owns each earlier id: the cluster with most of its records, then the one listed first.
  const holders = clusters.map((members) => {
    const counts = new Map<string, number>();
    for (const member of members) {
      const id = earlier.get(recordKey(member));
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
  const owner = new Map<string, number>();
  holders.forEach((counts, cluster) => {
    for (const [id, count] of counts) {
      const current = owner.get(id);
      if (current === undefined || count > holders[current]!.get(id)!) owner.set(id, cluster);
    }
  });

  const ids: string[] = [];
  const merged: string[][] = [];
  holders.forEach((counts, cluster) => {
    const owned = [...counts.keys()].filter((id) => owner.get(id) === cluster).sort(compareIds);
    if (owned.length === 0) {
      ids.push(formatId(next++));
      merged.push([]);
    } else {
      ids.push(owned[0]!);
      merged.push(owned.slice(1));
    }
  });
  return { ids, merged };
}

/** G00000002 before G00000010, whatever the padding; other ids after them, as text. */
function compareIds(a: string, b: string): number {
  const numberA = ID_PATTERN.exec(a);
  const numberB = ID_PATTERN.exec(b);
  if (numberA && numberB) return Number(numberA[1]) - Number(numberB[1]);
  if (numberA || numberB) return numberA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
