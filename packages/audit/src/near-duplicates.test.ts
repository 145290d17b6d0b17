import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyNameKey } from './company-name.js';
import { findNearDuplicates, type NameRecord } from './near-duplicates.js';
import { editSimilarity } from './similarity.js';
import { pinyinKey } from './pinyin-key.js';

const record = (code: string, name: string, taxKey = ''): NameRecord => ({ code, codeKey: code, name, matchName: name, taxKey });

describe('findNearDuplicates', () => {
  it('finds a one-character typo however many names sort between the two', () => {
    const crowd: NameRecord[] = [];
    // Names that sort between 海夏琛光电 and 海辰琛光电, forwards and backwards, each at least two edits away.
    for (let offset = 1; offset <= 30; offset++) {
      const between = String.fromCharCode('夏'.charCodeAt(0) + offset * 97);
      crowd.push(record(`F${offset}`, `北京海${between}${'甲乙丙丁戊己庚辛壬癸'[offset % 10]}${'子丑寅卯辰巳午未申酉'[offset % 10]}有限公司`));
      crowd.push(record(`R${offset}`, `北京${'金木水火土'[offset % 5]}${between}琛光电有限公司`));
    }
    const found = findNearDuplicates([record('A', '北京海夏琛光电有限公司'), ...crowd, record('B', '北京海辰琛光电有限公司')], { window: 1 });
    expect(found).toContainEqual({ codes: ['A', 'B'], names: ['北京海夏琛光电有限公司', '北京海辰琛光电有限公司'], reason: 'similar-name', score: 0.8 });
  });

  it('does not link names two edits apart, nor the same name in two cities', () => {
    const found = findNearDuplicates([
      record('A', '北京星辰科技有限公司'), record('B', '北京星光电子有限公司'),
      record('C', '上海瑞丰贸易有限公司'), record('D', '深圳瑞丰贸易有限公司'),
    ]);
    expect(found).toEqual([]);
  });

  it('keeps the strongest evidence and the weakest link of a group', () => {
    const found = findNearDuplicates([
      record('A', '杭州永安达物流有限公司', 'TAX1'), record('B', '永安达物流（杭州）有限公司'), record('C', '杭州永宁达物流有限公司'), record('D', 'Other', 'TAX1'),
    ]);
    expect(found).toEqual([{ codes: ['A', 'B', 'C', 'D'], names: ['杭州永安达物流有限公司', '永安达物流（杭州）有限公司', '杭州永宁达物流有限公司', 'Other'], reason: 'same-tax-id', score: 0.8 }]);
  });

  it('never groups records that share a code (those are duplicates)', () => {
    expect(findNearDuplicates([record('A', '北京星辰科技有限公司'), record('A', '星辰科技(北京)有限公司')])).toEqual([]);
  });

  it('finds the same-city pair whichever record comes first (a namesake in another city first hid it)', () => {
    const beijing = record('KH000001', '北京中科纺织有限责任公司');
    const nanjing = [record('KH000002', '南京中科纺织有限公司'), record('KH000003', '南京中科纺织股份有限公司')];
    const expected = [{ codes: ['KH000002', 'KH000003'], names: ['南京中科纺织有限公司', '南京中科纺织股份有限公司'], reason: 'same-name', score: 1 }];
    expect(findNearDuplicates([beijing, ...nanjing])).toEqual(expected);
    expect(findNearDuplicates([...nanjing, beijing])).toEqual(expected);
  });

  it('brings names that sound the same together: traditional characters, and names typed in pinyin', () => {
    const found = findNearDuplicates([
      record('A', '北京华信有限公司'), record('B', '北京華信有限公司'), record('C', 'Beijing Huaxin Co., Ltd.'), record('D', '上海华信有限公司'),
    ]);
    expect(found).toEqual([{ codes: ['A', 'B', 'C'], names: ['北京华信有限公司', '北京華信有限公司', 'Beijing Huaxin Co., Ltd.'], reason: 'similar-name', score: 1 }]);
  });
});

