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
 * u estimated from pairs drawn at random among records of different sources (as Splink does): nearly all
 * of them are non-matches, so each level's share among them is P(level | non-match), free of the blocking
 * bias that makes the candidate pairs agree far more often than unrelated records do. Fields never compared
 * in the sample keep `fallback`'s u. Deterministic: the draw uses a fixed seed.
 */
export function estimateU(
  count: number,
  sourceOf: (index: number) => string,
  compare: (a: number, b: number) => ArrayLike<number>,
  pairs = 20_000,
  fallback: FieldWeights = initialWeights(),
): FieldWeights['u'] {
  const totals = COMPARED_FIELDS.map((field) => new Float64Array(LEVELS[field].length));
  let state = 0x9e3779b9;
  const next = () => {
    // mulberry32: a small, well-mixed generator; fixed seed so that a re-run gives the same weights.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let drawn = 0;
  for (let attempt = 0; count > 1 && drawn < pairs && attempt < pairs * 4; attempt++) {
    const a = Math.floor(next() * count);
    const b = Math.floor(next() * count);
    if (sourceOf(a) === sourceOf(b)) continue;
    drawn++;
    const levels = compare(a, b);
    COMPARED_FIELDS.forEach((_, position) => {
      const level = levels[position]!;
      if (level >= 0) totals[position]![level]! += 1;
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

/** m (or u) from labelled matches (non-matches): each level's share among them; fields never compared keep `fallback`. */
export function levelShares(vectors: readonly ArrayLike<number>[], fallback: FieldWeights['m']): FieldWeights['m'] {
  return patternShares(vectors.map((levels) => ({ levels, count: 1 })), fallback);
}

/** `levelShares` over distinct patterns with their counts: the same shares without one vector per pair. */
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
