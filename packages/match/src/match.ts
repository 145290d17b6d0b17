import { ConfigError } from '@custcode/core';
import { blockRecords, type CandidatePairs } from './blocking.js';
import { clusterRecords, type Edge } from './cluster-records.js';
import { COMPARED_FIELDS, comparePatternOf, compareRecords, LEVELS, PATTERN_COUNT, patternLevels } from './comparison-levels.js';
import { deterministicEvidence } from './deterministic-evidence.js';
import { checkWeights, estimateMatchWeights, fieldWeight, type FieldWeights, initialWeights, matchPosterior, type PatternCount, randomPairSample } from './fellegi-sunter.js';
import { recordKeys, type RecordKeys } from './record-keys.js';
import { assignGlobalIds } from './global-ids.js';
import { goldenRecord } from './golden-record.js';
import { type MatchRecord, recordKey, toMatchRecord } from './match-record.js';
import type { EvidenceKind, MatchCluster, MatchedRecordView, MatchLink, MatchOptions, MatchResult, MatchSourceInput, ReviewPair } from './match-types.js';

/** Order in which evidence is applied: a reviewer's confirmation first, then the strongest kinds. */
export const EVIDENCE_ORDER: readonly EvidenceKind[] = ['confirmed', 'same-code', 'uscc', 'org-code', 'phone-name', 'score'];

/**
 * Links the same real-world customer across sources: deterministic evidence (tax ids, phone + name),
 * then Fellegi–Sunter scores over blocked candidate pairs with m/u estimated by EM, clusters by connected
 * components under the reviewer's decisions, stable global ids, and a golden record per cluster.
 */
