import { neighbourPairs, oneSubstitutionPairs, sortedIndices } from '@custcode/audit';
import type { MatchRecord } from './match-record.js';

/** Records of one block compared with each newcomer: a huge block (a common name) must not go quadratic. */
export const MAX_BLOCK_COMPARISONS = 50;
/** Neighbours compared in each sorted order of the distinct names. */
export const NAME_WINDOW = 4;
/** Names shorter than this are too generic for fuzzy blocking. */
export const MIN_FUZZY_LENGTH = 4;

/** Blocking rules: records are compared only when one of these keys is equal. */
const EXACT_KEYS: ReadonlyArray<(record: MatchRecord) => string> = [
  (record) => record.nameCore,
  (record) => record.pinyin,
  (record) => record.phone,
  (record) => record.address,
  (record) => record.tax.uscc,
  (record) => record.tax.orgCode,
];

/**
 * The candidate pairs (records of different sources) worth scoring: equal normalised name, pinyin, phone,
 * address, USCC or organisation code, or names one typo apart (per-position wildcard keys) or neighbours in
 * the two sort orders of the distinct names (name and reversed name). Each block compares a newcomer with
 * at most 50 members, so the work grows near-linearly with the records. Pairs come out once, as [lower, higher] index.
 */
export function candidatePairs(records: readonly MatchRecord[]): Array<[number, number]> {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const add = (a: MatchRecord, b: MatchRecord) => {
    if (a.source === b.source) return;
    const [low, high] = a.index < b.index ? [a.index, b.index] : [b.index, a.index];
    const key = low * records.length + high;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([low, high]);
  };
  for (const keyOf of EXACT_KEYS) {
    const blocks = new Map<string, MatchRecord[]>();
    for (const record of records) {
      const key = keyOf(record);
      if (key === '') continue;
      const block = blocks.get(key);
      if (!block) {
        blocks.set(key, [record]);
        continue;
      }
      for (let member = 0; member < block.length && member < MAX_BLOCK_COMPARISONS; member++) add(block[member]!, record);
      block.push(record);
    }
  }
  fuzzyNamePairs(records, add);
  return pairs;
}

/** Pairs of records whose distinct normalised names are one substitution apart or sort next to each other. */
function fuzzyNamePairs(records: readonly MatchRecord[], add: (a: MatchRecord, b: MatchRecord) => void): void {
  const byName = new Map<string, MatchRecord[]>();
  for (const record of records) {
    if (record.nameCore.length < MIN_FUZZY_LENGTH) continue;
    const holders = byName.get(record.nameCore);
    if (holders) holders.push(record);
    else byName.set(record.nameCore, [record]);
  }
  const distinct = [...byName.keys()];
  const order = sortedIndices(distinct);
  const names = Array.from(order, (position) => distinct[position]!);
  const visit = (a: number, b: number) => {
    const left = byName.get(names[a]!)!;
    const right = byName.get(names[b]!)!;
    for (let i = 0; i < left.length && i < MAX_BLOCK_COMPARISONS; i++) {
      for (let j = 0; j < right.length && j < MAX_BLOCK_COMPARISONS; j++) add(left[i]!, right[j]!);
    }
  };
  oneSubstitutionPairs(names, MIN_FUZZY_LENGTH, visit);
  neighbourPairs(names, NAME_WINDOW, MIN_FUZZY_LENGTH, visit);
}
