import { editSimilarity } from '@custcode/audit';
import type { EvidenceKind } from './match-types.js';
import type { MatchRecord } from './match-record.js';
import { groupsOf, type RecordKeys, recordKeys } from './record-keys.js';

/** Two records the evidence says are one customer, and the evidence in words. */
export interface EvidenceLink {
  a: number;
  b: number;
  kind: EvidenceKind;
  detail: string;
}

/** Lowest edit similarity of the normalised names for an equal phone to count. */
export const PHONE_NAME_SIMILARITY = 0.6;
/** A key shared by more records than this is a placeholder, a switchboard or an agent's number, not evidence. */
export const MAX_GROUP = 20;

/** The groups of records sharing a key id (groups in order of first appearance, records in reading order). */
function* groupBy(records: readonly MatchRecord[], ids: Int32Array): Generator<MatchRecord[]> {
  const { order, start } = groupsOf(ids);
  for (let id = 1; id + 1 < start.length; id++) {
    // A group of one links nothing; only real groups become arrays.
    if (start[id + 1]! - start[id]! < 2) continue;
    yield Array.from(order.subarray(start[id]!, start[id + 1]!), (index) => records[index]!);
  }
}

/**
 * Every pair of a group from different sources that `accepts`: names similar to one phone are not
 * transitive, so no pair may be skipped. Records of one source alone are left to `audit` (duplicates
 * inside a source). Groups are small (a tax id or phone belongs to a few records); a bigger one is a
 * placeholder or an agent's number and is skipped.
 */
function linkAcrossSources(group: readonly MatchRecord[], accepts: (a: MatchRecord, b: MatchRecord) => boolean, link: (a: MatchRecord, b: MatchRecord) => void): void {
  if (group.length > MAX_GROUP) return;
  for (let later = 1; later < group.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const a = group[earlier]!;
      const b = group[later]!;
      if (a.source !== b.source && accepts(a, b)) link(a, b);
    }
  }
}

/** Whether two normalised names are similar enough to go with an equal phone: same pinyin, or edit similarity ≥ 0.6. */
export function similarNames(a: MatchRecord, b: MatchRecord): boolean {
  if (a.nameCore === '' || b.nameCore === '') return false;
  if (a.pinyin !== '' && a.pinyin === b.pinyin) return true;
  return editSimilarity(a.nameCore, b.nameCore, PHONE_NAME_SIMILARITY) >= PHONE_NAME_SIMILARITY;
}

/**
 * Deterministic evidence between records of different sources: one code in several orgs of a source
 * (`same-code`), equal valid USCCs (`uscc`), an old tax registration number or organisation code equal to
 * the one another record's USCC embeds (or to another record's old number or code: `org-code`), and an
 * equal phone with similar names (`phone-name`).
 */
export function deterministicEvidence(records: readonly MatchRecord[], keys: RecordKeys = recordKeys(records)): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  const add = (kind: EvidenceKind, detail: (a: MatchRecord, b: MatchRecord) => string) => (a: MatchRecord, b: MatchRecord) => links.push({ a: a.index, b: b.index, kind, detail: detail(a, b) });

  // One customer extended to several orgs (SAP company codes, Kingdee use-orgs) is one record per org.
  // Per source, the first record of each code (no key string or group array per record).
  const firstOfCode = new Map<string, Map<string, number>>();
  for (const record of records) {
    if (record.code.trim() === '') continue;
    let codes = firstOfCode.get(record.source);
    if (!codes) firstOfCode.set(record.source, (codes = new Map()));
    const first = codes.get(record.code);
    if (first === undefined) codes.set(record.code, record.index);
    else links.push({ a: first, b: record.index, kind: 'same-code', detail: 'same code in another org' });
  }
  for (const group of groupBy(records, keys.uscc)) {
    linkAcrossSources(group, () => true, add('uscc', (a) => `uscc=${a.tax.uscc}`));
  }
  // Two USCCs are compared whole above: sharing only positions 9–17 is not evidence between them.
  for (const group of groupBy(records, keys.orgCode)) {
    linkAcrossSources(group, (a, b) => a.tax.form !== 'uscc' || b.tax.form !== 'uscc', add('org-code', (a, b) => `org-code=${a.tax.orgCode} (${a.tax.form} / ${b.tax.form})`));
  }
  for (const group of groupBy(records, keys.phone)) {
    linkAcrossSources(group, similarNames, add('phone-name', (a, b) => `phone=${a.phone}; names ${a.nameCore} / ${b.nameCore}`));
  }
  return links;
}
