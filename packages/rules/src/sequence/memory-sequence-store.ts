import type { GapMode } from '../rule-types.js';
import { confirmHold, newCounterState, peekNumbers, releaseHold, reserveNext, takeNext, type CounterState } from './sequence-state.js';
import type { SequenceRange, SequenceStore } from './sequence-store.js';

/** Counters in this process only (tests, previews, one-off runs). */
export function createMemorySequenceStore(initial?: Record<string, CounterState>): SequenceStore {
  const counters = new Map<string, CounterState>(Object.entries(structuredClone(initial ?? {})));
  const counter = (key: string, range: SequenceRange): CounterState => {
    let state = counters.get(key);
    if (!state) {
      state = newCounterState(range);
      counters.set(key, state);
    }
    return state;
  };
  return {
    next: async (key, range) => takeNext(counter(key, range), key, range),
    reserve: async (key, range, leaseMs) => reserveNext(counter(key, range), key, range, leaseMs),
    confirm: async (key, token) => {
      const state = counters.get(key);
      confirmHold(state ?? newCounterState({ start: 0, step: 1, max: 0 }), key, token);
    },
    release: async (key, token) => {
      const state = counters.get(key);
      if (state) releaseHold(state, token);
    },
    peek: async (key, range, count, mode: GapMode) => peekNumbers(counters.get(key), key, range, count, mode),
    close: async () => undefined,
  };
}
