/** Positions of a name that get a wildcard; typos further into longer names are left to the sorted orders. */
export const MAX_WILDCARD_POSITIONS = 24;
/** Members of one wildcard block compared with a newcomer (blocks of one typo are tiny; this bounds the odd big one). */
export const MAX_WILDCARD_BLOCK_COMPARISONS = 16;

// Polynomial hash modulo a prime below 2^30: keys stay small integers (no string per key and position),
// and every product stays below 2^53, so the arithmetic is exact in doubles.
const MODULUS = 1_073_741_789;
const BASE = 1_048_573;

/**
 * Every pair of equally long names that differ in one position: per position, names are grouped by
 * their hash with that character taken out (computed in O(1) from the full hash). A hash collision
 * only costs a comparison: candidates are verified by `visit`. Names shorter than `minLength` are skipped.
 */
export function oneSubstitutionPairs(names: readonly string[], minLength: number, visit: (a: number, b: number) => void): void {
  const longest = Math.min(MAX_WILDCARD_POSITIONS, names.reduce((max, name) => Math.max(max, name.length), 0));
  const powers = [1];
  for (let position = 1; position < longest; position++) powers.push((powers[position - 1]! * BASE) % MODULUS);
  const hashes = new Float64Array(names.length);
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    let hash = name.length;
    for (let position = 0; position < name.length && position < longest; position++) {
      hash = (hash + name.charCodeAt(position) * powers[position]!) % MODULUS;
    }
    hashes[index] = hash;
  }
  for (let position = 0; position < longest; position++) {
    const blocks = new Map<number, number | number[]>();
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!;
      if (name.length < minLength || name.length <= position) continue;
      const key = (hashes[index]! - ((name.charCodeAt(position) * powers[position]!) % MODULUS) + MODULUS) % MODULUS;
      const block = blocks.get(key);
      if (block === undefined) {
        blocks.set(key, index);
      } else if (typeof block === 'number') {
        visit(block, index);
        blocks.set(key, [block, index]);
      } else {
        for (let member = 0; member < block.length && member < MAX_WILDCARD_BLOCK_COMPARISONS; member++) visit(block[member]!, index);
        block.push(index);
      }
    }
  }
}

/**
 * Sorted-neighbourhood blocking: each name against its `window` next neighbours in two orders, the
 * names themselves (which must be sorted and distinct) and the names reversed, so that an edit near
 * the start is found as well as one near the end. Names shorter than `minLength` are skipped.
 */
export function neighbourPairs(sortedNames: readonly string[], window: number, minLength: number, visit: (a: number, b: number) => void): void {
  const orders = [identityOrder(sortedNames.length), sortedIndices(sortedNames.map(reversed))];
  for (const order of orders) {
    for (let position = 0; position < order.length; position++) {
      const a = order[position]!;
      if (sortedNames[a]!.length < minLength) continue;
      for (let offset = 1; offset <= window && position + offset < order.length; offset++) {
        const b = order[position + offset]!;
        if (sortedNames[b]!.length >= minLength) visit(a, b);
      }
    }
  }
}

function identityOrder(count: number): Int32Array {
  const order = new Int32Array(count);
  for (let index = 0; index < count; index++) order[index] = index;
  return order;
}

/** Indices in key order (keys distinct). Tagged strings sorted by the engine's own comparison: several times faster than a comparator. */
export function sortedIndices(keys: readonly string[]): Int32Array {
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
