import { allOf, compare, type AbapCondition } from './abap-condition.js';
import type { ReadTableClient } from './read-table.js';

/** A lower bound on the key (KUNNR): strictly after `code`, or from `code` on when `inclusive`. */
export interface KeyBound {
  code: string;
  inclusive: boolean;
}

interface Window {
  signature: string;
  low: KeyBound | undefined;
  /** Inclusive upper bound; undefined = the window runs to the end of the table. */
  high: string | undefined;
  /** Every matching KUNNR in (low, high], sorted. */
  keys: string[];
  loadedAt: number;
}

/** A window older than this is read again, so a long-lived source sees customers created since. */
const WINDOW_MAX_AGE_MS = 30_000;

const after = (code: string, bound: KeyBound | undefined) => !bound || code > bound.code || (bound.inclusive && code === bound.code);

/**
 * Complete, sorted runs of KUNNR for a condition, read as key-only calls (10 characters a row).
 *
 * RFC_READ_TABLE has no ORDER BY, so `KUNNR > last` with ROWCOUNT = n returns an ARBITRARY n of the
 * matching rows. A key call that returns fewer than `windowSize` rows is complete for its range. One that
 * hits the cap is narrowed: the upper bound drops to a key inside the returned sample and the call is
 * repeated, until the range (low, high] comes back complete. Data is then read by exact key ranges.
 * The latest window is cached (30 s), so consecutive pages of a scan reuse it, and the part of the last capped
 * sample above it sets the next window's upper bound (usually complete at the first call).
 */
export class KeyWindows {
  private cached: Window | undefined;
  /** Sampled keys above the cached window and the rate they were sampled at (sample keys / true keys). */
  private hint: { signature: string; from: string; sample: string[]; rate: number } | undefined;

  /**
   * `keyField` is the customer number's field (KUNNR; OBJECTID in the change documents); `rowFields` make
   * each row unique (a header table holds several rows per key), so that a capped call is seen as capped.
   */
  constructor(
    private readonly reader: ReadTableClient,
    private readonly table: string,
    private readonly windowSize: number,
    private readonly keyField = 'KUNNR',
    private readonly rowFields: string[] = [keyField],
  ) {}

  /** Up to `max` matching keys after `bound`, in order; `exhausted` when no key follows the last one returned. */
  async keysAfter(where: AbapCondition | undefined, bound: KeyBound | undefined, max: number): Promise<{ keys: string[]; exhausted: boolean }> {
    const signature = (where ?? []).join(' ');
    const keys: string[] = [];
    let position = bound;
    for (;;) {
      const window = this.covering(signature, position) ?? (await this.load(signature, where, position));
      for (const key of window.keys) {
        if (!after(key, position)) continue;
        keys.push(key);
        if (keys.length >= max) return { keys, exhausted: window.high === undefined && key === window.keys[window.keys.length - 1] };
      }
      if (window.high === undefined) return { keys, exhausted: true };
      position = { code: window.high, inclusive: false };
    }
  }

  /** How many keys match, walking the windows without keeping them (count(), when the WHERE is exact). */
  async countKeys(where: AbapCondition | undefined): Promise<number> {
    const signature = (where ?? []).join(' ');
    let total = 0;
    let position: KeyBound | undefined;
    for (;;) {
      const window = this.covering(signature, position) ?? (await this.load(signature, where, position));
      total += window.keys.filter((key) => after(key, position)).length;
      if (window.high === undefined) return total;
      position = { code: window.high, inclusive: false };
    }
  }

  private covering(signature: string, position: KeyBound | undefined): Window | undefined {
    const window = this.cached;
    if (!window || window.signature !== signature || Date.now() - window.loadedAt > WINDOW_MAX_AGE_MS) return undefined;
    const startsBefore = !window.low || (position !== undefined && (position.code > window.low.code || (position.code === window.low.code && (window.low.inclusive || !position.inclusive))));
    const endsAfter = window.high === undefined || (position !== undefined && position.code < window.high);
    return startsBefore && endsAfter ? window : undefined;
  }

  private async load(signature: string, where: AbapCondition | undefined, low: KeyBound | undefined): Promise<Window> {
    const lower = low ? compare(this.keyField, low.inclusive ? '>=' : '>', low.code) : undefined;
    const hint = this.hint?.signature === signature && low && !low.inclusive && low.code === this.hint.from ? this.hint : undefined;
    let high: string | undefined;
    let sample: string[] | undefined;
    let rate = 0;
    // Set when a capped sample held one key only: that key matches, and the range below it is read next.
    let below: string | undefined;
    if (hint) {
      // The previous window's sample extends above it: aim at 80% of a window by its sampling rate.
      sample = hint.sample;
      rate = hint.rate;
      const index = Math.max(0, Math.floor(0.8 * this.windowSize * rate) - 1);
      high = index < sample.length ? sample[index] : undefined;
    }
    for (let attempt = 0; ; attempt++) {
      const rows = await this.reader.read({
        table: this.table,
        fields: this.rowFields,
        keyFields: this.rowFields,
        where: allOf(where, lower, below !== undefined ? compare(this.keyField, '<', below) : high === undefined ? undefined : compare(this.keyField, '<=', high)),
        rowCount: this.windowSize,
      });
      const returned = rows.map((row) => row[this.keyField] ?? '');
      const keys = [...new Set(returned)].sort();
      if (returned.length < this.windowSize) {
        if (below !== undefined) keys.push(below);
        this.remember(signature, high, keys, sample, hint !== undefined && sample === hint.sample ? rate : undefined);
        this.cached = { signature, low, high, keys, loadedAt: Date.now() };
        return this.cached;
      }
      // Capped: an arbitrary subset of the range, uniform enough to steer the next windows by.
      if (!sample || sample === hint?.sample) sample = keys;
      if (keys.length === 1) {
        // Every sampled row has the same key (many change documents of one customer): no key inside to halve at.
        high = keys[0]!;
        below = keys[0]!;
        continue;
      }
      below = undefined;
      // If it came back in key order (many databases return primary-key order), the range up to the
      // second-to-last key is probably complete; otherwise halve the sampled range (each retry drops at
      // least half the sample from the range, so this ends).
      const inOrder = attempt === 0 && !hint && returned.every((key, index) => index === 0 || returned[index - 1]! < key);
      high = inOrder ? keys[keys.length - 2]! : keys[Math.floor(keys.length / 2) - 1]!;
    }
  }

  /** Keeps the part of a capped sample above a complete window, with its sampling rate, for the next window. */
  private remember(signature: string, high: string | undefined, keys: string[], sample: string[] | undefined, knownRate: number | undefined): void {
    if (high === undefined || !sample || keys.length === 0) {
      this.hint = undefined;
      return;
    }
    const rate = knownRate ?? sample.filter((key) => key <= high).length / keys.length;
    this.hint = rate > 0 ? { signature, from: high, sample: sample.filter((key) => key > high), rate } : undefined;
  }
}
