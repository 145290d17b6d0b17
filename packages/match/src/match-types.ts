import type { MaskableField } from '@custcode/access';
import type { Customer } from '@custcode/core';
import type { FieldWeights } from './fellegi-sunter.js';

/** One source to match: its name and its customers as the caller may see them. */
export interface MatchSourceInput {
  /** The source's name (`sap`, `u8`): it names the record in links, decisions and golden fields. */
  name: string;
  /** The customers, read once: a source's `search()` stream or an array. */
  customers: AsyncIterable<Customer> | Iterable<Customer>;
  /** Fields masked for the caller (a guarded source's `access.masked`): never used as evidence, never shown. */
  masked?: readonly MaskableField[];
}

/** A reviewer's verdict on a pair of records (the decisions file). */
export interface MatchDecision {
  a: RecordRef;
  b: RecordRef;
  decision: 'confirm' | 'reject';
}

/** A record by source, code and org (org '' when the source has none). */
export interface RecordRef {
  source: string;
  code: string;
  org: string;
}

/** A global id given to a record by an earlier run (read back from its links file). */
export interface PreviousLink extends RecordRef {
  globalId: string;
}

export interface MatchOptions {
  /** Match probability at or above which a scored pair is linked. Default 0.95. */
  threshold?: number;
  /** Lowest probability of the review band [reviewFrom, threshold). Default 0.5. */
  reviewFrom?: number;
  /** m/u weights to use instead of estimating them by EM from the candidate pairs. */
  weights?: FieldWeights;
  /** Golden-record survivorship: sources in order of trust; unlisted sources rank after the listed ones, equal among themselves. */
  sourcePriority?: readonly string[];
  /** Reviewer decisions: confirmed pairs are linked, rejected pairs never end up in one cluster. */
  decisions?: readonly MatchDecision[];
  /** The links of an earlier run: their global ids are kept. */
  previous?: readonly PreviousLink[];
  /**
   * Evidence kinds to use (default all). Without `score` no pair is scored (no review list); `same-code`
   * and `confirmed` always apply. For measuring what each kind adds, or a deterministic-only run.
   */
  evidence?: readonly EvidenceKind[];
}

/** Why two records are one customer. */
export type EvidenceKind = 'confirmed' | 'same-code' | 'uscc' | 'org-code' | 'phone-name' | 'score';

/** One record in the result, with the cluster it joined and how. */
export interface MatchLink extends RecordRef {
  globalId: string;
  name: string;
  /** The link that brought the record into its cluster: 1 for deterministic evidence, else the match probability; null for the cluster's first record. */
  score: number | null;
  evidence: EvidenceKind | null;
  /** Per field, the comparison level and its weight (log2 m/u), for scored links; or the deterministic evidence in words. */
  detail: string;
  /** The record it was linked to, `source:code` (org after `@`), or ''. */
  linkedTo: string;
}

/** A pair left for a reviewer: probability in the review band, not in one cluster. */
export interface ReviewPair {
  a: MatchedRecordView;
  b: MatchedRecordView;
  probability: number;
  /** Per field: level and weight. */
  detail: string;
}

/** What a reviewer sees of a record (masked fields left out). */
export interface MatchedRecordView extends RecordRef {
  globalId: string;
  name: string;
  taxId: string;
  phone: string;
  address: string;
  region: string;
}

/** A field of the golden record and where it came from (`sap:100259`), '' when no record has it. */
export interface GoldenValue {
  value: string;
  from: string;
}

export const GOLDEN_FIELDS = ['name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status'] as const;
export type GoldenField = (typeof GOLDEN_FIELDS)[number];

export interface GoldenRecord {
  globalId: string;
  /** Earlier global ids merged into this one (their clusters were joined by new data or decisions). */
  mergedIds: string[];
  members: RecordRef[];
  sources: string[];
  fields: Record<GoldenField, GoldenValue>;
}

export interface MatchCluster {
  globalId: string;
  members: RecordRef[];
  sources: string[];
}

export interface MatchSummary {
  records: number;
  sources: Record<string, number>;
  clusters: number;
  /** Clusters with records of two or more sources. */
  crossSourceClusters: number;
  candidatePairs: number;
  /**
   * Comparisons the blocking left out: a block (records sharing a key, or two names one typo apart) compares
   * each newcomer with at most its first 50 members, so a common name or a shared switchboard number cannot
   * make the work quadratic. 0 when no block was that big.
   */
  blockingCapped: number;
  /** Links that joined two clusters, by evidence (a cluster of n records has n − 1). */
  linkedBy: Record<EvidenceKind, number>;
  review: number;
  /** Links dropped because they would have joined a rejected pair. */
  blockedByRejection: number;
  /** How the weights were obtained, and the λ (share of matches among candidate pairs). */
  weights: FieldWeights & { estimated: boolean; iterations: number };
  /** Scored pairs by probability, in tenths (0–0.1 … 0.9–1). */
  scoreHistogram: number[];
}

export interface MatchResult {
  links: MatchLink[];
  golden: GoldenRecord[];
  review: ReviewPair[];
  clusters: MatchCluster[];
  summary: MatchSummary;
}
