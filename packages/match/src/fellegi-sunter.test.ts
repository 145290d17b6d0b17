import { describe, expect, it } from 'vitest';
import { customer } from './customer.fixture.js';
import { compareRecords } from './comparison-levels.js';
import { estimateWeights, fieldWeight, type FieldWeights, initialWeights, matchPosterior, type PatternCount, patternShares, randomPairSample, uFromRandomPairs, WEIGHT_CAP } from './fellegi-sunter.js';

/** u as both engines take it from random pairs: the seeded draw, each pair compared, the smoothed shares. */
function uFromSample(count: number, sourceOf: (index: number) => string, compare: (a: number, b: number) => ArrayLike<number>, pairs: number): FieldWeights['u'] {
  const sample = randomPairSample(count, sourceOf, pairs);
  const patterns: PatternCount[] = [];
  for (let index = 0; index < sample.length; index += 2) patterns.push({ levels: compare(sample[index]!, sample[index + 1]!), count: 1 });
  return uFromRandomPairs(patterns);
}
import { toMatchRecord } from './match-record.js';

/** A comparison vector over (name, pinyin, address, phone, category, region) with only pinyin, phone and category compared. */
const vector = (pinyin: number, phone: number, category: number) => [-1, pinyin, -1, phone, category, -1];

/**
 * 5,000 pairs drawn exactly from a model with λ = 0.2 and, for each of the three fields, m(agree) = 0.9 and
 * u(agree) = 0.1. Matches (1,000): 729 agree on all three, 81 on each two, 9 on each one, 1 on none.
 * Non-matches (4,000): 4 on all three, 36 on each two, 324 on each one, 2,916 on none.
 */
const PATTERNS: PatternCount[] = [
  { levels: vector(1, 1, 1), count: 729 + 4 },
  { levels: vector(1, 1, 0), count: 81 + 36 },
  { levels: vector(1, 0, 1), count: 81 + 36 },
  { levels: vector(0, 1, 1), count: 81 + 36 },
  { levels: vector(1, 0, 0), count: 9 + 324 },
  { levels: vector(0, 1, 0), count: 9 + 324 },
  { levels: vector(0, 0, 1), count: 9 + 324 },
  { levels: vector(0, 0, 0), count: 1 + 2916 },
];

function startingAt(lambda: number, agreeIfMatch: number, agreeIfNot: number): FieldWeights {
  const start = initialWeights();
  for (const field of ['pinyin', 'phone', 'category'] as const) {
    start.m[field] = [1 - agreeIfMatch, agreeIfMatch];
    start.u[field] = [1 - agreeIfNot, agreeIfNot];
  }
  return { ...start, lambda };
}

describe('estimateWeights (EM)', () => {
  it('recovers λ, m and u of data drawn exactly from the model', () => {
    const { weights, iterations } = estimateWeights(PATTERNS, startingAt(0.5, 0.7, 0.3));
    expect(weights.lambda).toBeCloseTo(0.2, 4);
    for (const field of ['pinyin', 'phone', 'category'] as const) {
      expect(weights.m[field][1]).toBeCloseTo(0.9, 4);
      expect(weights.u[field][1]).toBeCloseTo(0.1, 4);
    }
    expect(iterations).toBeGreaterThan(1);
  });

  it('leaves the weights of fields never compared where they started', () => {
    const start = startingAt(0.5, 0.7, 0.3);
    const { weights } = estimateWeights(PATTERNS, start);
    expect(weights.m.name).toEqual(start.m.name);
    expect(weights.u.address).toEqual(start.u.address);
  });
});

