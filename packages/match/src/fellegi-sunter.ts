import { ConfigError } from '@custcode/core';
import { COMPARED_FIELDS, type ComparedField, LEVELS } from './comparison-levels.js';

/**
 * Fellegi–Sunter parameters: λ the share of true matches among the compared pairs; per field and level,
 * m = P(level | match) and u = P(level | non-match).
 */
export interface FieldWeights {
  lambda: number;
  m: Record<ComparedField, number[]>;
  u: Record<ComparedField, number[]>;
}

/** Comparison vectors with how many candidate pairs have each (EM needs only the distinct patterns). */
export interface PatternCount {
  levels: ArrayLike<number>;
  count: number;
}

/** No probability is allowed to reach 0: one unseen level would otherwise veto a match forever. */
const FLOOR = 1e-6;

/** Starting values: a match mostly agrees at the top level, a non-match mostly disagrees. */
export function initialWeights(): FieldWeights {
  const m = {} as Record<ComparedField, number[]>;
  const u = {} as Record<ComparedField, number[]>;
  for (const field of COMPARED_FIELDS) {
    const count = LEVELS[field].length;
    m[field] = LEVELS[field].map((_, level) => (level === count - 1 ? 0.9 : 0.1 / (count - 1)));
    u[field] = LEVELS[field].map((_, level) => (level === 0 ? 0.9 : 0.1 / (count - 1)));
  }
  return { lambda: 0.1, m, u };
}

/**
 * Largest weight |log2(m/u)| one field may carry when scoring. Without a cap a level that random pairs
 * almost never reach (pinyin agreement: u ≈ 1e-5) outvotes every other field, and the probabilities pile
 * up at 0 and 1 with nothing between them to review.
 */
export const WEIGHT_CAP = 8;

/** The match weight of one field at one level: log2(m/u) clipped to ±WEIGHT_CAP; 0 for a null comparison. */
export function fieldWeight(weights: FieldWeights, field: ComparedField, level: number): number {
  if (level < 0) return 0;
  const weight = Math.log2(weights.m[field][level]! / weights.u[field][level]!);
  return Math.max(-WEIGHT_CAP, Math.min(WEIGHT_CAP, weight));
}

/** P(match | pattern) under the weights, each field's weight clipped (fieldWeight). */
export function matchPosterior(levels: ArrayLike<number>, weights: FieldWeights): number {
  let total = Math.log2(weights.lambda / (1 - weights.lambda));
  COMPARED_FIELDS.forEach((field, position) => (total += fieldWeight(weights, field, levels[position]!)));
  return 1 / (1 + 2 ** -total);
}

/** EM's own posterior: unclipped, so that the estimates converge to the model's maximum likelihood. */
function unclippedPosterior(levels: ArrayLike<number>, weights: FieldWeights): number {
  let match = weights.lambda;
  let nonMatch = 1 - weights.lambda;
  COMPARED_FIELDS.forEach((field, position) => {
    const level = levels[position]!;
    if (level < 0) return;
    match *= weights.m[field][level]!;
    nonMatch *= weights.u[field][level]!;
  });
  return match / (match + nonMatch);
}

/**
 * The random pairs u is taken from when too few candidates conflict: drawn among records of different sources, as flat [a0, b0, a1, b1, …]
 * record indices. Deterministic: the draw uses a fixed seed (mulberry32), so that a re-run, or the SQL engine
 * drawing the same pairs by record number, gets the same weights.
 */
