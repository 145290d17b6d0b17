import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.int(1_000_000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in range and covers it', () => {
    const random = createRandom(7);
    const seen = new Set<number>();
    for (let index = 0; index < 2_000; index++) {
      const value = random.int(10);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(10);
      seen.add(value);
      const unit = random.next();
      expect(unit >= 0 && unit < 1).toBe(true);
    }
    expect(seen.size).toBe(10);
  });
});