// A small vocabulary, so that random records often share or nearly share a name, a place, a code or a tax id.
const CORES = ['中科纺织', '中科纺识', '中科纺织品', '华信', '華信', 'huaxin', '星辰科技', '星晨科技', '瑞丰贸易', '永安达物流', '永宁达物流'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '（集团）有限公司', ''];
const arbitraryRecord = fc.record({
  code: fc.constantFrom('K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'k1'),
  core: fc.constantFrom(...CORES),
  place: fc.constantFrom('', '北京', '南京', '北京市'),
  bracketed: fc.boolean(),
  form: fc.constantFrom(...FORMS),
  tax: fc.constantFrom('', '', '', 'T1', 'T2'),
}).map(({ code, core, place, bracketed, form, tax }): NameRecord => {
  const name = bracketed && place !== '' ? `${core}（${place}）${form}` : `${place}${core}${form}`;
  return { code, codeKey: code.toUpperCase(), name, matchName: name, taxKey: tax };
});

/**
 * The definition, pair by pair (for a few distinct names, so that blocking compares every pair): two
 * records with different codes are linked by the same tax id, or names that are equal, similar or
 * sound the same in places that agree; groups are the connected components, with the strongest reason
 * and the lowest score of their links.
 */
function bruteForce(records: readonly NameRecord[]): Array<{ members: string[]; reason: string; score: number }> {
  const keys = records.map((item) => companyNameKey(item.matchName));
  const parent = records.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : find(parent[index]!));
  const evidence = records.map(() => ({ rank: 0, score: 1 }));
  const ranks = ['', 'similar-name', 'same-name', 'same-tax-id'];
  for (let a = 0; a < records.length; a++) {
    for (let b = a + 1; b < records.length; b++) {
      if (records[a]!.codeKey === records[b]!.codeKey) continue;
      const [left, right] = [keys[a]!, keys[b]!];
      const placesAgree = left.place === null || right.place === null || left.place === right.place;
      // Every kind of evidence a pair has counts: the strongest sets the reason, the weakest the score.
      let rank = 0;
      let score = 1;
      if (records[a]!.taxKey !== '' && records[a]!.taxKey === records[b]!.taxKey) rank = 3;
      if (placesAgree && left.core.length >= 2 && left.core === right.core) rank = Math.max(rank, 2);
      if (placesAgree && left.core !== right.core && left.core.length >= 4 && right.core.length >= 4 && editSimilarity(left.core, right.core) >= 0.8) {
        rank = Math.max(rank, 1);
        score = Math.round(editSimilarity(left.core, right.core) * 1000) / 1000;
      }
      if (placesAgree && left.core !== right.core && left.core.length >= 2 && right.core.length >= 2 && pinyinKey(left.core) !== '' && pinyinKey(left.core) === pinyinKey(right.core)) rank = Math.max(rank, 1);
      if (rank === 0) continue;
      const [rootA, rootB] = [find(a), find(b)];
      const merged = { rank: Math.max(rank, evidence[rootA]!.rank, evidence[rootB]!.rank), score: Math.min(score, evidence[rootA]!.score, evidence[rootB]!.score) };
      parent[rootB] = rootA;
      evidence[rootA] = merged;
    }
  }
  const groups = new Map<number, string[]>();
  records.forEach((item, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), item.codeKey]));
  return [...groups].filter(([root]) => evidence[root]!.rank > 0)
    .map(([root, codes]) => ({ members: [...new Set(codes)].sort(), reason: ranks[evidence[root]!.rank]!, score: evidence[root]!.score }))
    .sort(byGroup);
}

type Group = { members: string[]; reason: string; score: number };
const byGroup = (a: Group, b: Group) => (`${a.members.join()} ${a.reason} ${a.score}` < `${b.members.join()} ${b.reason} ${b.score}` ? -1 : 1);

describe('findNearDuplicates is a function of the set of records', () => {
  it('gives the same groups, reasons and scores whatever the order', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRecord, { minLength: 2, maxLength: 14 }).chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length }))),
        ([records, shuffled]) => {
          expect(findNearDuplicates(shuffled)).toEqual(findNearDuplicates(records));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('links every pair the evidence links (checked pair by pair)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { minLength: 2, maxLength: 12 }), (records) => {
        const found = findNearDuplicates(records).map((group) => ({ members: group.codes.map((code) => code.toUpperCase()).sort(), reason: group.reason, score: group.score }));
        expect(found.sort(byGroup)).toEqual(bruteForce(records));
      }),
      { numRuns: 400 },
    );
  });
});