export function randomPairSample(count: number, sourceOf: (index: number) => string, pairs = 20_000): number[] {
  let state = 0x9e3779b9;
  const next = () => {
    // mulberry32: a small, well-mixed generator.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sample: number[] = [];
  for (let attempt = 0; count > 1 && sample.length < pairs * 2 && attempt < pairs * 4; attempt++) {
    const a = Math.floor(next() * count);
    const b = Math.floor(next() * count);
    if (sourceOf(a) === sourceOf(b)) continue;
    sample.push(a, b);
  }
  return sample;
}

/**
 * u as the level shares among random pairs' comparison vectors (Laplace-smoothed), as Splink does: nearly all
 * random pairs are non-matches, so each share is P(level | non-match), free of the blocking bias that makes
 * candidate pairs agree far more often than unrelated records do. No pairs at all keep `fallback`'s u.
 */
export function uFromRandomPairs(patterns: readonly PatternCount[], fallback: FieldWeights = initialWeights()): FieldWeights['u'] {
  const totals = COMPARED_FIELDS.map((field) => new Float64Array(LEVELS[field].length));
  let drawn = 0;
  for (const pattern of patterns) {
    drawn += pattern.count;
    COMPARED_FIELDS.forEach((_, position) => {
      const level = pattern.levels[position]!;
      if (level >= 0) totals[position]![level]! += pattern.count;
    });
  }
  const u = {} as FieldWeights['u'];
  COMPARED_FIELDS.forEach((field, position) => {
    // Laplace smoothing: a level never seen among the random pairs is rare, not impossible.
    const smoothed = Array.from(totals[position]!, (value) => value + 0.5);
    u[field] = drawn === 0 ? [...fallback.u[field]] : shares(Float64Array.from(smoothed), fallback.u[field]);
  });
  return u;
}

/** m (or u) from labelled matches (non-matches), as distinct patterns with their counts: each level's share among them; fields never compared keep `fallback`. */
export function patternShares(patterns: readonly PatternCount[], fallback: FieldWeights['m']): FieldWeights['m'] {
  const m = {} as FieldWeights['m'];
  COMPARED_FIELDS.forEach((field, position) => {
    const totals = new Float64Array(LEVELS[field].length);
    for (const { levels, count } of patterns) if (levels[position]! >= 0) totals[levels[position]!]! += count;
    const smoothed = Float64Array.from(totals, (value) => value + 0.5);
    m[field] = totals.some((value) => value > 0) ? shares(smoothed, fallback[field]) : [...fallback[field]];
  });
  return m;
}

/** Labelled pairs from which m (or u) is taken instead of EM: fewer would say more about chance than about the data. */
export const MIN_LABELLED = 20;

/** What the weights are estimated from: comparison vectors (distinct, with counts) of four sets of pairs. */
export interface WeightEvidence {
  /** The blocked candidate pairs (the pairs to score). */
  candidates: readonly PatternCount[];
  /** Candidate pairs whose organisation codes differ: known non-matches that went through the same blocking. */
  conflicting: readonly PatternCount[];
  /** Known matches: pairs a reviewer confirmed and pairs linked by tax id (USCC or organisation code). */
  labelled: readonly PatternCount[];
  /** Random pairs of different sources (randomPairSample), asked for only when `conflicting` has too few. */
  random: () => readonly PatternCount[] | Promise<readonly PatternCount[]>;
}

/**
 * The weights both match engines (JavaScript and SQL) use: u from the conflicting candidates when there are
 * at least MIN_LABELLED, else from random pairs; m from the labelled pairs when there are at least
 * MIN_LABELLED, else by EM over the candidate pairs with u held fixed; λ by EM (with m and u fixed when
 * labelled). Patterns are taken in a canonical order, so that the sums come out the same bits whichever
 * engine counted them.
 */
export async function estimateMatchWeights(evidence: WeightEvidence): Promise<{ weights: FieldWeights; iterations: number }> {
  const start = initialWeights();
  const total = (patterns: readonly PatternCount[]) => patterns.reduce((sum, pattern) => sum + pattern.count, 0);
  start.u = total(evidence.conflicting) >= MIN_LABELLED ? patternShares(evidence.conflicting, start.u) : uFromRandomPairs(await evidence.random(), start);
  const labelled = total(evidence.labelled) >= MIN_LABELLED;
  if (labelled) start.m = patternShares(evidence.labelled, start.m);
  const patterns = canonicalPatterns(evidence.candidates);
  if (!labelled) return estimateWeights(patterns, start, 500, true);
  // λ alone: one EM step per iteration with m and u fixed is the mean posterior, iterated to its fixed point.
  let lambda = start.lambda;
  const count = total(patterns);
  for (let iteration = 0; iteration < 200 && count > 0; iteration++) {
    const weights = { ...start, lambda };
    const next = patterns.reduce((sum, pattern) => sum + matchPosterior(pattern.levels, weights) * pattern.count, 0) / count;
    if (Math.abs(next - lambda) < 1e-7) break;
    lambda = Math.min(0.999, Math.max(1e-6, next));
  }
  return { weights: { ...start, lambda }, iterations: 0 };
}

/** Distinct vectors merged and sorted by their levels: the order EM sums them in. */
export function canonicalPatterns(patterns: readonly PatternCount[]): PatternCount[] {
  const merged = new Map<string, PatternCount>();
  for (const pattern of patterns) {
    const key = Array.from(pattern.levels, (level) => String(level + 1)).join('');
    const known = merged.get(key);
    if (known) known.count += pattern.count;
    else merged.set(key, { levels: Array.from(pattern.levels), count: pattern.count });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pattern]) => pattern);
}

