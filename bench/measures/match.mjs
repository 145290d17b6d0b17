/**
 * Cross-ERP matching of the labelled data (lib/match-data.mjs: 3 sources, 30 % shared companies) with the
 * given evidence kinds, scored against the held-out truth. BENCH_MATCH_N sets the customers per source
 * (default 1,000,000). The data set is generated once into bench/.data (lib/match-files.mjs, not timed) and
 * streamed from its files during the measurement, as a source's search() stream would be.
 */
import { match } from '@custcode/match';
import { pairwiseQuality } from '../lib/match-data.mjs';
import { readMatchData, writeMatchData } from '../lib/match-files.mjs';

export const MATCH_PER_SOURCE = Number(process.env.BENCH_MATCH_N ?? 1_000_000);

/** The evidence of each row, each adding one kind to the one before. */
export const MATCH_EVIDENCE = {
  uscc: ['uscc'],
  'org-code': ['uscc', 'org-code'],
  'phone-name': ['uscc', 'org-code', 'phone-name'],
  score: ['uscc', 'org-code', 'phone-name', 'score'],
};

export async function prepare(kind) {
  const dir = await writeMatchData({ perSource: MATCH_PER_SOURCE });
  return async () => {
    const { sources, truth } = readMatchData(dir);
    const result = await match(sources, { evidence: MATCH_EVIDENCE[kind] });
    const quality = pairwiseQuality(result.clusters, truth);
    return { rows: result.summary.records, candidatePairs: result.summary.candidatePairs, blockingCapped: result.summary.blockingCapped, review: result.summary.review, ...quality };
  };
}
