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

/** P(match | pattern) under the weights. */
export function matchPosterior(levels: ArrayLike<number>, weights: FieldWeights): number {
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

/** The match weight of one field at one level: log2(m/u); 0 for a null comparison. */
export function fieldWeight(weights: FieldWeights, field: ComparedField, level: number): number {
  return level < 0 ? 0 : Math.log2(weights.m[field][level]! / weights.u[field][level]!);
}

/**
 * Estimates λ, m and u by expectation–maximisation over the candidate pairs' comparison vectors (as
 * Splink does): the E-step gives each pattern its match posterior; the M-step sets λ to the mean
 * posterior and each m (u) to the posterior-weighted (non-match-weighted) share of the pairs at that level
 * among those where the field is not null. Stops when no parameter moves by more than 1e-7, or after
 * `maxIterations`.
 */
export function estimateWeights(patterns: readonly PatternCount[], start: FieldWeights = initialWeights(), maxIterations = 500): { weights: FieldWeights; iterations: number } {
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
      const posterior = matchPosterior(pattern.levels, weights);
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
      next.u[field] = shares(uTotals[position]!, weights.u[field]);
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
