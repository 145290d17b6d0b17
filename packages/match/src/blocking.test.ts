import { describe, expect, it } from 'vitest';
import { candidatePairs } from './blocking.js';
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
