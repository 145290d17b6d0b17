import { neighbourPairs, oneSubstitutionPairs, sortedIndices } from '@custcode/audit';
import type { MatchRecord } from './match-record.js';
import { groupsOf, type RecordKeys, recordKeys } from './record-keys.js';

/** Records of one block compared with each newcomer: a huge block (a common name) must not go quadratic. */
export const MAX_BLOCK_COMPARISONS = 50;
/** Neighbours compared in each sorted order of the distinct names. */
export const NAME_WINDOW = 4;
/** Names shorter than this are too generic for fuzzy blocking. */
export const MIN_FUZZY_LENGTH = 4;

/** Blocking rules: records are compared only when one of these keys is equal. */
const EXACT_KEYS = ['name', 'pinyin', 'phone', 'address', 'uscc', 'orgCode'] as const satisfies ReadonlyArray<keyof RecordKeys>;

/** Candidate pairs as two parallel arrays of record indices (left < right), sorted by left then right. */
export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  /** Comparisons left out because a block was bigger than MAX_BLOCK_COMPARISONS (a common name, a shared switchboard). */
  capped: number;
}

/**
 * Distinct pairs collected as numbers `low × count + high` (exact in a double up to 2^53, so up to ~94M
 * records): duplicates are removed by sorting the buffer whenever it is full, so memory follows the
 * distinct pairs rather than every hit of every blocking rule, and no per-pair object or hash entry is made.
 */
class PairCollector {
  private keys = new Float64Array(1 << 16);
  private used = 0;
  /** Length of the sorted, duplicate-free prefix after the last compaction. */
  private unique = 0;

  constructor(private readonly count: number) {}

  add(a: number, b: number): void {
    if (this.used === this.keys.length) this.makeRoom();
    this.keys[this.used++] = a < b ? a * this.count + b : b * this.count + a;
  }

  private compact(): void {
    const sorted = this.keys.subarray(0, this.used).sort();
    let write = 0;
    for (let read = 0; read < sorted.length; read++) if (write === 0 || sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read]!;
    this.used = write;
    this.unique = write;
  }

  private makeRoom(): void {
    const before = this.used;
    if (before > this.unique) this.compact();
    // Grow when compaction freed less than half: otherwise the next fill would sort again almost at once.
    if (this.used * 2 > this.keys.length || this.used === before) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys.subarray(0, this.used));
      this.keys = grown;
    }
  }

  finish(): { left: Int32Array; right: Int32Array } {
    this.compact();
    const left = new Int32Array(this.used);
    const right = new Int32Array(this.used);
    for (let index = 0; index < this.used; index++) {
      const key = this.keys[index]!;
      const low = Math.floor(key / this.count);
      left[index] = low;
      right[index] = key - low * this.count;
    }
    this.keys = new Float64Array(0);
    return { left, right };
  }
}

/**
 * The candidate pairs (records of different sources) worth scoring: equal normalised name, pinyin, phone,
 * address, USCC or organisation code, or names one typo apart (per-position wildcard keys) or neighbours in
 * the two sort orders of the distinct names (name and reversed name). Each block compares a newcomer with
 * at most MAX_BLOCK_COMPARISONS members (the comparisons left out are counted in `capped`), so the work
 * grows near-linearly with the records.
 */
export function blockRecords(records: readonly MatchRecord[], keys: RecordKeys = recordKeys(records)): CandidatePairs {
  const collector = new PairCollector(Math.max(1, records.length));
  const source = keys.source;
  let capped = 0;
  const add = (a: number, b: number) => {
    if (source[a] !== source[b]) collector.add(a, b);
  };
  for (const key of EXACT_KEYS) {
    // Each block is a run of records in reading order: each newcomer meets the block's first members.
    const { order, start } = groupsOf(keys[key]);
    for (let id = 1; id + 1 < start.length; id++) {
      const first = start[id]!;
      const end = start[id + 1]!;
      for (let position = first + 1; position < end; position++) {
        const compared = Math.min(position - first, MAX_BLOCK_COMPARISONS);
        for (let member = first; member < first + compared; member++) add(order[member]!, order[position]!);
        capped += position - first - compared;
      }
    }
  }
  capped += fuzzyNamePairs(keys, add);
  return { ...collector.finish(), capped };
}

/** The candidate pairs as [lower, higher] index tuples (small inputs and tests; `blockRecords` is the compact form). */
export function candidatePairs(records: readonly MatchRecord[]): Array<[number, number]> {
  const { left, right } = blockRecords(records);
  return Array.from(left, (low, index): [number, number] => [low, right[index]!]);
}

/** Pairs of records whose distinct normalised names are one substitution apart or sort next to each other; returns the comparisons capped. */
function fuzzyNamePairs(keys: RecordKeys, add: (a: number, b: number) => void): number {
  const { order, start } = groupsOf(keys.name);
  // Distinct names long enough, with their id (the records holding one are a run of `order`).
  const distinctIds: number[] = [];
  for (let id = 1; id < keys.names.length; id++) if (keys.names[id]!.length >= MIN_FUZZY_LENGTH) distinctIds.push(id);
  const sorted = sortedIndices(distinctIds.map((id) => keys.names[id]!));
  const ids = Int32Array.from(sorted, (position) => distinctIds[position]!);
  const names = Array.from(ids, (id) => keys.names[id]!);
  let capped = 0;
  const visit = (a: number, b: number) => {
    const left = start[ids[a]!]!;
    const right = start[ids[b]!]!;
    const leftCount = start[ids[a]! + 1]! - left;
    const rightCount = start[ids[b]! + 1]! - right;
    const rows = Math.min(leftCount, MAX_BLOCK_COMPARISONS);
    const columns = Math.min(rightCount, MAX_BLOCK_COMPARISONS);
    capped += leftCount * rightCount - rows * columns;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) add(order[left + i]!, order[right + j]!);
    }
  };
  oneSubstitutionPairs(names, MIN_FUZZY_LENGTH, visit);
  neighbourPairs(names, NAME_WINDOW, MIN_FUZZY_LENGTH, visit);
  return capped;
}
