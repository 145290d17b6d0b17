import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer-schema.js';
import { cursorAfter, cursorOf } from './cursor.js';
import { createMemorySource } from './memory-source.js';

const customer = (code: string, name: string, org?: string): Customer => ({ source: 'f', erp: 'file', code, name, status: 'active', raw: {}, ...(org === undefined ? {} : { org }) });

/** A file's rows: several without a code, one code twice, codes with a leading space. */
const ROWS = [
  customer('KH02', '乙'),
  customer('', '无编号一'),
  customer(' KH01', '前导空格'),
  customer('', '无编号二'),
  customer('KH02', '乙（重复）'),
  customer('KH01', '甲'),
  customer('', '无编号三'),
  customer('KH03', '丙'),
];
const ORDER = ['无编号一', '无编号二', '无编号三', '前导空格', '甲', '乙', '乙（重复）', '丙'];

async function names(rows: AsyncIterable<Customer>): Promise<string[]> {
  const result: string[] = [];
  for await (const row of rows) result.push(row.name);
  return result;
}

describe('memory source with rows that share a key', () => {
  it('keeps every row, in code order and then in the order given, across internal pages of one row', async () => {
    for (const pageSize of [1, 2, 3, 1000]) {
      const source = createMemorySource({ name: 'f', customers: ROWS, pageSize });
      expect(await names(source.search()), `page ${pageSize}`).toEqual(ORDER);
      expect(await source.count()).toBe(ROWS.length);
    }
  });

  it('pages with limit + cursorAfter through several empty codes and repeated codes, losing and repeating nothing', async () => {
    for (const limit of [1, 2, 3, 5]) {
      const source = createMemorySource({ name: 'f', customers: ROWS, pageSize: 2 });
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 20; page++) {
        const rows: Customer[] = [];
        for await (const row of source.search({ limit, ...(after === undefined ? {} : { after }) })) rows.push(row);
        seen.push(...rows.map((row) => row.name));
        if (rows.length < limit) break;
        after = cursorAfter(rows, 'as-is', after);
      }
      expect(seen, `limit ${limit}`).toEqual(ORDER);
    }
  });

  it('a record\'s own cursor resumes after every row of its key, a leading space kept', async () => {
    const source = createMemorySource({ name: 'f', customers: ROWS });
    expect(await names(source.search({ after: cursorOf(customer(' KH01', '')) }))).toEqual(['甲', '乙', '乙（重复）', '丙']);
    expect(await names(source.search({ after: cursorOf(customer('', '')) }))).toEqual(['前导空格', '甲', '乙', '乙（重复）', '丙']);
  });

  it('counts the rows of a key among those that match the filter', async () => {
    const source = createMemorySource({ name: 'f', customers: ROWS, pageSize: 1 });
    const first = [];
    for await (const row of source.search({ name: '无编号', limit: 1 })) first.push(row);
    const rest = await names(source.search({ name: '无编号', after: cursorAfter(first, 'as-is') }));
    expect([first[0]!.name, ...rest]).toEqual(['无编号一', '无编号二', '无编号三']);
  });
});
