import { overflowError } from './sequence-state.js';
import type { SequenceRange, SequenceStore } from './sequence-store.js';

/**
 * A throw-away in-memory store for proposing codes: each counter starts after the highest serial
 * seen in the audited data and after what `base` (a real store) would hand out next, read with
 * `peek` only, so nothing is consumed anywhere. Both modes hand out fresh numbers.
 */
export function createPreviewSequenceStore(highestSeen: ReadonlyMap<string, number>, base?: SequenceStore): SequenceStore {
  const next = new Map<string, number>();
  const take = async (key: string, range: SequenceRange): Promise<number> => {
    let value = next.get(key);
    if (value === undefined) {
      const seen = highestSeen.get(key);
      value = seen === undefined ? range.start : Math.max(range.start, seen + range.step);
      if (base) {
        const [upcoming] = await base.peek(key, range, 1, 'fast');
        if (upcoming !== undefined) value = Math.max(value, upcoming);
      }
    }
    if (value > range.max) throw overflowError(key, value, range.max);
    next.set(key, value + range.step);
    return value;
  };
  return {
    next: take,
    reserve: async (key, range) => ({ value: await take(key, range), token: 'preview' }),
    confirm: async () => undefined,
    release: async () => undefined,
    peek: async (key, range, count) => {
      const first = next.get(key) ?? Math.max(range.start, (highestSeen.get(key) ?? range.start - range.step) + range.step);
      return Array.from({ length: count }, (_, index) => first + index * range.step);
    },
    close: async () => undefined,
  };
}
