import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer-schema.js';
import { CUSTOMER_PAGES, pagedStream, pagesOf } from './customer-pages.js';

const customer = (code: string): Customer => ({ source: 's', erp: 'file', code, name: code, status: 'active', raw: {} });
const collect = async <T>(iterable: AsyncIterable<T>) => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};
const codes = (pages: Customer[][]) => pages.map((page) => page.map((row) => row.code));

async function* plain(count: number): AsyncGenerator<Customer> {
  for (let index = 0; index < count; index++) yield customer(`C${index}`);
}

describe('pagedStream and pagesOf', () => {
  it('groups a plain stream into pages of the given size, the last one short', async () => {
    expect(codes(await collect(pagesOf(plain(5), 2)))).toEqual([['C0', 'C1'], ['C2', 'C3'], ['C4']]);
    expect(await collect(pagesOf(plain(0), 2))).toEqual([]);
  });

  it('reads a paged stream by its own pages, skipping empty ones, or row by row', async () => {
    let produced = 0;
    const pages = async function* () {
      produced += 1;
      yield [customer('A'), customer('B')];
      yield [];
      yield [customer('C')];
    };
    expect(codes(await collect(pagesOf(pagedStream(pages), 1000)))).toEqual([['A', 'B'], ['C']]);
    expect((await collect(pagedStream(pages))).map((row) => row.code)).toEqual(['A', 'B', 'C']);
    expect(produced).toBe(2);
    expect(typeof pagedStream(pages)[CUSTOMER_PAGES]).toBe('function');
  });

  it('counts what was handed out: one per row read, a whole page per page read', async () => {
    const pages = async function* () {
      yield [customer('A'), customer('B'), customer('C')];
      yield [customer('D')];
    };
    let rows = 0;
    for await (const _row of pagedStream(pages, (count) => (rows += count))) if (rows === 2) break;
    expect(rows).toBe(2);
    let paged = 0;
    const first = await pagesOf(pagedStream(pages, (count) => (paged += count))).next();
    expect(first.value).toHaveLength(3);
    expect(paged).toBe(3);
  });

  it('stops the producer when the reader stops early', async () => {
    let finished = false;
    const pages = async function* () {
      try {
        yield [customer('A'), customer('B')];
        yield [customer('C')];
      } finally {
        finished = true;
      }
    };
    for await (const _row of pagedStream(pages)) break;
    expect(finished).toBe(true);
  });
});
