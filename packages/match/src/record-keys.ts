import type { MatchRecord } from './match-record.js';

/**
 * The comparison keys of all records as int ids (0: no value), one Int32Array per key: blocking groups
 * records by id with a counting sort and comparison tests equality on ids, so neither touches the record
 * objects or hashes a string again. Only names and addresses keep their text (for edit similarity).
 */
export interface RecordKeys {
  count: number;
  source: Int32Array;
  name: Int32Array;
  pinyin: Int32Array;
  address: Int32Array;
  phone: Int32Array;
  category: Int32Array;
  /** The region, or where it is missing the place the name carries (（北京）). */
  region: Int32Array;
  uscc: Int32Array;
  orgCode: Int32Array;
  /** Text of each name id (index 0: ''). */
  names: string[];
  /** Text of each address id (index 0: ''). */
  addresses: string[];
}

/** Ids of one key over all records; `texts` (when given) receives the text of each id. */
function intern(records: readonly MatchRecord[], keyOf: (record: MatchRecord) => string, texts?: string[]): Int32Array {
  // One Map per key, dropped afterwards: a Map holds at most ~16.7M entries, one key of 3M records fits.
  const ids = new Map<string, number>();
  const result = new Int32Array(records.length);
  texts?.push('');
  for (let index = 0; index < records.length; index++) {
    const key = keyOf(records[index]!);
    if (key === '') continue;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(key, id);
      texts?.push(key);
    }
    result[index] = id;
  }
  return result;
}

export function recordKeys(records: readonly MatchRecord[]): RecordKeys {
  const names: string[] = [];
  const addresses: string[] = [];
  return {
    count: records.length,
    source: intern(records, (record) => record.source),
    name: intern(records, (record) => record.nameCore, names),
    pinyin: intern(records, (record) => record.pinyin),
    address: intern(records, (record) => record.address, addresses),
    phone: intern(records, (record) => record.phone),
    category: intern(records, (record) => record.category),
    region: intern(records, (record) => record.region || (record.place ?? '')),
    uscc: intern(records, (record) => record.tax.uscc),
    orgCode: intern(records, (record) => record.tax.orgCode),
    names,
    addresses,
  };
}

/**
 * Records grouped by one key, as a counting sort: `order[start[id]] … order[start[id + 1] − 1]` are the
 * records with that id, in reading order. Records without a value (id 0) come first.
 */
export function groupsOf(ids: Int32Array): { order: Int32Array; start: Int32Array } {
  let largest = 0;
  for (let index = 0; index < ids.length; index++) if (ids[index]! > largest) largest = ids[index]!;
  const start = new Int32Array(largest + 2);
  for (let index = 0; index < ids.length; index++) start[ids[index]! + 1]!++;
  for (let id = 1; id < start.length; id++) start[id]! += start[id - 1]!;
  const next = start.slice(0, largest + 1);
  const order = new Int32Array(ids.length);
  for (let index = 0; index < ids.length; index++) order[next[ids[index]!]!++] = index;
  return { order, start };
}
