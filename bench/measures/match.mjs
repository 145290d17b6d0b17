/**
 * Cross-ERP matching of the labelled data (lib/match-data.mjs: 3 sources, 30 % shared companies) with the
 * given evidence kinds, scored against the held-out truth. BENCH_MATCH_N sets the customers per source
 * (default 1,000,000).
 */
import { match } from '@custcode/match';
import { generateMatchData, pairwiseQuality } from '../lib/match-data.mjs';

export const MATCH_PER_SOURCE = Number(process.env.BENCH_MATCH_N ?? 1_000_000);

/** The evidence of each row, each adding one kind to the one before. */
export const MATCH_EVIDENCE = {
  uscc: ['uscc'],
  'org-code': ['uscc', 'org-code'],
  'phone-name': ['uscc', 'org-code', 'phone-name'],
  score: ['uscc', 'org-code', 'phone-name', 'score'],
};

export function prepare(kind) {
  const { sources, truth } = generateMatchData({ perSource: MATCH_PER_SOURCE });
  return async () => {
    const result = await match(sources, { evidence: MATCH_EVIDENCE[kind] });
    const quality = pairwiseQuality(result.clusters, truth);
    return { rows: result.summary.records, candidatePairs: result.summary.candidatePairs, review: result.summary.review, ...quality };
  };
}
