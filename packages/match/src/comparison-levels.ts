import { editSimilarity } from '@custcode/audit';
import type { MatchRecord } from './match-record.js';

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

/** The comparison vector of two records: one level per field of COMPARED_FIELDS. */
export function compareRecords(a: MatchRecord, b: MatchRecord): Int8Array {
  const levels = new Int8Array(COMPARED_FIELDS.length);
  if (a.nameCore === '' || b.nameCore === '') levels[0] = -1;
  else if (a.nameCore === b.nameCore) levels[0] = 3;
  else {
    const similarity = editSimilarity(a.nameCore, b.nameCore, NAME_FUZZY);
    levels[0] = similarity >= NAME_CLOSE ? 2 : similarity >= NAME_FUZZY ? 1 : 0;
  }
  levels[1] = equality(a.pinyin, b.pinyin);
  if (a.address === '' || b.address === '') levels[2] = -1;
  else levels[2] = a.address === b.address ? 2 : editSimilarity(a.address, b.address, ADDRESS_SIMILAR) >= ADDRESS_SIMILAR ? 1 : 0;
  levels[3] = equality(a.phone, b.phone);
  levels[4] = equality(a.category, b.category);
  // A region missing in the ERP is often in the name (（北京）): the place the name carries stands in.
  levels[5] = equality(a.region || (a.place ?? ''), b.region || (b.place ?? ''));
  return levels;
}
