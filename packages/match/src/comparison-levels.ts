import { editSimilarity } from '@custcode/audit';
import type { MatchRecord } from './match-record.js';
import type { RecordKeys } from './record-keys.js';

/** The compared fields, in the order of a comparison vector. */
export const COMPARED_FIELDS = ['name', 'pinyin', 'address', 'phone', 'category', 'region'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Level names per field, weakest first: level 0 is "disagree"; -1 (null: a side has no value) weighs nothing. */
export const LEVELS: Record<ComparedField, readonly string[]> = {
  name: ['else', 'fuzzy', 'close', 'exact'],
  pinyin: ['differ', 'same'],
  address: ['else', 'similar', 'exact'],
  phone: ['differ', 'same'],
  category: ['differ', 'same'],
  region: ['differ', 'same'],
};

/** Edit similarities of the normalised names for the `fuzzy` and `close` levels. */
export const NAME_FUZZY = 0.75;
export const NAME_CLOSE = 0.85;
/** Edit similarity of the normalised addresses for the `similar` level. */
export const ADDRESS_SIMILAR = 0.8;

function equality(a: string, b: string): number {
  if (a === '' || b === '') return -1;
  return a === b ? 1 : 0;
}

/**
 * A comparison vector packed into one small integer (mixed radix, one digit per field: level + 1, so null
 * is 0). Millions of candidate pairs are then one Uint16Array, and the distinct patterns (at most
 * PATTERN_COUNT) are what EM and scoring work on.
 */
const RADICES = COMPARED_FIELDS.map((field) => LEVELS[field].length + 1);
export const PATTERN_COUNT = RADICES.reduce((product, radix) => product * radix, 1);

/** The levels of a packed pattern (the inverse of `comparePattern`'s packing). */
export function patternLevels(pattern: number): Int8Array {
  const levels = new Int8Array(COMPARED_FIELDS.length);
  for (let position = COMPARED_FIELDS.length - 1; position >= 0; position--) {
    levels[position] = (pattern % RADICES[position]!) - 1;
    pattern = Math.floor(pattern / RADICES[position]!);
  }
  return levels;
}

/** The packed comparison vector of two records: what `compareRecords` gives, without allocating. */
export function comparePattern(a: MatchRecord, b: MatchRecord): number {
  let name: number;
  if (a.nameCore === '' || b.nameCore === '') name = -1;
  else if (a.nameCore === b.nameCore) name = 3;
  else {
    const similarity = editSimilarity(a.nameCore, b.nameCore, NAME_FUZZY);
    name = similarity >= NAME_CLOSE ? 2 : similarity >= NAME_FUZZY ? 1 : 0;
  }
  const address = a.address === '' || b.address === '' ? -1 : a.address === b.address ? 2 : editSimilarity(a.address, b.address, ADDRESS_SIMILAR) >= ADDRESS_SIMILAR ? 1 : 0;
  // A region missing in the ERP is often in the name (（北京）): the place the name carries stands in.
  const region = equality(a.region || (a.place ?? ''), b.region || (b.place ?? ''));
  let pattern = name + 1;
  pattern = pattern * RADICES[1]! + equality(a.pinyin, b.pinyin) + 1;
  pattern = pattern * RADICES[2]! + address + 1;
  pattern = pattern * RADICES[3]! + equality(a.phone, b.phone) + 1;
  pattern = pattern * RADICES[4]! + equality(a.category, b.category) + 1;
  return pattern * RADICES[5]! + region + 1;
}

const idEquality = (a: number, b: number) => (a === 0 || b === 0 ? -1 : a === b ? 1 : 0);

/** `comparePattern` over the interned keys of records `a` and `b` (same levels, no record object touched). */
export function comparePatternOf(keys: RecordKeys, a: number, b: number): number {
  const nameA = keys.name[a]!;
  const nameB = keys.name[b]!;
  let name: number;
  if (nameA === 0 || nameB === 0) name = -1;
  else if (nameA === nameB) name = 3;
  else {
    const similarity = editSimilarity(keys.names[nameA]!, keys.names[nameB]!, NAME_FUZZY);
    name = similarity >= NAME_CLOSE ? 2 : similarity >= NAME_FUZZY ? 1 : 0;
  }
  const addressA = keys.address[a]!;
  const addressB = keys.address[b]!;
  const address = addressA === 0 || addressB === 0 ? -1 : addressA === addressB ? 2 : editSimilarity(keys.addresses[addressA]!, keys.addresses[addressB]!, ADDRESS_SIMILAR) >= ADDRESS_SIMILAR ? 1 : 0;
  let pattern = name + 1;
  pattern = pattern * RADICES[1]! + idEquality(keys.pinyin[a]!, keys.pinyin[b]!) + 1;
  pattern = pattern * RADICES[2]! + address + 1;
  pattern = pattern * RADICES[3]! + idEquality(keys.phone[a]!, keys.phone[b]!) + 1;
  pattern = pattern * RADICES[4]! + idEquality(keys.category[a]!, keys.category[b]!) + 1;
  return pattern * RADICES[5]! + idEquality(keys.region[a]!, keys.region[b]!) + 1;
}

/** The comparison vector of two records: one level per field of COMPARED_FIELDS. */
export function compareRecords(a: MatchRecord, b: MatchRecord): Int8Array {
  return patternLevels(comparePattern(a, b));
}
