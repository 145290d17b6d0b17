import type { NearDuplicateFinding, NearDuplicateReason } from './audit-types.js';
import { companyNameKey } from './company-name.js';
import { neighbourPairs, oneSubstitutionPairs, sortedIndices } from './fuzzy-candidates.js';
import { NameClusters } from './name-clusters.js';
import { editSimilarity } from './similarity.js';
import { pinyinKey } from './pinyin-key.js';

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
/** Names shorter than this (after normalisation) are too generic to be the same name. */
const MIN_NAME_LENGTH = 2;
/** Names shorter than this (after normalisation) are too generic for fuzzy matching. */
const MIN_FUZZY_LENGTH = 4;

/**
 * Groups of different codes that are probably one customer: the same tax id, the same normalised
 * company name, similar names, or names that sound the same (pinyin). The result depends on the set of
 * records only, never on their order: every pair the evidence links is linked (groups are the
 * connected components), and the fuzzy blocking runs over the distinct names in sorted order.
 * Blocking keeps it near O(n log n): exact keys go through hash maps, one-typo pairs through
 * per-position wildcard keys, other fuzzy pairs are only looked for among `window` neighbours in two
 * sort orders (name and reversed name).
 */
export function findNearDuplicates(records: readonly NameRecord[], options: NearDuplicateOptions = {}): NearDuplicateFinding[] {
  const threshold = options.threshold ?? 0.8;
  const window = options.window ?? 6;
  const clusters = new NameClusters(records.length);
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const key = companyNameKey(record.matchName);
    clusters.add(index, record.codeKey, key.core.length >= MIN_NAME_LENGTH ? key.core : null, key.place);
  }

  clusters.linkTaxIds(records.map((record) => record.taxKey), REASON_RANK['same-tax-id']);
  clusters.linkSameNames(REASON_RANK['same-name']);

  // Fuzzy passes over the distinct names, sorted: which pairs get compared cannot depend on record order.
  const order = sortedIndices(clusters.names);
  const names = Array.from(order, (id) => clusters.names[id]!);
  const compare = (a: number, b: number) => {
    const score = editSimilarity(names[a]!, names[b]!, threshold);
    if (score >= threshold) clusters.linkNames([order[a]!, order[b]!], REASON_RANK['similar-name'], Math.round(score * 1000) / 1000);
  };
  // One mistyped character: found exactly, whatever the neighbours (the sort orders below can miss it).
  oneSubstitutionPairs(names, Math.max(MIN_FUZZY_LENGTH, Math.ceil(1 / (1 - threshold) - 1e-9)), compare);
  // Other edits (a character more or less, two typos in a long name): neighbours in two sort orders.
  neighbourPairs(names, window, MIN_FUZZY_LENGTH, compare);
  // Names that sound the same: 华信 / 華信 (traditional), a homophone typed with a pinyin input method, `huaxin`.
  const byPinyin = new Map<string, number[]>();
  for (const id of order) {
    const key = pinyinKey(clusters.names[id]!);
    if (key === '') continue;
    const block = byPinyin.get(key);
    if (block) block.push(id);
    else byPinyin.set(key, [id]);
  }
  for (const block of byPinyin.values()) if (block.length > 1) clusters.linkNames(block, REASON_RANK['similar-name'], 1);

  return collectGroups(records, clusters);
}

/** One finding per group: per code its record with the smallest code and name as stored, everything sorted. */
function collectGroups(records: readonly NameRecord[], clusters: NameClusters): NearDuplicateFinding[] {
  const reasons = Object.keys(REASON_RANK) as NearDuplicateReason[];
  const findings: NearDuplicateFinding[] = [];
  for (const { members, rank, score } of clusters.groups()) {
    const byCode = new Map<string, number>();
    for (const index of members) {
      const earlier = byCode.get(records[index]!.codeKey);
      if (earlier === undefined || compareRecords(records[index]!, records[earlier]!) < 0) byCode.set(records[index]!.codeKey, index);
    }
    if (byCode.size < 2) continue;
    const chosen = [...byCode.values()].sort((a, b) => compareRecords(records[a]!, records[b]!));
    findings.push({
      codes: chosen.map((index) => records[index]!.code),
      names: chosen.map((index) => records[index]!.name),
      reason: reasons.find((reason) => REASON_RANK[reason] === rank)!,
      score,
    });
  }
  const sortKey = (finding: NearDuplicateFinding) => `${finding.codes.join('\u0000')}\u0001${finding.names.join('\u0000')}`;
  return findings.map((finding) => [sortKey(finding), finding] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, finding]) => finding);
}

function compareRecords(a: NameRecord, b: NameRecord): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
