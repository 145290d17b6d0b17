import type { Customer } from '@custcode/core';
import type { MatchCluster } from '@custcode/match';

export function generateMatchData(options: { perSource: number; sources?: number; overlap?: number; seed?: number }): {
  sources: Array<{ name: string; customers: Customer[] }>;
  truth: Map<string, number>;
};
export function pairwiseQuality(clusters: readonly MatchCluster[], truth: ReadonlyMap<string, number>): { precision: number; recall: number; predictedPairs: number; truePairs: number };
