import { describe, expect, it } from 'vitest';
import { SerialCollector } from './serial-collector.js';

describe('SerialCollector.sortedDistinct', () => {
  it('sorts and dedupes serials that arrived out of order', () => {
    const serials = new SerialCollector();
    for (const serial of [5, 3, 9, 3, 1, 5]) serials.add('a', serial);
    expect([...serials.sortedDistinct('a')]).toEqual([1, 3, 5, 9]);
  });

  it('dedupes serials that arrived in order, and keeps keys apart', () => {
    const serials = new SerialCollector();
    for (const serial of [1, 2, 2, 4, 100]) serials.add('a', serial);
    serials.add('b', 7);
    expect([...serials.sortedDistinct('a')]).toEqual([1, 2, 4, 100]);
    expect([...serials.sortedDistinct('b')]).toEqual([7]);
    expect([...serials.sortedDistinct('missing')]).toEqual([]);
  });
});
