import type { Customer } from '@custcode/core';
import type { MatchCluster } from '@custcode/match';

export interface MatchDataOptions { perSource: number; sources?: number; overlap?: number; seed?: number }
/** What `pairwiseQuality` reads of the truth: a Map, or an IndexedTruth. */
export interface TruthLookup { get(key: string): number | undefined; values(): Iterable<number> }

export function matchDataRecords(options: MatchDataOptions): Generator<{ source: string; customer: Customer; company: number }>;
export function generateMatchData(options: MatchDataOptions): {
  sources: Array<{ name: string; customers: Customer[] }>;
  truth: Map<string, number>;
};
export class IndexedTruth implements TruthLookup {
  constructor(bySource: ReadonlyMap<string, Int32Array>);
  get(key: string): number | undefined;
  values(): Generator<number>;
}
export function pairwiseQuality(clusters: readonly MatchCluster[], truth: TruthLookup): { precision: number; recall: number; predictedPairs: number; truePairs: number };
