import { describe, expect, it } from 'vitest';
import { itemsOfBatches } from './items-of-batches.js';

async function* batches<T>(arrays: T[][], log: string[] = []): AsyncGenerator<T[]> {
  try {
    for (const array of arrays) {
      log.push(`batch ${array.length}`);
      yield array;
    }
  } finally {
    log.push('closed');
  }
}

describe('itemsOfBatches', () => {
  it('hands out every item in order, across empty batches', async () => {
    const items: number[] = [];
    for await (const item of itemsOfBatches(batches([[1, 2], [], [3], [4, 5, 6]]))) items.push(item);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('answers overlapping next() calls in order, and done after the last item', async () => {
    const iterator = itemsOfBatches(batches([[1], [2, 3], [4]]));
    const answers = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(answers).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: false, value: 3 },
      { done: false, value: 4 },
      { done: true, value: undefined },
    ]);
    // A call made while an overlapping one still waits must not overtake it.
    const again = itemsOfBatches(batches([[1, 2, 3]]));
    const first = again.next();
    const second = again.next();
    expect(await again.next()).toEqual({ done: false, value: 3 });
    expect([await first, await second]).toEqual([{ done: false, value: 1 }, { done: false, value: 2 }]);
  });

  it('closes the batch stream when the reader stops early, without reading further batches', async () => {
    const log: string[] = [];
    for await (const item of itemsOfBatches(batches([[1, 2], [3]], log))) if (item === 1) break;
    expect(log).toEqual(['batch 2', 'closed']);
  });

  it('passes a failure of the batch stream to the reader, then is done', async () => {
    async function* failing(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error('lookup failed');
    }
    const iterator = itemsOfBatches(failing());
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    await expect(iterator.next()).rejects.toThrow('lookup failed');
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});