/**
 * Estimates λ, m and u by expectation–maximisation over the candidate pairs' comparison vectors (as
 * Splink does): the E-step gives each pattern its match posterior; the M-step sets λ to the mean
 * posterior and each m (u) to the posterior-weighted (non-match-weighted) share of the pairs at that level
 * among those where the field is not null. Stops when no parameter moves by more than 1e-7, or after
 * `maxIterations`.
 */
export function estimateWeights(
  patterns: readonly PatternCount[],
  start: FieldWeights = initialWeights(),
  maxIterations = 500,
  /** Keep u as given in `start` (estimated from random pairs) and estimate only λ and m. */
  fixU = false,
): { weights: FieldWeights; iterations: number } {
  let weights = start;
  let iterations = 0;
  const total = patterns.reduce((sum, pattern) => sum + pattern.count, 0);
  if (total === 0) return { weights, iterations };
  while (iterations < maxIterations) {
    iterations++;
    const mTotals = COMPARED_FIELDS.map((field) => new Float64Array(LEVELS[field].length));
    const uTotals = COMPARED_FIELDS.map((field) => new Float64Array(LEVELS[field].length));
    let matches = 0;
    for (const pattern of patterns) {
      const posterior = unclippedPosterior(pattern.levels, weights);
      matches += posterior * pattern.count;
      COMPARED_FIELDS.forEach((_, position) => {
        const level = pattern.levels[position]!;
        if (level < 0) return;
        mTotals[position]![level]! += posterior * pattern.count;
        uTotals[position]![level]! += (1 - posterior) * pattern.count;
      });
    }
    const next: FieldWeights = { lambda: clamp(matches / total), m: {} as FieldWeights['m'], u: {} as FieldWeights['u'] };
    COMPARED_FIELDS.forEach((field, position) => {
      next.m[field] = shares(mTotals[position]!, weights.m[field]);
      next.u[field] = fixU ? weights.u[field] : shares(uTotals[position]!, weights.u[field]);
    });
    const moved = largestChange(weights, next);
    weights = next;
    if (moved < 1e-7) break;
  }
  return { weights, iterations };
}

const clamp = (value: number) => Math.min(1 - FLOOR, Math.max(FLOOR, value));

/** Level shares of a field; a field never compared keeps its previous values. */
function shares(totals: Float64Array, previous: readonly number[]): number[] {
  const sum = totals.reduce((a, b) => a + b, 0);
  if (sum === 0) return [...previous];
  const floored = Array.from(totals, (value) => Math.max(FLOOR, value / sum));
  const norm = floored.reduce((a, b) => a + b, 0);
  return floored.map((value) => value / norm);
}

function largestChange(a: FieldWeights, b: FieldWeights): number {
  let moved = Math.abs(a.lambda - b.lambda);
  for (const field of COMPARED_FIELDS) {
    for (let level = 0; level < LEVELS[field].length; level++) {
      moved = Math.max(moved, Math.abs(a.m[field][level]! - b.m[field][level]!), Math.abs(a.u[field][level]! - b.u[field][level]!));
    }
  }
  return moved;
}

/** Checks weights given by the caller: every field with one m and one u per level, each in (0, 1). */
export function checkWeights(weights: FieldWeights): FieldWeights {
  const bad = (value: unknown) => typeof value !== 'number' || !(value > 0 && value < 1);
  if (bad(weights.lambda)) throw new ConfigError({ message: `Match weights: lambda must be a number between 0 and 1 (exclusive); got ${String(weights.lambda)}.`, hint: 'lambda is the share of true matches among the compared pairs, e.g. 0.05.' });
  for (const field of COMPARED_FIELDS) {
    for (const side of ['m', 'u'] as const) {
      const values = weights[side]?.[field];
      if (!Array.isArray(values) || values.length !== LEVELS[field].length || values.some(bad)) {
        throw new ConfigError({
          message: `Match weights: ${side}.${field} must be ${LEVELS[field].length} probabilities between 0 and 1, one per level (${LEVELS[field].join(', ')}).`,
          hint: 'Leave the weights out to estimate them from the data.',
        });
      }
    }
  }
  return weights;
}
