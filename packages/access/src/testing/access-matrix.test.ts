import { describe, expect, it } from 'vitest';
import { leakedNeedles } from './access-matrix.js';

describe('leakedNeedles', () => {
  it('finds the same needles with and without its index (many needles, short ones, any case, any position)', () => {
    const output = '{"name":"丰**","raw":{"MNEMONIC":"FBLMY"},"phone":"0571-86021000"}\n abc';
    const planted = ['fblmy', '86021000', 'ab', '"raw"', 'abc'];
    const absent = Array.from({ length: 400 }, (_, index) => `丰贝澜${index}`);
    const needles = [...absent.slice(0, 200), ...planted, ...absent.slice(200)];
    expect(leakedNeedles(output, needles)).toEqual(planted);
    expect(leakedNeedles(output, planted)).toEqual(planted);
    expect(leakedNeedles(output, absent)).toEqual([]);
  });
});
