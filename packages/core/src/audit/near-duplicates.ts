import type { NearDuplicateFinding, NearDuplicateReason } from './audit-types.js';
import { companyNameKey } from './company-name.js';
import { editSimilarity } from './similarity.js';
import { UnionFind } from './union-find.js';

export interface NearDuplicateOptions {
  /** Lowest name similarity (1 − edit distance / length, on normalised names) that links two records. Default 0.8. */
  threshold?: number;
  /** Neighbours compared in each sorted order (sorted-neighbourhood blocking). Default 6. */
  window?: number;
}

/** What near-duplicate detection needs of each record that has a code. */
export interface NameRecord {
  code: string;
  /** The duplicate key of the code (`withoutAlphaZeros(comparableCode(code))`): records sharing it are duplicates, not near-duplicates. */
  codeKey: string;
  name: string;
  /** The name used for matching ('' to match by tax id only, e.g. when the name is damaged). */
  matchName: string;
  /** Compact tax id, or '' when absent. */
  taxKey: string;
}

const REASON_RANK: Record<NearDuplicateReason, number> = { 'same-tax-id': 3, 'same-name': 2, 'similar-name': 1 };
/** Names shorter than this (after normalisation) are too generic for fuzzy matching. */
const MIN_FUZZY_LENGTH = 4;

/**
 * Groups of different codes that are probably one customer: the same tax id, the same normalised
 * company name, or similar names. Blocking keeps it near O(n log n): exact keys go through hash maps,
 * one-typo pairs through per-position wildcard keys, other fuzzy pairs are only looked for among
 * `window` neighbours in two sort orders (name and reversed name).
 */
export function findNearDuplicates(records: readonly NameRecord[], options: NearDuplicateOptions = {}): NearDuplicateFinding[] {
  const threshold = options.threshold ?? 0.8;
  const window = options.window ?? 6;
  const count = records.length;
  const sets = new UnionFind(count);
  const reasonOf = new Int8Array(count);
  const scoreOf = new Float64Array(count).fill(1);
  const link = (a: number, b: number, reason: NearDuplicateReason, score: number) => {
    if (records[a]!.codeKey === records[b]!.codeKey) return;
    const rootA = sets.find(a);
    const rootB = sets.find(b);
    const rank = Math.max(REASON_RANK[reason], reasonOf[rootA]!, reasonOf[rootB]!);
    const lowest = Math.min(score, scoreOf[rootA]!, scoreOf[rootB]!);
    const root = sets.union(rootA, rootB);
    reasonOf[root] = rank;
    scoreOf[root] = lowest;
  };

  const cores: string[] = new Array(count);
  const places: Array<string | null> = new Array(count);
  for (let index = 0; index < count; index++) {
    const key = companyNameKey(records[index]!.matchName);
    cores[index] = key.core;
    places[index] = key.place;
  }
  const placesAgree = (a: number, b: number) => places[a] === null || places[b] === null || places[a] === places[b];

  linkEqualKeys(count, (index) => records[index]!.taxKey, (a, b) => link(a, b, 'same-tax-id', 1));
  linkEqualKeys(
    count,
    (index) => (cores[index]!.length >= 2 ? cores[index]! : ''),
    (a, b) => {
      if (placesAgree(a, b)) link(a, b, 'same-name', 1);
    },
  );

  const linkSimilar = (a: number, b: number) => {
    if (cores[a] === cores[b] || !placesAgree(a, b)) return;
    const score = editSimilarity(cores[a]!, cores[b]!, threshold);
    if (score >= threshold) link(a, b, 'similar-name', Math.round(score * 1000) / 1000);
  };
  // One mistyped character: found exactly, whatever the neighbours (the sort orders below can miss it).
  linkOneSubstitution(cores, Math.max(MIN_FUZZY_LENGTH, Math.ceil(1 / (1 - threshold) - 1e-9)), linkSimilar);
  // Other edits (a character more or less, two typos in a long name): neighbours in two sort orders.
  for (const keys of [cores, cores.map(reversed)]) {
    const order = sortedIndices(keys);
    for (let position = 0; position < order.length; position++) {
      const a = order[position]!;
      const coreA = cores[a]!;
      if (coreA.length < MIN_FUZZY_LENGTH) continue;
      for (let offset = 1; offset <= window && position + offset < order.length; offset++) {
        const b = order[position + offset]!;
        const coreB = cores[b]!;
        if (coreB.length >= MIN_FUZZY_LENGTH) linkSimilar(a, b);
      }
    }
  }
  return collectGroups(records, sets, reasonOf, scoreOf);
}

