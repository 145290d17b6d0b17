import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer-schema.js';
import { compareCodePoints, cursorAfter } from './cursor.js';
import { createMemorySource } from './memory-source.js';
import { textRank } from './text-rank.js';

const customer = (code: string, name: string, shortName?: string): Customer => ({ source: 'f', erp: 'file', code, name, status: 'active', raw: {}, ...(shortName === undefined ? {} : { shortName }) });
const collect = async (rows: AsyncIterable<Customer>) => {
  const found: Customer[] = [];
  for await (const row of rows) found.push(row);
  return found;
};

describe('textRank', () => {
  it('ranks exact code, code prefix, name prefix, word start, contains; undefined without a match', () => {
    expect(textRank(customer('kh01', '无关'), 'KH01')).toBe(0);
    expect(textRank(customer('KH0100', '无关'), 'kh01')).toBe(1);
    expect(textRank(customer('X1', 'Acme Trading'), 'acme')).toBe(2);
    expect(textRank(customer('X1', '无关', 'Acme'), 'acme'), 'short name prefix').toBe(2);
    expect(textRank(customer('X1', 'Global Acme Ltd'), 'acme')).toBe(3);
    expect(textRank(customer('X1', '鑫宇霖光电（重庆）'), '重庆')).toBe(3);
    expect(textRank(customer('X1', 'Megacme'), 'acme')).toBe(4);
    expect(textRank(customer('XKH01', '无关'), 'KH01')).toBe(4);
    expect(textRank(customer('X1', '无关'), 'acme')).toBeUndefined();
  });

  it('pinyin initials rank as a name prefix only from the name start (bj: 北京…, never 立奥铂建材)', () => {
    expect(textRank(customer('X1', '北京华信科技'), 'bj')).toBe(2);
    expect(textRank(customer('X2', '立奥铂建材（长沙）'), 'bj')).toBeUndefined();
  });

  it('counts only the given text fields: a masked name neither matches nor ranks', () => {
    const row = customer('X1', 'Acme Trading', 'Shop Acme');
    expect(textRank(row, 'acme')).toBe(2);
    expect(textRank(row, 'acme', ['code', 'shortName'])).toBe(3);
    expect(textRank(customer('X1', 'Acme'), 'acme', ['code', 'shortName'])).toBeUndefined();
  });
});

describe('compareCodePoints', () => {
  it('orders as binary collations do: past U+FFFF after the rest of the BMP', () => {
    expect(compareCodePoints('𠮷', 'Ａ')).toBe(1);
    expect(compareCodePoints('A', 'B')).toBe(-1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('同', '同')).toBe(0);
  });
});

describe('memory source: sorted search over rows that share a key', () => {
  // A file: three rows without a code (one key), names that order differently from the lines.
  const rows = [customer('', '丙'), customer('K2', '甲'), customer('', '甲'), customer('K1', '乙', 'x'), customer('', '乙'), customer('K3', '丁')];

  it('sorts the whole file, absent values last in both directions, code then line order breaking ties', async () => {
    const source = createMemorySource({ name: 'f', customers: rows, pageSize: 1 });
    const keys = (found: Customer[]) => found.map((row) => `${row.code}:${row.name}`);
    // Code point order (丁 U+4E01, 丙 U+4E19, 乙 U+4E59, 甲 U+7532), as binary collations order; the empty code first among equal names.
    expect(keys(await collect(source.search({ sort: [{ field: 'name' }] })))).toEqual(['K3:丁', ':丙', ':乙', 'K1:乙', ':甲', 'K2:甲']);
    const byShort = keys(await collect(source.search({ sort: [{ field: 'shortName', direction: 'desc' }] })));
    expect(byShort[0]).toBe('K1:乙');
    expect(byShort.slice(1)).toEqual([':丙', ':甲', ':乙', 'K2:甲', 'K3:丁']);
  });

  it('pages one row at a time through rows with equal sort values and keys, none repeated or lost', async () => {
    const source = createMemorySource({ name: 'f', customers: [...rows, customer('', '甲'), customer('', '甲')], pageSize: 2 });
    const query = { sort: [{ field: 'name' as const }] };
    const whole = (await collect(source.search(query))).map((row) => `${row.code}:${row.name}`);
    const paged: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const found = await collect(source.search({ ...query, limit: 1, ...(after === undefined ? {} : { after }) }));
      if (found.length === 0) break;
      paged.push(...found.map((row) => `${row.code}:${row.name}`));
      after = cursorAfter(found, 'as-is', after, query);
    }
    expect(paged).toEqual(whole);
    expect(paged.filter((key) => key === ':甲')).toHaveLength(3);
  });
});
