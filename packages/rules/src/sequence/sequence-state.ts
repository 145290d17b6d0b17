import { randomUUID } from 'node:crypto';
import { ConfigError } from '@custcode/core';
import type { GapMode } from '../rule-types.js';
import type { SequenceRange, SequenceReservation } from './sequence-store.js';

/** One counter, as stored (JSON-safe). Shared by every store so they behave the same. */
export interface CounterState {
  /** The next fresh number. */
  next: number;
  /** No-gap mode: numbers handed out but not yet confirmed. */
  held: { value: number; token: string; expiresAt: number }[];
  /** No-gap mode: numbers released or expired, reissued lowest first. */
  free: number[];
}

export function newCounterState(range: SequenceRange): CounterState {
  return { next: range.start, held: [], free: [] };
}

export function overflowError(key: string, value: number, max: number): ConfigError {
  return new ConfigError({
    message: `The serial counter ${JSON.stringify(key)} is exhausted: the next number ${value} is above the maximum ${max}.`,
    hint: 'Widen {seq:N}, raise max=, or add a reset period or a date part so the counter restarts.',
  });
}

/** Fast mode: consumes and returns the next number. */
export function takeNext(state: CounterState, key: string, range: SequenceRange): number {
  const value = state.next;
  if (value > range.max) throw overflowError(key, value, range.max);
  state.next = value + range.step;
  return value;
}

function reclaimExpired(state: CounterState, now: number): void {
  const expired = state.held.filter((hold) => hold.expiresAt <= now);
  if (expired.length === 0) return;
  state.held = state.held.filter((hold) => hold.expiresAt > now);
  state.free.push(...expired.map((hold) => hold.value));
  state.free.sort((left, right) => left - right);
}

/** No-gap mode: holds the lowest free number, or a fresh one. */
export function reserveNext(state: CounterState, key: string, range: SequenceRange, leaseMs: number, now = Date.now()): SequenceReservation {
  reclaimExpired(state, now);
  const value = state.free.length > 0 ? (state.free.shift() as number) : takeNext(state, key, range);
  const token = randomUUID();
  state.held.push({ value, token, expiresAt: now + leaseMs });
  return { value, token };
}

/** Removes the hold; returns its value, or undefined when the token is unknown (expired and reissued). */
function dropHold(state: CounterState, token: string): number | undefined {
  const index = state.held.findIndex((hold) => hold.token === token);
  if (index < 0) return undefined;
  const [hold] = state.held.splice(index, 1);
  return hold?.value;
}

export function confirmHold(state: CounterState, key: string, token: string): void {
  if (dropHold(state, token) === undefined) {
    throw new ConfigError({
      message: `The number held on counter ${JSON.stringify(key)} was not found: it expired or was already confirmed or released.`,
      hint: 'Confirm within the lease time (GenerateOptions.leaseMs), then generate again.',
    });
  }
}

export function releaseHold(state: CounterState, token: string): void {
  const value = dropHold(state, token);
  if (value === undefined) return;
  state.free.push(value);
  state.free.sort((left, right) => left - right);
}

export function peekNumbers(state: CounterState | undefined, key: string, range: SequenceRange, count: number, mode: GapMode, now = Date.now()): number[] {
  const values: number[] = [];
  if (mode === 'no-gap' && state) {
    const reusable = [...state.free, ...state.held.filter((hold) => hold.expiresAt <= now).map((hold) => hold.value)].sort((left, right) => left - right);
    values.push(...reusable.slice(0, count));
  }
  let next = state?.next ?? range.start;
  while (values.length < count) {
    if (next > range.max) throw overflowError(key, next, range.max);
    values.push(next);
    next += range.step;
  }
  return values;
}
