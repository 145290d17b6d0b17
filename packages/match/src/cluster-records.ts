import { UnionFind } from '@custcode/audit';
import type { EvidenceKind } from './match-types.js';

/** A link between two records, strongest first in the order they are applied. */
export interface Edge {
  a: number;
  b: number;
  kind: EvidenceKind;
  /** 1 for confirmed and deterministic links, else the match probability. */
  score: number;
  /** The evidence in words; for a scored link '' until needed (then from `pair`'s levels: most links are never shown). */
  detail: string;
  /** A scored link's index among the candidate pairs. */
  pair?: number;
}

export interface Clustering {
  /** Cluster members (record indices, ascending), clusters in the order of their smallest member. */
  clusters: number[][];
  /** Per record, the strongest applied edge touching it, or undefined for a record alone. */
  joinedBy: Array<Edge | undefined>;
  /** The edges that joined two clusters (a spanning forest of the clusters). */
  applied: Edge[];
  /** Edges not applied because they would have put a rejected pair in one cluster. */
  blocked: number;
}

/**
 * Connected components of the edges, applied strongest first (the caller's order), with cannot-link
 * constraints: an edge that would join two clusters holding the two records of a rejected pair is
 * dropped, so a reviewer's rejection holds even when other evidence would connect the pair indirectly.
 */
export function clusterRecords(count: number, edges: readonly Edge[], rejected: ReadonlyArray<readonly [number, number]>): Clustering {
  const sets = new UnionFind(count);
  // Per cluster root, the records its members must never share a cluster with.
  const forbidden = new Map<number, Set<number>>();
  for (const [a, b] of rejected) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const set = forbidden.get(from) ?? new Set<number>();
      set.add(to);
      forbidden.set(from, set);
    }
  }
  const conflicts = (rootA: number, rootB: number) => [...(forbidden.get(rootA) ?? [])].some((record) => sets.find(record) === rootB);

  const joinedBy: Array<Edge | undefined> = new Array(count);
  const applied: Edge[] = [];
  let blocked = 0;
  for (const edge of edges) {
    const rootA = sets.find(edge.a);
    const rootB = sets.find(edge.b);
    if (rootA === rootB) continue;
    if (conflicts(rootA, rootB) || conflicts(rootB, rootA)) {
      blocked++;
      continue;
    }
    const root = sets.union(rootA, rootB);
    const merged = new Set([...(forbidden.get(rootA) ?? []), ...(forbidden.get(rootB) ?? [])]);
    forbidden.delete(rootA);
    forbidden.delete(rootB);
    if (merged.size > 0) forbidden.set(root, merged);
    applied.push(edge);
    joinedBy[edge.a] ??= edge;
    joinedBy[edge.b] ??= edge;
  }

  const byRoot = new Map<number, number[]>();
  for (let record = 0; record < count; record++) {
    const root = sets.find(record);
    const members = byRoot.get(root);
    if (members) members.push(record);
    else byRoot.set(root, [record]);
  }
  return { clusters: [...byRoot.values()], joinedBy, applied, blocked };
}
