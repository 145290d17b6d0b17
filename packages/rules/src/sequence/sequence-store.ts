import type { GapMode } from '../rule-types.js';

/** The numbers one counter may hand out: `start`, `start + step`, … up to `max` inclusive. */
export interface SequenceRange {
  start: number;
  step: number;
  max: number;
}

export interface SequenceReservation {
  value: number;
  /** Pass back to `confirm` or `release`. */
  token: string;
}

/**
 * Where serial counters live: in memory, a JSON file, or a SQL table. Every method is atomic for
 * its key, also across processes for the file and SQL stores.
 */
export interface SequenceStore {
  /** Fast mode: takes the next number; it is consumed now. */
  next(key: string, range: SequenceRange): Promise<number>;
  /** No-gap mode: holds the lowest free number (a released or expired one first) until confirmed or released. */
  reserve(key: string, range: SequenceRange, leaseMs: number): Promise<SequenceReservation>;
  /** Marks a held number as used. */
  confirm(key: string, token: string): Promise<void>;
  /** Gives a held number back; it is the next to be reissued. */
  release(key: string, token: string): Promise<void>;
  /** The next `count` numbers `next` / `reserve` would hand out, without consuming any. */
  peek(key: string, range: SequenceRange, count: number, mode: GapMode): Promise<number[]>;
  close(): Promise<void>;
}