/** Positions of a name that get a wildcard; typos further into longer names are left to the sorted orders. */
const MAX_WILDCARD_POSITIONS = 24;
/** Members of one wildcard block compared with a newcomer (blocks of one typo are tiny; this bounds the odd big one). */
const MAX_BLOCK_COMPARISONS = 16;

// Polynomial hash modulo a prime below 2^30: keys stay small integers (no string per key and position),
// and every product stays below 2^53, so the arithmetic is exact in doubles.
const MODULUS = 1_073_741_789;
const BASE = 1_048_573;

/**
 * Every pair of equally long cores that differ in one position: per position, cores are grouped by
 * their hash with that character taken out (computed in O(1) from the full hash). A hash collision
 * only costs a comparison: candidates are verified by `linkPair`.
 */
function linkOneSubstitution(cores: readonly string[], minLength: number, linkPair: (a: number, b: number) => void): void {
  const longest = Math.min(MAX_WILDCARD_POSITIONS, cores.reduce((max, core) => Math.max(max, core.length), 0));
  const powers = [1];
  for (let position = 1; position < longest; position++) powers.push((powers[position - 1]! * BASE) % MODULUS);
  const hashes = new Float64Array(cores.length);
  for (let index = 0; index < cores.length; index++) {
    const core = cores[index]!;
    let hash = core.length;
    for (let position = 0; position < core.length && position < longest; position++) {
      hash = (hash + core.charCodeAt(position) * powers[position]!) % MODULUS;
    }
    hashes[index] = hash;
  }
  for (let position = 0; position < longest; position++) {
    const blocks = new Map<number, number | number[]>();
    for (let index = 0; index < cores.length; index++) {
      const core = cores[index]!;
      if (core.length < minLength || core.length <= position) continue;
      const key = (hashes[index]! - ((core.charCodeAt(position) * powers[position]!) % MODULUS) + MODULUS) % MODULUS;
      const block = blocks.get(key);
      if (block === undefined) {
        blocks.set(key, index);
      } else if (typeof block === 'number') {
        linkPair(block, index);
        blocks.set(key, [block, index]);
      } else {
        for (let member = 0; member < block.length && member < MAX_BLOCK_COMPARISONS; member++) linkPair(block[member]!, index);
        block.push(index);
      }
    }
  }
}

/** Links every record to the first one with the same non-empty key. */
function linkEqualKeys(count: number, keyOf: (index: number) => string, linkPair: (a: number, b: number) => void): void {
  const first = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const key = keyOf(index);
    if (key === '') continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else linkPair(earlier, index);
  }
}

/** Record indices in key order. Tagged strings sorted by the engine's own comparison: several times faster than a comparator. */
function sortedIndices(keys: readonly string[]): Int32Array {
  const tagged = keys.map((key, index) => `${key}\u0000${index}`).sort();
  const order = new Int32Array(tagged.length);
  for (let position = 0; position < tagged.length; position++) {
    const text = tagged[position]!;
    order[position] = Number(text.slice(text.lastIndexOf('\u0000') + 1));
  }
  return order;
}

function reversed(text: string): string {
  let result = '';
  for (let index = text.length - 1; index >= 0; index--) result += text[index];
  return result;
}

function collectGroups(records: readonly NameRecord[], sets: UnionFind, reasonOf: Int8Array, scoreOf: Float64Array): NearDuplicateFinding[] {
  const members = new Map<number, number[]>();
  for (let index = 0; index < records.length; index++) {
    const root = sets.find(index);
    if (reasonOf[root] === 0) continue;
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  }
  const reasons = Object.keys(REASON_RANK) as NearDuplicateReason[];
  const findings: NearDuplicateFinding[] = [];
  for (const [root, indices] of members) {
    const byCode = new Map<string, number>();
    for (const index of indices) if (!byCode.has(records[index]!.codeKey)) byCode.set(records[index]!.codeKey, index);
    if (byCode.size < 2) continue;
    const chosen = [...byCode.values()].sort((a, b) => (records[a]!.code < records[b]!.code ? -1 : 1));
    findings.push({
      codes: chosen.map((index) => records[index]!.code),
      names: chosen.map((index) => records[index]!.name),
      reason: reasons.find((reason) => REASON_RANK[reason] === reasonOf[root])!,
      score: scoreOf[root]!,
    });
  }
  return findings.sort((a, b) => (a.codes[0]! < b.codes[0]! ? -1 : 1));
}
