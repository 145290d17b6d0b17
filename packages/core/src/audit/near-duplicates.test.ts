import { describe, expect, it } from 'vitest';
import { findNearDuplicates, type NameRecord } from './near-duplicates.js';

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
});