describe('matchPosterior and fieldWeight', () => {
  const truth = startingAt(0.2, 0.9, 0.1);

  it('gives P(match | all three agree) = 0.2·0.9³ / (0.2·0.9³ + 0.8·0.1³)', () => {
    // 0.1458 / (0.1458 + 0.0008) = 0.994543
    expect(matchPosterior(vector(1, 1, 1), truth)).toBeCloseTo(0.994543, 6);
  });

  it('gives P(match | one of three agrees) = 0.2·0.9·0.1² / (0.2·0.9·0.1² + 0.8·0.1·0.9²)', () => {
    // 0.0018 / (0.0018 + 0.0648) = 0.027027
    expect(matchPosterior(vector(1, 0, 0), truth)).toBeCloseTo(0.027027, 6);
  });

  it('weighs an agreement log2(m/u) and a null comparison nothing', () => {
    expect(fieldWeight(truth, 'phone', 1)).toBeCloseTo(Math.log2(9), 10);
    expect(fieldWeight(truth, 'phone', 0)).toBeCloseTo(-Math.log2(9), 10);
    expect(fieldWeight(truth, 'phone', -1)).toBe(0);
  });
});

describe('compareRecords', () => {
  const record = (fields: Parameters<typeof customer>[1]) => toMatchRecord(0, 's', customer('1', fields), new Set());

  it('puts names equal after normalisation at the exact level, and a traditional spelling at the same pinyin', () => {
    const levels = compareRecords(record({ name: '北京華信科技有限公司', region: '北京' }), record({ name: '华信科技（北京）有限责任公司' }));
    // name: 華信科技 vs 华信科技 differ in one of 4 characters: similarity 0.75 ≥ 0.65, fuzzy (1).
    // pinyin: huaxinkeji both (1). address, phone, category: null. region: 北京 vs the place in the name, 北京 (1).
    expect(Array.from(levels)).toEqual([1, 1, -1, -1, -1, 1]);
  });

  it('treats a missing value as null, not as a disagreement', () => {
    const levels = compareRecords(record({ name: '远大物流', phone: '13912345678', category: '01' }), record({ name: '远大物流', category: '02' }));
    expect(Array.from(levels)).toEqual([3, 1, -1, -1, 0, -1]);
  });
});

describe('u from random pairs, level shares, clipped weights', () => {
  it('estimates u from pairs of different sources only, smoothed by +0.5 per level', () => {
    // 4 records, sources x x y y; every cross-source pair agrees on pinyin (level 1), never on anything else compared.
    const sourceOf = (index: number) => (index < 2 ? 'x' : 'y');
    const seen: Array<[number, number]> = [];
    const u = uFromSample(4, sourceOf, (a, b) => (seen.push([a, b]), vector(1, 0, -1)), 100);
    expect(seen.every(([a, b]) => sourceOf(a) !== sourceOf(b))).toBe(true);
    expect(seen).toHaveLength(100);
    // pinyin: differ 0 + 0.5, same 100 + 0.5 → 0.5 / 101 and 100.5 / 101.
    expect(u.pinyin[1]).toBeCloseTo(100.5 / 101, 6);
    expect(u.phone[0]).toBeCloseTo(100.5 / 101, 6);
    // category is always null: both levels have only their +0.5, equal shares.
    expect(u.category).toEqual([0.5, 0.5]);
  });

  it('keeps the fallback u when there is only one source', () => {
    expect(uFromSample(5, () => 'x', () => vector(1, 1, 1), 10).pinyin).toEqual(initialWeights().u.pinyin);
  });

  it('takes level shares from labelled pairs, +0.5 each, fields never compared keep the fallback', () => {
    const m = patternShares([vector(1, 1, -1), vector(1, 0, -1), vector(0, 1, -1)].map((levels) => ({ levels, count: 1 })), initialWeights().m);
    expect(m.pinyin).toEqual([1.5 / 4, 2.5 / 4]);
    expect(m.category).toEqual(initialWeights().m.category);
  });

  it('clips a field weight to ±WEIGHT_CAP, in the posterior too', () => {
    const weights = startingAt(0.5, 0.999999, 1e-6);
    expect(fieldWeight(weights, 'pinyin', 1)).toBe(WEIGHT_CAP);
    expect(fieldWeight(weights, 'pinyin', 0)).toBe(-WEIGHT_CAP);
    // λ = 0.5: log odds = one capped field → 1 / (1 + 2^-8).
    expect(matchPosterior([-1, 1, -1, -1, -1, -1], weights)).toBeCloseTo(1 / (1 + 2 ** -WEIGHT_CAP), 9);
  });
});