export async function match(sources: readonly MatchSourceInput[], options: MatchOptions = {}): Promise<MatchResult> {
  const threshold = options.threshold ?? 0.95;
  const reviewFrom = options.reviewFrom ?? 0.5;
  if (!(threshold > 0 && threshold <= 1) || !(reviewFrom >= 0 && reviewFrom <= threshold)) {
    throw new ConfigError({ message: `Match threshold ${threshold} and review band start ${reviewFrom} are not 0 ≤ reviewFrom ≤ threshold ≤ 1 (threshold above 0).`, hint: 'For example threshold 0.95 and reviewFrom 0.5.' });
  }
  const names = sources.map((source) => source.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new ConfigError({ message: `Source "${repeated}" is given twice.`, hint: 'Match each source once; records are named by source and code.' });

  const records = await readRecords(sources);
  // Only decisions look records up by key: no key string per record otherwise.
  const byKey = new Map((options.decisions?.length ?? 0) === 0 ? [] : records.map((record) => [recordKey(record), record.index]));

  // Fellegi–Sunter over the blocked candidate pairs: each pair is one packed comparison pattern, and
  // everything after that (EM, posteriors, thresholds) works on the distinct patterns.
  const uses = (kind: EvidenceKind) => options.evidence === undefined || kind === 'same-code' || kind === 'confirmed' || options.evidence.includes(kind);
  const keys = recordKeys(records);
  const blocked = uses('score') ? blockRecords(records, keys) : { left: new Int32Array(0), right: new Int32Array(0), capped: 0 };
  const { left, right } = blocked;
  const pairCount = left.length;
  const patterns = new Uint16Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++) patterns[pair] = comparePatternOf(keys, left[pair]!, right[pair]!);

  const decided = new Set<string>();
  const confirmed: Edge[] = [];
  const rejected: Array<[number, number]> = [];
  for (const decision of options.decisions ?? []) {
    const a = byKey.get(recordKey(decision.a));
    const b = byKey.get(recordKey(decision.b));
    if (a === undefined || b === undefined) continue;
    decided.add(pairKey(a, b));
    if (decision.decision === 'confirm') confirmed.push({ a, b, kind: 'confirmed', score: 1, detail: 'confirmed by a reviewer' });
    else rejected.push([a, b]);
  }
  const deterministic = deterministicEvidence(records, keys).filter((link) => uses(link.kind)).map((link): Edge => ({ ...link, score: 1 }));
  // Pairs known to match: the reviewer's confirmations and the tax-id links (phone + name is left out: its
  // equal phones and similar names would teach m that every match agrees on both).
  const labelled = [...confirmed, ...deterministic.filter((edge) => edge.kind === 'uscc' || edge.kind === 'org-code')];
  const estimated = options.weights === undefined ? (pairCount === 0 ? { weights: initialWeights(), iterations: 0 } : await estimate(records, keys, blocked, patterns, labelled)) : { weights: checkWeights(options.weights), iterations: 0 };
  const weights = estimated.weights;
  // One posterior per distinct pattern; a pair's probability is a look-up.
  const posterior = new Float64Array(PATTERN_COUNT).fill(Number.NaN);
  const probabilityOf = (pair: number) => {
    const pattern = patterns[pair]!;
    let probability = posterior[pattern]!;
    if (Number.isNaN(probability)) probability = posterior[pattern] = matchPosterior(patternLevels(pattern), weights);
    return probability;
  };
  const detailOf = (pair: number) => describeLevels(patternLevels(patterns[pair]!), weights);
  const linked: number[] = [];
  for (let pair = 0; pair < pairCount; pair++) if (probabilityOf(pair) >= threshold) linked.push(pair);
  const scored = linked
    .sort((x, y) => probabilityOf(y) - probabilityOf(x) || left[x]! - left[y]! || right[x]! - right[y]!)
    .map((pair): Edge => ({ a: left[pair]!, b: right[pair]!, kind: 'score', score: probabilityOf(pair), detail: '', pair }));
  const edges = [...confirmed, ...deterministic, ...scored].sort((x, y) => EVIDENCE_ORDER.indexOf(x.kind) - EVIDENCE_ORDER.indexOf(y.kind));
  const clustering = clusterRecords(records.length, edges, rejected);

  // One reference object per record, shared by clusters and golden records.
  const refs = records.map(refOf);
  const memberRefs = clustering.clusters.map((members) => members.map((index) => refs[index]!));
  const { ids, merged } = assignGlobalIds(memberRefs, options.previous ?? []);
  const globalIdOf = new Array<string>(records.length);
  clustering.clusters.forEach((members, cluster) => members.forEach((index) => (globalIdOf[index] = ids[cluster]!)));

  const links: MatchLink[] = records.map((record) => {
    const edge = clustering.joinedBy[record.index];
    const other = edge === undefined ? undefined : records[edge.a === record.index ? edge.b : edge.a]!;
    return {
      ...refOf(record),
      globalId: globalIdOf[record.index]!,
      name: record.customer.name,
      score: edge === undefined ? null : edge.score,
      evidence: edge === undefined ? null : edge.kind,
      detail: edge === undefined ? '' : edge.pair === undefined ? edge.detail : detailOf(edge.pair),
      linkedTo: other === undefined ? '' : other.label,
    };
  });
  const review: ReviewPair[] = [];
  for (let pair = 0; pair < pairCount; pair++) {
    const probability = probabilityOf(pair);
    if (probability < reviewFrom || probability >= threshold) continue;
    const a = left[pair]!;
    const b = right[pair]!;
    if (globalIdOf[a] === globalIdOf[b] || decided.has(pairKey(a, b))) continue;
    review.push({ a: viewOf(records[a]!, globalIdOf[a]!), b: viewOf(records[b]!, globalIdOf[b]!), probability, detail: detailOf(pair) });
  }
  review.sort((x, y) => y.probability - x.probability);

  // Each cluster's sources, one array shared by the cluster and its golden record (a singleton needs no Set).
  const clusterSources = clustering.clusters.map((members) => (members.length === 1 ? [records[members[0]!]!.source] : [...new Set(members.map((index) => records[index]!.source))].sort()));
  const clusters: MatchCluster[] = clustering.clusters.map((_, cluster) => ({ globalId: ids[cluster]!, members: memberRefs[cluster]!, sources: clusterSources[cluster]! }));
  const golden = clustering.clusters.map((members, cluster) => goldenRecord(ids[cluster]!, merged[cluster]!, members.map((index) => records[index]!), options.sourcePriority ?? [], memberRefs[cluster], clusterSources[cluster]));

  const linkedBy = Object.fromEntries(EVIDENCE_ORDER.map((kind) => [kind, 0])) as Record<EvidenceKind, number>;
  for (const edge of clustering.applied) linkedBy[edge.kind]++;
  const scoreHistogram = new Array<number>(10).fill(0);
  for (let pair = 0; pair < pairCount; pair++) scoreHistogram[Math.min(9, Math.floor(probabilityOf(pair) * 10))]!++;
  return {
    links,
    golden,
    review,
    clusters,
    summary: {
      ...clusterCounts(names, records, clusters),
      candidatePairs: pairCount,
      blockingCapped: blocked.capped,
      linkedBy,
      review: review.length,
      blockedByRejection: clustering.blocked,
      weights: { ...weights, estimated: options.weights === undefined, iterations: estimated.iterations },
      scoreHistogram,
    },
  };
}

