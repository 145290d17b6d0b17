import { describe, expect, it } from 'vitest';
import { blockRecords, candidatePairs } from './blocking.js';
import { comparePatternOf, compareRecords, patternLevels } from './comparison-levels.js';
import { recordKeys } from './record-keys.js';
import { customer } from './customer.fixture.js';
import { toMatchRecord } from './match-record.js';

const records = (rows: Array<[string, string]>) => rows.map(([source, name], index) => toMatchRecord(index, source, customer(String(index), { name }), new Set()));

describe('candidatePairs', () => {
  it('pairs records of different sources with equal, one-typo or neighbouring names, never within a source', () => {
    const pairs = candidatePairs(records([
      ['u8', '星辰科技有限公司'],
      ['sap', '星晨科技有限公司'], // one substitution: 星辰科技 / 星晨科技
      ['u8', '星辰科技股份有限公司'], // same core as record 0, same source
      ['k3', '远大物流'],
    ]));
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).toContainEqual([1, 2]);
    expect(pairs).not.toContainEqual([0, 2]);
  });
});

describe('blockRecords', () => {
  it('compares a newcomer with at most the first 50 records of its block and counts the comparisons left out', () => {
    // 60 records of one name, alternating between two sources: newcomer n meets min(n, 50) earlier members.
    const rows = Array.from({ length: 60 }, (_, index): [string, string] => [index % 2 === 0 ? 'u8' : 'sap', '同名贸易有限公司']);
    const { left, right, capped } = blockRecords(records(rows));
    // Left out: newcomers 51…59 each skip members 50…n−1, i.e. 1 + 2 + … + 9 comparisons, counted once per key
    // that groups them (name and pinyin: the fuzzy rules see one distinct name and add nothing).
    expect(capped).toBe(2 * 45);
    expect(left.length).toBe(right.length);
    for (let pair = 0; pair < left.length; pair++) {
      expect(left[pair]!).toBeLessThan(right[pair]!);
      expect((left[pair]! + right[pair]!) % 2).toBe(1); // never within a source
    }
    // Record 59 (sap) meets the first 50 only: the u8 records among 0…49.
    expect([...left].filter((_, pair) => right[pair] === 59)).toEqual(Array.from({ length: 25 }, (_, index) => index * 2));
  });

  it('compares interned keys exactly as the records compare', () => {
    const built = records([
      ['u8', '北京星辰科技有限公司'],
      ['sap', '星晨科技（北京）有限公司'],
      ['k3', 'Beijing Xingchen Technology Co., Ltd.'],
      ['sap', ''],
    ]);
    const keys = recordKeys(built);
    for (let a = 0; a < built.length; a++) {
      for (let b = 0; b < built.length; b++) {
        expect(patternLevels(comparePatternOf(keys, a, b))).toEqual(compareRecords(built[a]!, built[b]!));
      }
    }
  });
});
