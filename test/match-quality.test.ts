import { describe, expect, it } from 'vitest';
import { match } from '@custcode/match';
// The bench's labelled data generator (plain ESM with a hand-written declaration beside it).
import { generateMatchData, pairwiseQuality } from '../bench/lib/match-data.mjs';

/**
 * Matching quality on the bench's labelled data at small N (fixed seed): 3 sources × 3,000 customers,
 * 30 % of each the same companies typed differently. The bench holds the 1M-row figures; this holds the
 * thresholds so that a change to scoring that loses precision or recall fails here first.
 */
describe('match quality on labelled data', () => {
  const { sources, truth } = generateMatchData({ perSource: 3_000, seed: 7 });

  it('reaches precision ≥ 0.98 and recall ≥ 0.95 with all evidence, and leaves a review band', async () => {
    const result = await match(sources);
    const quality = pairwiseQuality(result.clusters, truth);
    expect(quality.precision).toBeGreaterThanOrEqual(0.98);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.review.length).toBeGreaterThan(0);
    expect(result.summary.weights.estimated).toBe(true);
  });

  it('recalls fewer pairs with the USCC alone than with every kind of evidence', async () => {
    const usccOnly = pairwiseQuality((await match(sources, { evidence: ['uscc'] })).clusters, truth);
    const all = pairwiseQuality((await match(sources)).clusters, truth);
    expect(usccOnly.precision).toBeGreaterThanOrEqual(0.99);
    expect(usccOnly.recall).toBeLessThan(0.8);
    expect(all.recall).toBeGreaterThan(usccOnly.recall + 0.15);
  });
});