/**
 * The weights from the candidate pairs (estimateMatchWeights): the conflicting ones (both organisation codes
 * known and different), the labelled ones (confirmed or linked by tax id), and random pairs when needed.
 */
function estimate(records: readonly MatchRecord[], keys: RecordKeys, pairs: CandidatePairs, patterns: Uint16Array, known: readonly Edge[]) {
  const all = new Float64Array(PATTERN_COUNT);
  const conflicting = new Float64Array(PATTERN_COUNT);
  for (let pair = 0; pair < patterns.length; pair++) {
    const pattern = patterns[pair]!;
    all[pattern]!++;
    const x = keys.orgCode[pairs.left[pair]!]!;
    const y = keys.orgCode[pairs.right[pair]!]!;
    if (x !== 0 && y !== 0 && x !== y) conflicting[pattern]!++;
  }
  const one = (levels: ArrayLike<number>): PatternCount => ({ levels, count: 1 });
  return estimateMatchWeights({
    candidates: distinctPatterns(all),
    conflicting: distinctPatterns(conflicting),
    labelled: known.map((edge) => one(compareRecords(records[edge.a]!, records[edge.b]!))),
    random: () => {
      const sample = randomPairSample(records.length, (index) => records[index]!.source);
      const sampled: PatternCount[] = [];
      for (let index = 0; index < sample.length; index += 2) sampled.push(one(compareRecords(records[sample[index]!]!, records[sample[index + 1]!]!)));
      return sampled;
    },
  });
}

/**
 * The summary's counts both engines (JavaScript and SQL) give alike: records per source (every source named,
 * an empty one 0), clusters, and clusters spanning two or more sources.
 */
export function clusterCounts(names: readonly string[], records: readonly { source: string }[], clusters: readonly MatchCluster[]): Pick<MatchResult['summary'], 'records' | 'sources' | 'clusters' | 'crossSourceClusters'> {
  const sources: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  for (const record of records) sources[record.source] = (sources[record.source] ?? 0) + 1;
  return { records: records.length, sources, clusters: clusters.length, crossSourceClusters: clusters.filter((cluster) => cluster.sources.length > 1).length };
}

/** The patterns that occur, with their counts: EM iterates over these, not over pairs. */
function distinctPatterns(counts: Float64Array): PatternCount[] {
  const patterns: PatternCount[] = [];
  counts.forEach((count, pattern) => {
    if (count > 0) patterns.push({ levels: patternLevels(pattern), count });
  });
  return patterns;
}

async function readRecords(sources: readonly MatchSourceInput[]): Promise<MatchRecord[]> {
  const records: MatchRecord[] = [];
  for (const source of sources) {
    const masked = new Set<string>(source.masked ?? []);
    for await (const customer of source.customers) records.push(toMatchRecord(records.length, source.name, customer, masked));
  }
  return records;
}

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const refOf = (record: MatchRecord) => ({ source: record.source, code: record.code, org: record.org });

/** What a reviewer sees of a record (its visible customer). */
export function viewOf(record: MatchRecord, globalId: string): MatchedRecordView {
  const { customer } = record;
  return { ...refOf(record), globalId, name: customer.name, taxId: customer.taxId ?? '', phone: customer.phone ?? '', address: customer.address ?? '', region: customer.region ?? '' };
}

/** `name=close(+5.1) pinyin=same(+3.2) phone=null …`: each field's level and its weight log2(m/u). */
export function describeLevels(levels: ArrayLike<number>, weights: FieldWeights): string {
  return COMPARED_FIELDS.map((field, position) => {
    const level = levels[position]!;
    if (level < 0) return `${field}=null`;
    const weight = fieldWeight(weights, field, level);
    return `${field}=${LEVELS[field][level]}(${weight >= 0 ? '+' : ''}${weight.toFixed(1)})`;
  }).join(' ');
}
